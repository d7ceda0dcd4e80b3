// The service board of each ConnectWise ticket this machine has seen, kept for the Insights board
// filter (a ticket's board is otherwise known only to ConnectWise).
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { psaTicketBoards } from '../schema';

export function rememberTicketBoard(
  db: Db,
  ticketId: number,
  board: { id: number; name: string },
  now: number,
): void {
  db.insert(psaTicketBoards)
    .values({ ticketId, boardId: board.id, boardName: board.name, seenAt: now })
    .onConflictDoUpdate({
      target: psaTicketBoards.ticketId,
      set: { boardId: board.id, boardName: board.name, seenAt: now },
    })
    .run();
}

/** Every board seen, each with the name it was last seen under. */
export function listSeenBoards(db: Db): { id: number; name: string }[] {
  return db
    .select({
      id: psaTicketBoards.boardId,
      // SQLite's bare-column rule: with max(), the name comes from the row last seen.
      name: sql<string>`${psaTicketBoards.boardName}`,
      seen: sql<number>`max(${psaTicketBoards.seenAt})`,
    })
    .from(psaTicketBoards)
    .groupBy(psaTicketBoards.boardId)
    .orderBy(asc(psaTicketBoards.boardName))
    .all()
    .map(({ id, name }) => ({ id, name }));
}
