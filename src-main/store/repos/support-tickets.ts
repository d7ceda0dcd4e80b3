import { and, gte, lt, sql } from 'drizzle-orm';
import type { Priority } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { supportTickets } from '../schema';

/** The highest number of one prefix and day, from `stem` ("BTN-20261206-"). The day's numbers are
 * read as a range of the unique index ('.' sorts right after '-'): a LIKE with a bound pattern cannot
 * use the index, and read every ticket ever made on each escalation. */
export const lastOfDayQuery = (db: Db) =>
  db
    .select({
      n: sql<
        number | null
      >`max(cast(substr(${supportTickets.ticketNumber}, ${sql.placeholder('from')}) as integer))`,
    })
    .from(supportTickets)
    .where(
      and(
        gte(supportTickets.ticketNumber, sql.placeholder('stem')),
        lt(supportTickets.ticketNumber, sql.placeholder('end')),
      ),
    );

/** `PREFIX-YYYYMMDD-NNNN`: the day in UTC, a sequence per prefix and day. */
export function nextTicketNumber(db: Db, prefix: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
  const stem = `${prefix}-${day}-`;
  const last = prepared(db, 'supportTickets.lastOfDay', (d) => lastOfDayQuery(d).prepare()).get({
    stem,
    end: `${stem.slice(0, -1)}.`,
    from: stem.length + 1,
  });
  return `${stem}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}

export function insertSupportTicket(
  db: Db,
  input: {
    id: string;
    ticketNumber: string;
    sessionId: string;
    handoffId: string | null;
    priority: Priority;
    escalationReason: string | null;
  },
  now: number,
): void {
  prepared(db, 'supportTickets.insert', (d) =>
    d
      .insert(supportTickets)
      .values({
        id: sql.placeholder('id'),
        ticketNumber: sql.placeholder('ticketNumber'),
        sessionId: sql.placeholder('sessionId'),
        handoffId: sql.placeholder('handoffId'),
        priority: sql.placeholder('priority'),
        escalationReason: sql.placeholder('escalationReason'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  ).run({ ...input, createdAt: now });
}
