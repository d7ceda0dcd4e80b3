// Lets a caller wait (a bounded time) for an attempt of an outbox job to finish: "Confirm & post"
// answers with the verified outcome when ConnectWise is quick, and with "queued" at once when the
// attempt failed and the job waits for a retry (e.g. ConnectWise cannot be reached).
import type { Db } from '../store/database';
import type { JobRow } from '../store/repos/jobs';
import { getJob } from '../store/repos/jobs';

export function createJobWaiters(db: Db) {
  const waiters = new Map<number, Set<(job: JobRow | null) => void>>();
  const finished = (job: JobRow | undefined) => job?.state === 'done' || job?.state === 'dead';
  /** An attempt ended: done, dead, or failed and back in the queue for a later retry. */
  const attempted = (job: JobRow) => finished(job) || (job.state === 'queued' && job.lastError !== null);

  return {
    /** Feed every job change here (the worker's onJobChanged). */
    jobChanged(job: JobRow) {
      if (!attempted(job)) return;
      const listeners = waiters.get(job.id);
      waiters.delete(job.id);
      for (const listener of listeners ?? []) listener(job);
    },
    /** Closing: whoever waits hears null now. */
    dispose() {
      for (const [id, listeners] of [...waiters]) {
        waiters.delete(id);
        for (const listener of listeners) listener(null);
      }
    },
    /** The job once an attempt ended (or it was done or dead already), or null when `timeoutMs` passes first. */
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
