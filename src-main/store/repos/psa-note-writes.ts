// The ledger of notes Baton writes to ConnectWise (see psaNoteWrites in schema.ts): recorded before the
// POST, completed with the note id once known, so a retry never posts the same note twice.
import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { psaNoteWrites } from '../schema';

export type PsaNoteWriteRow = typeof psaNoteWrites.$inferSelect;

export function getNoteWrite(db: Db, reference: string): PsaNoteWriteRow | undefined {
  return db.select().from(psaNoteWrites).where(eq(psaNoteWrites.reference, reference)).get();
}

/** Records a write about to be sent; an existing record (an earlier attempt) is kept as it is. */
export function beginNoteWrite(
  db: Db,
  row: { reference: string; ticketId: number; afterNoteId: number },
  now: number,
): void {
  db.insert(psaNoteWrites)
    .values({ ...row, createdAt: now })
    .onConflictDoNothing()
    .run();
}

export function finishNoteWrite(db: Db, reference: string, noteId: number): void {
  db.update(psaNoteWrites).set({ noteId }).where(eq(psaNoteWrites.reference, reference)).run();
}

/** Forgets a write whose note was taken back (a losing claim), so a later attempt posts afresh. */
export function forgetNoteWrite(db: Db, reference: string): void {
  db.delete(psaNoteWrites).where(eq(psaNoteWrites.reference, reference)).run();
}

/** The ledger as the ConnectWise client uses it. */
export function noteLedger(db: Db, now: () => number) {
  return {
    get: (reference: string) => getNoteWrite(db, reference),
    begin: (reference: string, ticketId: number, afterNoteId: number) =>
      beginNoteWrite(db, { reference, ticketId, afterNoteId }, now()),
    done: (reference: string, noteId: number) => finishNoteWrite(db, reference, noteId),
    forget: (reference: string) => forgetNoteWrite(db, reference),
  };
}

export type NoteLedger = ReturnType<typeof noteLedger>;
