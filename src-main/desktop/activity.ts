// What is in flight right now that a restart would cut short: a note being posted to ConnectWise, a
// claim, an AI reply streaming in, anything else the outbox is sending. "Restart to update" waits for
// this to be empty (the outbox would redo the work after a restart, but a person watching a reply or a
// claim would see it vanish half-way).
import { AI_REPLY } from '../services/message-views';
import { PSA_POST_NOTE } from '../notes/psa-post-job';
import type { Db } from '../store/database';
import { runningJobKinds } from '../store/repos/jobs';

/** Channels whose call is itself the work (a claim goes through ConnectWise inside the call). */
const TRACKED_CHANNELS: Record<string, string> = {
  'handoffs:claim': 'a claim',
  'notes:post': 'a note being posted',
  'notes:retry-post': 'a note being posted',
  'messages:retry-reply': 'an AI reply',
};

const JOB_WORDS: Record<string, string> = {
  [AI_REPLY]: 'an AI reply',
  [PSA_POST_NOTE]: 'a note being posted',
};

export type Activity = ReturnType<typeof createActivity>;

export function createActivity(db: Db) {
  const inFlight = new Map<string, number>();
  let waiters: (() => void)[] = [];

  function busyReason(): string | null {
    const busy = [...inFlight.entries()].filter(([, n]) => n > 0).map(([what]) => what);
    for (const kind of runningJobKinds(db)) busy.push(JOB_WORDS[kind] ?? 'an item the outbox is sending');
    if (busy.length === 0) return null;
    return [...new Set(busy)].join(', ');
  }

  /** Something may have finished: wake whoever waits for quiet. */
  function changed(): void {
    if (waiters.length === 0 || busyReason() !== null) return;
    const wake = waiters;
    waiters = [];
    wake.forEach((fn) => fn());
  }

  return {
    busyReason,
    changed,
    /** Counts a contract call while it runs, when its channel is one a restart must not cut. */
    track<T>(channel: string, work: Promise<T>): Promise<T> {
      const what = TRACKED_CHANNELS[channel];
      if (!what) return work;
      inFlight.set(what, (inFlight.get(what) ?? 0) + 1);
      const done = () => {
        inFlight.set(what, (inFlight.get(what) ?? 1) - 1);
        changed();
      };
      return work.finally(done);
    },
    /** Resolves once nothing is in flight (at once when nothing is). */
    whenIdle(): Promise<void> {
      if (busyReason() === null) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
