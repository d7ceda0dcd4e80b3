// Lets a caller wait (a bounded time) for an outbox job to finish: "Confirm & post" answers with the
// verified outcome when ConnectWise is quick, and with "queued" when it is not.
import type { Db } from '../store/database';
import type { JobRow } from '../store/repos/jobs';
import { getJob } from '../store/repos/jobs';

export function createJobWaiters(db: Db) {
  const waiters = new Map<number, Set<(job: JobRow) => void>>();
  const finished = (job: JobRow | undefined) => job?.state === 'done' || job?.state === 'dead';

  return {
    /** Feed every job change here (the worker's onJobChanged). */
    jobChanged(job: JobRow) {
      if (!finished(job)) return;
      const listeners = waiters.get(job.id);
      waiters.delete(job.id);
      for (const listener of listeners ?? []) listener(job);
    },
    /** The job once done or dead, or null when `timeoutMs` passes first. */
    wait(jobId: number, timeoutMs: number): Promise<JobRow | null> {
      const now = getJob(db, jobId);
      if (!now || finished(now)) return Promise.resolve(now ?? null);
      return new Promise((resolve) => {
        const listeners = waiters.get(jobId) ?? new Set();
        waiters.set(jobId, listeners);
        const done = (job: JobRow | null) => {
          clearTimeout(timer);
          listeners.delete(done);
          resolve(job);
        };
        const timer = setTimeout(() => done(null), timeoutMs);
        listeners.add(done);
      });
    },
  };
}
