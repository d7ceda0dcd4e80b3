// The in-app bell (DESIGN §3, Notifications): after a handoff commits, a job tells every active
// owner, admin and engineer on this machine except the one who handed it off. Each person has their
// own unread state; re-running the job adds nothing twice.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { BellNotification, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { defineJobKind } from '../jobs/job-kinds';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getHandoff, getHandoffRow } from '../store/repos/handoffs';
import { notifications, users } from '../store/schema';
import { handoffHeadline } from './webhook-messages';

export const NOTIFY_IN_APP = 'notify.in_app';
const LIST_LIMIT = 50;

export function createBell(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  const { db, clock, events } = deps;

  const unreadCount = (userId: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()!.n;

  const kind = defineJobKind({
    kind: NOTIFY_IN_APP,
    service: 'local',
    payload: z.object({ handoffId: z.uuid(), reminder: z.boolean().optional() }),
    describe: ({ reminder }) =>
      reminder ? 'In-app reminder of an unclaimed handoff' : 'In-app notification of a handoff',
    run({ handoffId, reminder }) {
      const row = getHandoffRow(db, handoffId);
      const handoff = row && getHandoff(db, handoffId, row.handedOffById);
      if (!row || !handoff || (reminder && handoff.claimedById)) return Promise.resolve();
      const recipients = db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            inArray(users.role, ['owner', 'admin', 'engineer']),
            ne(users.id, row.handedOffById),
          ),
        )
        .all()
        .map((u) => u.id);
      const now = clock.now();
      const title = handoffHeadline(handoff, reminder ? now : undefined);
      const body = `${handoff.priority} priority · ${handoff.handedOffByName}${handoff.reason ? ` — ${handoff.reason}` : ''}`;
      inTransaction(db, () => {
        for (const userId of recipients) {
          const insert = db
            .insert(notifications)
            .values({ id: randomUUID(), userId, title, body, handoffId, createdAt: now });
          // One bell item per person and handoff: a reminder brings it back to the top, unread again.
          if (reminder)
            insert
              .onConflictDoUpdate({
                target: [notifications.userId, notifications.handoffId],
                set: { title, body, readAt: null, createdAt: now },
              })
              .run();
          else insert.onConflictDoNothing().run();
        }
      });
      if (recipients.length) events.emit('notifications_changed', { userIds: recipients });
      return Promise.resolve();
    },
  });

  function list(actor: User): { items: BellNotification[]; unread: number } {
    const items = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.id))
      .orderBy(desc(notifications.createdAt))
      .limit(LIST_LIMIT)
      .all()
      .map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        handoffId: n.handoffId,
        read: n.readAt !== null,
        createdAt: n.createdAt,
      }));
    return { items, unread: unreadCount(actor.id) };
  }

  /** Marks the given notifications (or all of them) read for this person. */
  function markRead(actor: User, ids: string[] | undefined): { unread: number } {
    const mine = and(eq(notifications.userId, actor.id), isNull(notifications.readAt));
    db.update(notifications)
      .set({ readAt: clock.now() })
      .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
      .run();
    events.emit('notifications_changed', { userIds: [actor.id] });
    return { unread: unreadCount(actor.id) };
  }

  /** A notice for one person that is not about a handoff (e.g. a note ConnectWise refused). */
  function tell(userId: string, title: string, body: string): void {
    db.insert(notifications)
      .values({ id: randomUUID(), userId, title, body, handoffId: null, createdAt: clock.now() })
      .run();
    events.emit('notifications_changed', { userIds: [userId] });
  }

  return { kind, list, markRead, tell };
}
