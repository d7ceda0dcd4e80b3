import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { JobState } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { jobs, sessions } from '../schema';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  payload: string;
  idempotencyKey: string;
  service: string;
  maxAttempts: number;
  sessionId: string | null;
  nextRunAt: number;
}

/** Inserts the job unless one with the same idempotency key exists; returns the stored job's id. */
export function insertJob(db: Db, job: NewJob, now: number): { id: number; inserted: boolean } {
  const inserted = prepared(db, 'jobs.insert', (d) =>
    d
      .insert(jobs)
      .values({
        kind: sql.placeholder('kind'),
        payload: sql.placeholder('payload'),
        idempotencyKey: sql.placeholder('idempotencyKey'),
        service: sql.placeholder('service'),
        maxAttempts: sql.placeholder('maxAttempts'),
        sessionId: sql.placeholder('sessionId'),
        nextRunAt: sql.placeholder('nextRunAt'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      .onConflictDoNothing({ target: jobs.idempotencyKey })
      .prepare(),
  ).run({ ...job, now });
  if (inserted.changes === 1) return { id: Number(inserted.lastInsertRowid), inserted: true };
  return { id: getJobByKey(db, job.idempotencyKey)!.id, inserted: false };
}

export function getJob(db: Db, id: number): JobRow | undefined {
  return prepared(db, 'jobs.get', (d) =>
    d
      .select()
      .from(jobs)
      .where(eq(jobs.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function getJobByKey(db: Db, idempotencyKey: string): JobRow | undefined {
  return db.select().from(jobs).where(eq(jobs.idempotencyKey, idempotencyKey)).get();
}

/** Queued jobs whose time has come, oldest due first. */
export function listDueJobs(db: Db, now: number, limit: number): JobRow[] {
  return prepared(db, 'jobs.due', (d) =>
    d
      .select()
      .from(jobs)
      .where(and(eq(jobs.state, 'queued'), lte(jobs.nextRunAt, sql.placeholder('now'))))
      .orderBy(asc(jobs.nextRunAt), asc(jobs.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  ).all({ now, limit });
}

export function nextDueAt(db: Db): number | null {
  const row = prepared(db, 'jobs.nextDue', (d) =>
    d
      .select({ at: sql<number | null>`min(${jobs.nextRunAt})` })
      .from(jobs)
      .where(eq(jobs.state, 'queued'))
      .prepare(),
  ).get();
  return row?.at ?? null;
}

/** The conditional write that makes a job ours: only a queued job can start running. */
export function claimJob(db: Db, id: number, now: number): JobRow | undefined {
  return prepared(db, 'jobs.claim', (d) =>
    d
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(and(eq(jobs.id, sql.placeholder('id')), eq(jobs.state, 'queued')))
      .returning()
      .prepare(),
  ).get({ id, now });
}

export interface JobOutcome {
  state: JobState;
  nextRunAt?: number;
  lastError?: string | null;
  /** A try that did not count (offline, shutting down) gives its attempt back. */
  refundAttempt?: boolean;
}

export function finishJob(db: Db, id: number, outcome: JobOutcome, now: number): JobRow | undefined {
  const current = getJob(db, id);
  if (!current) return undefined;
  return db
    .update(jobs)
    .set({
      state: outcome.state,
      nextRunAt: outcome.nextRunAt ?? current.nextRunAt,
      lastError: outcome.lastError === undefined ? current.lastError : outcome.lastError,
      attempts: outcome.refundAttempt ? Math.max(0, current.attempts - 1) : current.attempts,
      updatedAt: now,
    })
    .where(eq(jobs.id, id))
    .returning()
    .get();
}

/**
 * Records how far a running job got (merged into its payload), so the next try carries on from there
 * instead of repeating an effect (e.g. the email draft already created).
 */
export function mergeJobPayload(db: Db, id: number, patch: Record<string, unknown>, now: number): void {
  const row = getJob(db, id);
  if (!row) return;
  const payload = { ...(JSON.parse(row.payload) as Record<string, unknown>), ...patch };
  db.update(jobs)
    .set({ payload: JSON.stringify(payload), updatedAt: now })
    .where(eq(jobs.id, id))
    .run();
}

/** After a crash, jobs left running never finished: run them again (handlers are idempotent). */
export function requeueRunningJobs(db: Db, now: number): number {
  return db
    .update(jobs)
    .set({ state: 'queued', nextRunAt: now, updatedAt: now })
    .where(eq(jobs.state, 'running'))
    .run().changes;
}

export function requeueDeadJob(db: Db, id: number, now: number): JobRow | undefined {
  return db
    .update(jobs)
    .set({ state: 'queued', attempts: 0, nextRunAt: now, lastError: null, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'dead')))
    .returning()
    .get();
}

export function deleteDeadJob(db: Db, id: number): boolean {
  return (
    db
      .delete(jobs)
      .where(and(eq(jobs.id, id), eq(jobs.state, 'dead')))
      .run().changes === 1
  );
}

export function pruneDoneJobs(db: Db, olderThan: number): number {
  return db
    .delete(jobs)
    .where(and(eq(jobs.state, 'done'), lte(jobs.updatedAt, olderThan)))
    .run().changes;
}

export function countJobsByState(db: Db): Record<JobState, number> {
  const rows = prepared(db, 'jobs.counts', (d) =>
    d
      .select({ state: jobs.state, n: sql<number>`count(*)` })
      .from(jobs)
      .where(inArray(jobs.state, ['queued', 'running', 'dead']))
      .groupBy(jobs.state)
      .prepare(),
  ).all();
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export type JobWithSession = JobRow & { sessionTitle: string | null };

export function listJobs(db: Db, states: readonly JobState[], limit: number): JobWithSession[] {
  return db
    .select({ job: jobs, sessionTitle: sessions.title })
    .from(jobs)
    .leftJoin(sessions, eq(sessions.id, jobs.sessionId))
    .where(inArray(jobs.state, [...states]))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r.job, sessionTitle: r.sessionTitle }));
}

export function getJobWithSession(db: Db, id: number): JobWithSession | undefined {
  const row = db
    .select({ job: jobs, sessionTitle: sessions.title })
    .from(jobs)
    .leftJoin(sessions, eq(sessions.id, jobs.sessionId))
    .where(eq(jobs.id, id))
    .get();
  return row ? { ...row.job, sessionTitle: row.sessionTitle } : undefined;
}

/** Whether an older job of the same kind for the same session has not finished (queued or running). */
export function hasEarlierUnfinished(db: Db, job: Pick<JobRow, 'id' | 'kind' | 'sessionId'>): boolean {
  if (job.sessionId === null) return false;
  return (
    db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.state, ['queued', 'running']),
          eq(jobs.kind, job.kind),
          eq(jobs.sessionId, job.sessionId),
          lt(jobs.id, job.id),
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

/** The kinds of the jobs running right now (one entry per job). */
export function runningJobKinds(db: Db): string[] {
  return db
    .select({ kind: jobs.kind })
    .from(jobs)
    .where(eq(jobs.state, 'running'))
    .all()
    .map((row) => row.kind);
}

/** Where a job stands (a chat message shows its reply's state): by its key, a unique index. */
export function jobProgressByKey(
  db: Db,
  idempotencyKey: string,
): Pick<JobRow, 'id' | 'state' | 'lastError'> | undefined {
  return prepared(db, 'jobs.progressByKey', (d) =>
    d
      .select({ id: jobs.id, state: jobs.state, lastError: jobs.lastError })
      .from(jobs)
      .where(eq(jobs.idempotencyKey, sql.placeholder('key')))
      .prepare(),
  ).get({ key: idempotencyKey });
}

/** Where each job of one kind for a session stands, with its key (a session's reply states). */
export function jobProgressOfSession(
  db: Db,
  kind: string,
  sessionId: string,
): (Pick<JobRow, 'id' | 'state' | 'lastError'> & { key: string })[] {
  return db
    .select({ id: jobs.id, key: jobs.idempotencyKey, state: jobs.state, lastError: jobs.lastError })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.sessionId, sessionId)))
    .all();
}

/** The payloads of the jobs of one kind not finished yet (queued or running). */
export function unfinishedJobPayloads(db: Db, kind: string): string[] {
  return db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.state, ['queued', 'running'])))
    .all()
    .map((row) => row.payload);
}
