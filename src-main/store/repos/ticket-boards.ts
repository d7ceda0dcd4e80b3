// The service board of each ConnectWise ticket this machine has seen, kept for the Insights board
// filter (a ticket's board is otherwise known only to ConnectWise), and the boards themselves.
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { psaBoards, psaTicketBoards } from '../schema';

export function rememberTicketBoard(
  db: Db,
  ticketId: number,
  board: { id: number; name: string },
  now: number,
): void {
  // Each poll sees the same tickets again: only a change is written.
  db.insert(psaTicketBoards)
    .values({ ticketId, boardId: board.id, seenAt: now })
    .onConflictDoUpdate({
      target: psaTicketBoards.ticketId,
      set: { boardId: board.id, seenAt: now },
      setWhere: sql`${psaTicketBoards.boardId} != ${board.id}`,
    })
    .run();
  db.insert(psaBoards)
    .values({ id: board.id, name: board.name, seenAt: now })
    .onConflictDoUpdate({
      target: psaBoards.id,
      set: { name: board.name, seenAt: now },
      setWhere: sql`${psaBoards.name} != ${board.name}`,
    })
    .run();
}

/** Every board a seen ticket is on, by name. */
export function listSeenBoards(db: Db): { id: number; name: string }[] {
  return db
    .select({ id: psaBoards.id, name: psaBoards.name })
    .from(psaBoards)
    .orderBy(asc(psaBoards.name))
    .all();
}
