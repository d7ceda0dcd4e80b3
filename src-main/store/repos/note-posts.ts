import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { notePosts } from '../schema';

export type NotePostRow = typeof notePosts.$inferSelect;

export function insertNotePost(db: Db, row: typeof notePosts.$inferInsert): void {
  db.insert(notePosts).values(row).run();
}

export function getNotePost(db: Db, id: string): NotePostRow | undefined {
  return db.select().from(notePosts).where(eq(notePosts.id, id)).get();
}

export function updateNotePost(db: Db, id: string, patch: Partial<NotePostRow>): void {
  db.update(notePosts).set(patch).where(eq(notePosts.id, id)).run();
}

/** The session's newest post that has not finished (queued, or failed and waiting for a Retry). */
export function unfinishedNotePost(db: Db, sessionId: string): NotePostRow | undefined {
  return db
    .select()
    .from(notePosts)
    .where(and(eq(notePosts.sessionId, sessionId), inArray(notePosts.state, ['queued', 'failed'])))
    .orderBy(desc(notePosts.createdAt))
    .get();
}

/** The session's newest post of `kind` that went through (where its note is on the ticket). */
export function lastDonePost(db: Db, sessionId: string, kind: NotePostRow['kind']): NotePostRow | undefined {
  return db
    .select()
    .from(notePosts)
    .where(and(eq(notePosts.sessionId, sessionId), eq(notePosts.kind, kind), eq(notePosts.state, 'done')))
    .orderBy(desc(notePosts.updatedAt))
    .get();
}
