// The outbox worker (DESIGN §4): runs due jobs with bounded concurrency per service, retries with
// backoff and jitter (or when the server's Retry-After says), pauses while offline and probes with
// the oldest waiting job, resumes on reconnect, requeues what a crash left running, and stops
// cleanly by aborting in-flight work.
import type { ConnectionState } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { HttpStatusError, NetworkError } from '../net/http';
import type { HttpClient } from '../net/http';
import type { Db } from '../store/database';
import type { JobOutcome, JobRow } from '../store/repos/jobs';
import {
  claimJob,
  finishJob,
  hasEarlierUnfinished,
  listDueJobs,
  mergeJobPayload,
  nextDueAt,
  pruneDoneJobs,
  requeueRunningJobs,
} from '../store/repos/jobs';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { BackoffPolicy } from './backoff';
import type { Connectivity } from './connectivity';
import type { JobKinds } from './job-kinds';
import { PermanentJobError } from './job-kinds';
import { runGuarded } from '../process-guard';
import { jobReference } from './reference';

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  kinds: JobKinds;
  http: HttpClient;
  connectivity: Connectivity;
  /** Most jobs in flight per service (e.g. Graph allows 4 concurrent per mailbox). */
  limits?: Record<string, number>;
  defaultLimit?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** While offline, how often to try again with the oldest waiting job. */
  probe?: { minMs: number; maxMs: number };
  /** A safety net: look for due jobs at least this often (another process may have enqueued). */
  pollMs?: number;
  onJobChanged?: (job: JobRow) => void;
  log?: (message: string, err?: unknown) => void;
}

const BATCH = 500;
/** Jobs that talk to nothing outside this machine (job-kinds.ts `service`). */
export const LOCAL_SERVICE = 'local';
/**
 * Services whose reachability is their own, not the network's: the AI endpoint is often a server on
 * this computer. Their connection failures back off that job alone (without counting a try) and show
 * on the service's state; they never pause the outbox or make Baton "offline".
 */
const OWN_STATE_SERVICES = new Set(['ai']);
const DONE_KEPT_MS = 7 * 24 * 60 * 60_000;

export function createJobWorker(options: WorkerOptions) {
  const { db, clock, kinds, http, connectivity } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const probe = options.probe ?? { minMs: 2_000, maxMs: 60_000 };
  const pollMs = options.pollMs ?? 30_000;
  const limitFor = (service: string) => options.limits?.[service] ?? options.defaultLimit ?? 4;
  const changed = (job: JobRow | undefined) => job && options.onJobChanged?.(job);

  const inFlight = new Map<number, AbortController>();
  const perService = new Map<string, number>();
  const settling = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Number.POSITIVE_INFINITY;
  let probeDelay = probe.minMs;
  let ownStateFailures = 0;
  let nextProbeAt = 0;

  function schedule(delayMs: number) {
    if (!running) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (timer && at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, Math.max(0, delayMs));
    timer.unref();
  }

  function tick() {
    timer = null;
    timerAt = Number.POSITIVE_INFINITY;
    if (!running) return;
    const now = clock.now();
    if (!connectivity.canSend()) {
      // Local work (the bell, drafting a package) needs no connection: it runs offline too.
      for (const job of listDueJobs(db, now, BATCH)) {
        if (job.service === LOCAL_SERVICE && (perService.get(job.service) ?? 0) < limitFor(job.service))
          launch(job, now);
      }
      if (!connectivity.state().workOffline) probeWhileOffline(now);
      return;
    }
    probeDelay = probe.minMs;
    for (const job of listDueJobs(db, now, BATCH)) {
      if ((perService.get(job.service) ?? 0) < limitFor(job.service)) launch(job, now);
    }
    const next = nextDueAt(db);
    // Due jobs held back by a concurrency limit start when a running one finishes (launch reschedules).
    if (next !== null && next > now) schedule(Math.min(next - now, pollMs));
    else if (inFlight.size === 0) schedule(pollMs);
  }

  function probeWhileOffline(now: number) {
    // Whatever is in flight to a service will tell us.
    if ([...perService].some(([service, count]) => service !== LOCAL_SERVICE && count > 0)) return;
    const wait = nextProbeAt - Date.now();
    if (wait > 0) return schedule(wait);
    const [oldest] = listDueJobs(db, now, BATCH).filter((j) => j.service !== LOCAL_SERVICE);
    if (!oldest) return schedule(pollMs);
    nextProbeAt = Date.now() + probeDelay;
    probeDelay = Math.min(probeDelay * 2, probe.maxMs);
    launch(oldest, now);
  }

  function launch(job: JobRow, now: number) {
    // An ordered kind waits for its session's older jobs; their finishing schedules another tick.
    if (kinds.get(job.kind)?.inOrder === 'session' && hasEarlierUnfinished(db, job)) return;
    const claimed = claimJob(db, job.id, now);
    if (!claimed) return;
    changed(claimed);
    const controller = new AbortController();
    inFlight.set(claimed.id, controller);
    perService.set(claimed.service, (perService.get(claimed.service) ?? 0) + 1);
    const done: Promise<void> = execute(claimed, controller.signal)
      .then((outcome) => changed(finishJob(db, claimed.id, outcome, clock.now())))
      .catch((err: unknown) =>
        options.log?.(`job ${claimed.id} (${claimed.kind}) could not be recorded`, err),
      )
      .finally(() => {
        inFlight.delete(claimed.id);
        perService.set(claimed.service, (perService.get(claimed.service) ?? 1) - 1);
        settling.delete(done);
        schedule(0);
      });
    settling.add(done);
  }

  async function execute(job: JobRow, signal: AbortSignal): Promise<JobOutcome> {
    const kind = kinds.get(job.kind);
    if (!kind) return { state: 'dead', lastError: `This Baton does not know how to run "${job.kind}" jobs` };
    const payload = kind.payload.safeParse(parseJson(job.payload));
    if (!payload.success) return { state: 'dead', lastError: `The stored ${job.kind} job is invalid` };
    try {
      // Guarded: an error escaping the job's own callbacks fails this job, never the process.
      await runGuarded(`job ${job.id} (${job.kind})`, () =>
        kind.run(payload.data, {
          job: {
            id: job.id,
            attempts: job.attempts,
            idempotencyKey: job.idempotencyKey,
            sessionId: job.sessionId,
          },
          reference: jobReference(job.idempotencyKey),
          signal,
          http,
          clock,
          checkpoint: (patch) => mergeJobPayload(db, job.id, patch, clock.now()),
        }),
      );
      if (OWN_STATE_SERVICES.has(job.service)) {
        ownStateFailures = 0;
        connectivity.reportAiReachable();
      } else connectivity.reportReachable();
      return { state: 'done', lastError: null };
    } catch (err) {
      return failure(job, err, signal);
    }
  }

  function failure(job: JobRow, err: unknown, signal: AbortSignal): JobOutcome {
    const message = err instanceof Error ? err.message : String(err);
    const now = clock.now();
    if (!running && signal.aborted) return { state: 'queued', nextRunAt: now, refundAttempt: true };
    if (err instanceof NetworkError && OWN_STATE_SERVICES.has(job.service)) {
      // The AI endpoint did not answer: this job waits (backing off, the try not counted); the rest go on.
      connectivity.reportAiUnreachable(err.message);
      // Backs off with every failure in a row (attempts are refunded, so they cannot tell).
      // At most half a minute apart: a local AI server that comes back is used soon.
      const delay = Math.min(backoffDelay(++ownStateFailures, backoff, options.random), 30_000);
      return { state: 'queued', nextRunAt: now + delay, lastError: message, refundAttempt: true };
    }
    if (err instanceof NetworkError) {
      // Nobody answered: that says nothing about the job, so the try does not count.
      connectivity.reportNetworkFailure(err.message);
      return { state: 'queued', nextRunAt: now, lastError: message, refundAttempt: true };
    }
    if (err instanceof HttpStatusError) {
      if (OWN_STATE_SERVICES.has(job.service)) {
        ownStateFailures = 0;
        connectivity.reportAiReachable();
      } else connectivity.reportReachable();
    }
    const permanent = err instanceof PermanentJobError || (err instanceof HttpStatusError && !err.retryable);
    if (permanent || job.attempts >= job.maxAttempts) {
      return {
        state: 'dead',
        lastError: permanent ? message : `Gave up after ${job.attempts} tries: ${message}`,
      };
    }
    const retryAfter = err instanceof HttpStatusError ? err.retryAfterMs : null;
    const delay = retryAfter ?? backoffDelay(job.attempts, backoff, options.random);
    return { state: 'queued', nextRunAt: now + delay, lastError: message };
  }

  let offConnectivity: (() => void) | null = null;
  const onConnectivity = (state: ConnectionState, previous: ConnectionState) => {
    const couldSend = previous.online && !previous.workOffline;
    if (!couldSend && state.online && !state.workOffline) {
      nextProbeAt = 0;
      schedule(0);
    } else if (!state.workOffline && !state.online && previous.workOffline) {
      schedule(0); // leaving "work offline" while believed offline: probe now
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      offConnectivity = connectivity.onChange(onConnectivity);
      const requeued = requeueRunningJobs(db, clock.now());
      if (requeued > 0) options.log?.(`requeued ${requeued} job(s) left running by an earlier run`);
      // Sent items stay visible in the Queue's Done tab for a week, then go.
      pruneDoneJobs(db, clock.now() - DONE_KEPT_MS);
      schedule(0);
    },
    /** Call after a transaction that enqueued jobs has committed. */
    wake() {
      nextProbeAt = Math.min(nextProbeAt, Date.now());
      schedule(0);
    },
    inFlightCount: () => inFlight.size,
    async stop(graceMs = 5_000) {
      if (!running) return;
      running = false;
      offConnectivity?.();
      if (timer) clearTimeout(timer);
      timer = null;
      inFlight.forEach((controller) => controller.abort(new Error('Baton is shutting down')));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...settling]), grace]);
    },
  };
}

export type JobWorker = ReturnType<typeof createJobWorker>;

/** A stored payload that is not JSON is an invalid job (dead with a message), not a crash. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
