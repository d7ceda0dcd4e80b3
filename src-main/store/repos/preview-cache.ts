import { and, eq } from 'drizzle-orm';
import type { NoteKind } from '../../../src-preload/contract';
import type { Db } from '../database';
import { previewCache } from '../schema';

export type PreviewCacheRow = typeof previewCache.$inferSelect;

export function getCachedPreview(
  db: Db,
  kind: NoteKind,
  sessionId: string,
  stateVersion: number,
): PreviewCacheRow | undefined {
  return db
    .select()
    .from(previewCache)
    .where(
      and(
        eq(previewCache.kind, kind),
        eq(previewCache.sessionId, sessionId),
        eq(previewCache.stateVersion, stateVersion),
      ),
    )
    .get();
}

/** Keeps the newest draft per (kind, session); older versions can never be asked for again. */
export function putCachedPreview(db: Db, row: PreviewCacheRow): void {
  db.delete(previewCache)
    .where(and(eq(previewCache.kind, row.kind), eq(previewCache.sessionId, row.sessionId)))
    .run();
  db.insert(previewCache).values(row).run();
}
