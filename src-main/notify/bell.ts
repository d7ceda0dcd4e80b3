// The in-app bell (DESIGN §3, Notifications): after a handoff commits, a job tells every active
// owner, admin and engineer on this machine except the one who handed it off. Each person has their
// own unread state; re-running the job adds nothing twice.
import { z } from 'zod';
import type { BellNotification, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { defineJobKind } from '../jobs/job-kinds';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getHandoff, getHandoffRow } from '../store/repos/handoffs';
import {
  countUnreadNotifications,
  insertHandoffNotification,
  insertNotice,
  listNotifications,
  markNotificationsRead,
  raiseHandoffReminder,
} from '../store/repos/notifications';
import { listHandoffRecipients } from '../store/repos/users';
import { handoffHeadline } from './webhook-messages';

export const NOTIFY_IN_APP = 'notify.in_app';
const LIST_LIMIT = 50;

export function createBell(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  const { db, clock, events } = deps;

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
      const recipients = listHandoffRecipients(db, row.handedOffById);
      const now = clock.now();
      const title = handoffHeadline(handoff, reminder ? now : undefined);
      const body = `${handoff.priority} priority · ${handoff.handedOffByName}${handoff.reason ? ` — ${handoff.reason}` : ''}`;
      inTransaction(db, () => {
        for (const userId of recipients) {
          const item = { userId, title, body, handoffId };
          if (reminder) raiseHandoffReminder(db, item, now);
          else insertHandoffNotification(db, item, now);
        }
      });
      if (recipients.length) events.emit('notifications_changed', { userIds: recipients });
      return Promise.resolve();
    },
  });

  function list(actor: User): { items: BellNotification[]; unread: number } {
    const items = listNotifications(db, actor.id, LIST_LIMIT);
    return { items, unread: countUnreadNotifications(db, actor.id) };
  }

  /** Marks the given notifications (or all of them) read for this person. */
  function markRead(actor: User, ids: string[] | undefined): { unread: number } {
    markNotificationsRead(db, actor.id, ids, clock.now());
    events.emit('notifications_changed', { userIds: [actor.id] });
    return { unread: countUnreadNotifications(db, actor.id) };
  }

  /** A notice for one person that is not about a handoff (e.g. a note ConnectWise refused). */
  function tell(userId: string, title: string, body: string): void {
    insertNotice(db, { userId, title, body }, clock.now());
    events.emit('notifications_changed', { userIds: [userId] });
  }

  return { kind, list, markRead, tell };
}
