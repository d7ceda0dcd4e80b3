import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import { insertSession } from './sessions';
import { insertSupportTicket, lastOfDayQuery, nextTicketNumber } from './support-tickets';
import { insertUser } from './users';

const DAY = Date.UTC(2026, 11, 6, 15);

function store() {
  const opened = tempStore();
  const user = insertUser(
    opened.db,
    { id: randomUUID(), name: 'Terry Tech', email: 't@example.com', role: 'technician' },
    1,
  );
  const session = insertSession(opened.db, { id: randomUUID(), title: 'S', createdById: user.id }, 1);
  const add = (ticketNumber: string) =>
    insertSupportTicket(
      opened.db,
      {
        id: randomUUID(),
        ticketNumber,
        sessionId: session.id,
        handoffId: null,
        priority: 'high',
        escalationReason: null,
      },
      1,
    );
  return { db: opened.db, sqlite: opened.sqlite, add };
}

describe('nextTicketNumber', () => {
  it('counts per prefix and UTC day, past 9999, and is not thrown by look-alike prefixes or other days', () => {
    const { db, add } = store();
    expect(nextTicketNumber(db, 'BTN', DAY)).toBe('BTN-20261206-0001');
    add('BTN-20261206-0001');
    add('BTN-20261206-0002');
    // Other days and prefixes that share letters, or sort just beside the day's range.
    for (const other of [
      'BTN-20261205-0042',
      'BTN-20261207-0099',
      'BTN1-20261206-0500',
      'BT-20261206-0700',
      'BTNX-20261206-0900',
    ])
      add(other);
    expect(nextTicketNumber(db, 'BTN', DAY)).toBe('BTN-20261206-0003');
    expect(nextTicketNumber(db, 'BTN1', DAY)).toBe('BTN1-20261206-0501');
    expect(nextTicketNumber(db, 'BTN', Date.UTC(2026, 11, 6, 23, 59))).toBe('BTN-20261206-0003');
    expect(nextTicketNumber(db, 'BTN', Date.UTC(2026, 11, 7, 0, 1))).toBe('BTN-20261207-0100');
    add('BTN-20261206-9999');
    expect(nextTicketNumber(db, 'BTN', DAY)).toBe('BTN-20261206-10000');
    add('BTN-20261206-10000');
    expect(nextTicketNumber(db, 'BTN', DAY)).toBe('BTN-20261206-10001');
  });

  it('reads only the day’s numbers from the index, however many tickets the store holds', () => {
    const { db, sqlite } = store();
    const { sql } = lastOfDayQuery(db).toSQL();
    const plan = sqlite.prepare(`explain query plan ${sql}`).all(15, 'BTN-20261206-', 'BTN-20261206.') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toMatch(
      /SEARCH support_tickets USING COVERING INDEX \S+ \(ticket_number>\? AND ticket_number<\?\)/,
    );
  });
});
