import { like, sql } from 'drizzle-orm';
import type { Priority } from '../../../src-preload/contract';
import type { Db } from '../database';
import { supportTickets } from '../schema';

/** `PREFIX-YYYYMMDD-NNNN`: the day in UTC, a sequence per prefix and day. */
export function nextTicketNumber(db: Db, prefix: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  const stem = `${prefix}-${day}-`;
  const last = db
    .select({
      n: sql<number | null>`max(cast(substr(${supportTickets.ticketNumber}, ${stem.length + 1}) as integer))`,
    })
    .from(supportTickets)
    .where(like(supportTickets.ticketNumber, `${stem}%`))
    .get();
  return `${stem}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}

export function insertSupportTicket(
  db: Db,
  input: {
    id: string;
    ticketNumber: string;
    sessionId: string;
    handoffId: string;
    priority: Priority;
    escalationReason: string | null;
  },
  now: number,
): void {
  db.insert(supportTickets)
    .values({ ...input, createdAt: now })
    .run();
}
