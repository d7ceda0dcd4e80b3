// The outbox as the technician sees it: what is waiting, what failed, Retry and Discard, the
// connection state and "Work offline", and progress while draining after a reconnect.
import type { JobState, JobView, QueueStatus, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import type { JobRow, JobWithSession } from '../store/repos/jobs';
import {
  countJobsByState,
  deleteDeadJob,
  getJobWithSession,
  listJobs,
  requeueDeadJob,
} from '../store/repos/jobs';
import type { Connectivity } from './connectivity';
import type { JobKinds } from './job-kinds';

const FILTERS: Record<'pending' | 'dead' | 'done' | 'all', readonly JobState[]> = {
  pending: ['queued', 'running'],
  dead: ['dead'],
  done: ['done'],
  all: ['queued', 'running', 'dead', 'done'],
};

export function createQueueService(deps: {
  db: Db;
  clock: Clock;
  kinds: JobKinds;
  connectivity: Connectivity;
  events: CoreEvents;
  wake: () => void;
}) {
  const { db, clock, kinds, connectivity, events } = deps;
  let drainedSoFar: number | null = null;
  let statusTimer: NodeJS.Timeout | null = null;

  function label(row: JobRow): string {
    const kind = kinds.get(row.kind);
    if (!kind) return row.kind;
    try {
      const payload = kind.payload.safeParse(JSON.parse(row.payload));
      return payload.success ? kind.describe(payload.data) : row.kind;
    } catch {
      return row.kind; // a damaged payload still lists (the worker marks that job invalid)
    }
  }

  const toView = (row: JobWithSession): JobView => ({
    id: row.id,
    kind: row.kind,
    label: label(row),
    service: row.service,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    nextRunAt: row.nextRunAt,
    lastError: row.lastError,
    sessionId: row.sessionId,
    sessionTitle: row.sessionTitle,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  function status(): QueueStatus {
    const counts = countJobsByState(db);
    const pending = counts.queued + counts.running;
    if (drainedSoFar !== null && pending === 0) drainedSoFar = null;
    return {
      connection: connectivity.state(),
      waiting: counts.queued,
      running: counts.running,
      dead: counts.dead,
      drain: drainedSoFar === null ? null : { total: drainedSoFar + pending, done: drainedSoFar },
    };
  }

  /** Coalesces bursts (a drain of 1,000 jobs) into at most one status push per 100 ms. */
  function statusChanged() {
    statusTimer ??= setTimeout(() => {
      statusTimer = null;
      events.emit('queue_changed', status());
    }, 100).unref();
  }

  function jobChanged(row: JobRow) {
    if (drainedSoFar !== null && (row.state === 'done' || row.state === 'dead')) drainedSoFar++;
    const withSession = getJobWithSession(db, row.id);
    if (withSession) events.emit('job_updated', toView(withSession));
    statusChanged();
  }

  /** After an enqueue's transaction is over: announce the job if it committed (a rolled-back one is gone). */
  function jobEnqueued(id: number) {
    const withSession = getJobWithSession(db, id);
    if (!withSession) return;
    events.emit('job_updated', toView(withSession));
    statusChanged();
  }

  const offConnectivity = connectivity.onChange((state, previous) => {
    const couldSend = previous.online && !previous.workOffline;
    if (!couldSend && state.online && !state.workOffline) {
      const counts = countJobsByState(db);
      if (counts.queued + counts.running > 0) drainedSoFar = 0;
    }
    events.emit('online_changed', state);
    statusChanged();
  });

  function retry(actor: User, id: number): JobView {
    const row = inTransaction(db, () => {
      const requeued = requeueDeadJob(db, id, clock.now());
      if (!requeued)
        throw getJobWithSession(db, id)
          ? new AppError('CONFLICT', 'Only a failed job can be retried')
          : notFound('Job', String(id));
      appendAudit(
        db,
        { actorId: actor.id, action: 'job.retry', entityType: 'job', entityId: String(id) },
        clock.now(),
      );
      return requeued;
    });
    jobChanged(row);
    deps.wake();
    return toView(getJobWithSession(db, id)!);
  }

  function discard(actor: User, id: number): null {
    inTransaction(db, () => {
      const job = getJobWithSession(db, id);
      if (!job) throw notFound('Job', String(id));
      if (!deleteDeadJob(db, id)) throw new AppError('CONFLICT', 'Only a failed job can be discarded');
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'job.discard',
          entityType: 'job',
          entityId: String(id),
          details: { kind: job.kind, lastError: job.lastError },
        },
        clock.now(),
      );
    });
    statusChanged();
    return null;
  }

  function setWorkOffline(actor: User, workOffline: boolean): QueueStatus {
    inTransaction(db, () => {
      connectivity.setWorkOffline(workOffline, actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: workOffline ? 'connection.work_offline' : 'connection.work_online',
          entityType: 'settings',
          entityId: 'connection.workOffline',
        },
        clock.now(),
      );
    });
    return status();
  }

  return {
    status,
    list: (filter: keyof typeof FILTERS, limit: number) => listJobs(db, FILTERS[filter], limit).map(toView),
    retry,
    discard,
    setWorkOffline,
    jobChanged,
    jobEnqueued,
    dispose() {
      offConnectivity();
      if (statusTimer) clearTimeout(statusTimer);
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
