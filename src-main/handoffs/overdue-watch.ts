// "Unclaimed too long" (issue 5): a handoff still unclaimed past the minutes Settings allow for its
// priority is announced again on every configured channel — once: the reminder is recorded on the
// handoff in the same transaction as its jobs, so a restart or a second sweep never repeats it.
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { listUnremindedOpenHandoffs, markOverdueNotified } from '../store/repos/handoffs';
import type { AnnounceChannels } from './handoff-notifications';
import { enqueueHandoffAnnouncements } from './handoff-notifications';
import { overdueMinutes } from './handoff-settings';

export const OVERDUE_SWEEP_MS = 30_000;

export function createOverdueWatch(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  enqueue: (request: EnqueueRequest) => { id: number };
  channels: AnnounceChannels;
  log: (message: string, err?: unknown) => void;
}) {
  const { db, clock, events } = deps;
  let timer: NodeJS.Timeout | null = null;

  /** Announces every handoff that has just become overdue; returns their ids. */
  function sweep(): string[] {
    const minutes = overdueMinutes(db);
    const now = clock.now();
    const soonest = Math.min(...Object.values(minutes)) * 60_000;
    const due = listUnremindedOpenHandoffs(db, now - soonest).filter(
      (h) => now - h.createdAt > minutes[h.priority] * 60_000,
    );
    const reminded: typeof due = [];
    for (const handoff of due) {
      const sent = inTransaction(db, () => {
        if (!markOverdueNotified(db, handoff.id, now)) return false;
        enqueueHandoffAnnouncements(deps.enqueue, deps.channels, {
          handoffId: handoff.id,
          sessionId: handoff.sessionId,
          reminder: true,
        });
        appendAudit(
          db,
          {
            actorId: null,
            action: 'handoff.overdue-reminder',
            entityType: 'handoff',
            entityId: handoff.id,
            details: { priority: handoff.priority, thresholdMinutes: minutes[handoff.priority] },
          },
          now,
        );
        return true;
      });
      if (sent) reminded.push(handoff);
    }
    for (const { id, sessionTitle, priority, handedOffById } of reminded)
      events.emit('handoff_overdue', { id, sessionTitle, priority, handedOffById });
    return reminded.map((h) => h.id);
  }

  const safeSweep = () => {
    try {
      sweep();
    } catch (err) {
      deps.log('overdue sweep failed', err);
    }
  };

  return {
    sweep,
    start(intervalMs = OVERDUE_SWEEP_MS) {
      if (timer) return;
      safeSweep();
      timer = setInterval(safeSweep, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
