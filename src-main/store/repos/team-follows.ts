import { eq, gt } from 'drizzle-orm';
import type { Db } from '../database';
import { teamFollows } from '../schema';

export type TeamFollowRow = typeof teamFollows.$inferSelect;

export function followTicket(
  db: Db,
  row: { handoffId: string; sessionId: string; ticketId: number; lastNoteId?: number },
  now: number,
): void {
  db.insert(teamFollows)
    .values({ ...row, createdAt: now })
    .onConflictDoNothing()
    .run();
}

/**
 * The follows to read this poll: those whose handoff note is on the ticket (an escalation still on its
 * way to ConnectWise has nothing to follow yet: its follow starts at 0 until the note lands).
 */
export function listFollows(db: Db): TeamFollowRow[] {
  return db.select().from(teamFollows).where(gt(teamFollows.lastNoteId, 0)).all();
}

/** Starts reading the ticket after `noteId` (a follow that had nothing to read yet). */
export function startFollowAt(db: Db, handoffId: string, noteId: number): void {
  db.update(teamFollows).set({ lastNoteId: noteId }).where(eq(teamFollows.handoffId, handoffId)).run();
}

/** The ticket closed: this machine stops reading its notes. */
export function unfollowTicket(db: Db, handoffId: string): void {
  db.delete(teamFollows).where(eq(teamFollows.handoffId, handoffId)).run();
}

export function followOfSession(db: Db, sessionId: string): TeamFollowRow | undefined {
  return db.select().from(teamFollows).where(eq(teamFollows.sessionId, sessionId)).get();
}

export function advanceFollow(db: Db, handoffId: string, lastNoteId: number): void {
  db.update(teamFollows).set({ lastNoteId }).where(eq(teamFollows.handoffId, handoffId)).run();
}
