import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { settings } from '../schema';

/** Settings hold non-secret values only, JSON-encoded. */
export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function putSetting(db: Db, key: string, value: unknown, now: number, actorId: string | null): void {
  const encoded = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: encoded, updatedAt: now, updatedById: actorId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: encoded, updatedAt: now, updatedById: actorId },
    })
    .run();
}
