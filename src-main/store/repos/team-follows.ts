import { eq } from 'drizzle-orm';
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

export function listFollows(db: Db): TeamFollowRow[] {
  return db.select().from(teamFollows).all();
}

export function followOfSession(db: Db, sessionId: string): TeamFollowRow | undefined {
  return db.select().from(teamFollows).where(eq(teamFollows.sessionId, sessionId)).get();
}

export function advanceFollow(db: Db, handoffId: string, lastNoteId: number): void {
  db.update(teamFollows).set({ lastNoteId }).where(eq(teamFollows.handoffId, handoffId)).run();
}
