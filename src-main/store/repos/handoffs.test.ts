import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import { getHandoff, insertHandoff, listHandoffCards, markHandoffRead } from './handoffs';
import { insertSession } from './sessions';
import { insertSupportTicket } from './support-tickets';
import { insertUser } from './users';

const store = () => tempStore().db;

describe('listHandoffCards', () => {
  it('pages the queue in light cards that agree with getHandoff, ticket number included (or null without one)', () => {
    const db = store();
    const tech = insertUser(
      db,
      { id: randomUUID(), name: 'Terry Tech', email: 't@example.com', role: 'technician' },
      1,
    );
    const senior = insertUser(
      db,
      { id: randomUUID(), name: 'Sam Senior', email: 's@example.com', role: 'engineer' },
      1,
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const session = insertSession(
        db,
        { id: randomUUID(), title: `Session ${i}`, createdById: tech.id },
        10 + i,
      );
      const id = randomUUID();
      insertHandoff(db, {
        id,
        sessionId: session.id,
        intent: 'escalate',
        handedOffById: tech.id,
        targetUserId: i === 1 ? senior.id : null,
        priority: 'high',
        reason: `Reason ${i}`,
        snapshot: JSON.stringify({ summary: `Session ${i}`, branches: [] }),
        createdAt: 100 + i,
      });
      // The last one has no ticket (as a handoff written by hand, or one whose ticket went away).
      if (i < 3)
        insertSupportTicket(
          db,
          {
            id: randomUUID(),
            ticketNumber: `BTN-20261128-000${i + 1}`,
            sessionId: session.id,
            handoffId: id,
            priority: 'high',
            escalationReason: `Reason ${i}`,
          },
          100 + i,
        );
      ids.push(id);
    }
    markHandoffRead(db, ids[2]!, senior.id, 200);

    const all = listHandoffCards(db, senior.id, { sort: 'newest', after: null, limit: 10 });
    expect(all.map((h) => h.id)).toEqual([...ids].reverse());
    for (const card of all) {
      const full = getHandoff(db, card.id, senior.id)!;
      expect(card).toMatchObject({
        sessionTitle: full.sessionTitle,
        reason: full.reason,
        handedOffByName: full.handedOffByName,
        targetUserName: full.targetUserName,
        ticketNumber: full.ticketNumber,
        createdAt: full.createdAt,
        unread: full.unread,
        assessmentState: full.assessment.state,
      });
    }
    expect(all.map((h) => h.ticketNumber)).toEqual([
      null,
      'BTN-20261128-0003',
      'BTN-20261128-0002',
      'BTN-20261128-0001',
    ]);
    // Two pages of two, the second after the first's last card.
    const first = listHandoffCards(db, senior.id, { sort: 'newest', after: null, limit: 2 });
    const last = first.at(-1)!;
    const second = listHandoffCards(db, senior.id, {
      sort: 'priority',
      after: { rank: last.rank, createdAt: last.createdAt, seq: last.seq },
      limit: 2,
    });
    expect([...first, ...second].map((h) => h.id)).toEqual([...ids].reverse());
    expect(listHandoffCards(db, tech.id, { sort: 'priority', after: null, limit: 10 })).toEqual([]);
  });
});
