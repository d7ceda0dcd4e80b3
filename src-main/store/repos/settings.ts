import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { settings } from '../schema';
import { appendAudit } from './audit-log';

/** Settings hold non-secret values only, JSON-encoded. */
export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = prepared(db, 'settings.get', (d) =>
    d
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key')))
      .prepare(),
  ).get({ key });
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

/** One setting a Settings form may change: its key, its audit name, the new value, and whether it changed. */
export type SettingChange = [key: string, what: string, value: unknown, changed: boolean];

/**
 * Writes the settings that changed, each with its audit row (`settings.{area}.{what}`). Call it inside
 * the save's transaction.
 */
export function putChangedSettings(
  db: Db,
  who: { actorId: string; area: string; now: number },
  changes: readonly SettingChange[],
): void {
  for (const [key, what, value, changed] of changes) {
    if (!changed) continue;
    putSetting(db, key, value, who.now, who.actorId);
    appendAudit(
      db,
      {
        actorId: who.actorId,
        action: `settings.${who.area}.${what}`,
        entityType: 'settings',
        entityId: key,
        details: { value },
      },
      who.now,
    );
  }
}
