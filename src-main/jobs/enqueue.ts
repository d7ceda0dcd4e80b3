import { AppError } from '../errors';
import type { Db } from '../store/database';
import { isInTransaction } from '../store/database';
import { insertJob } from '../store/repos/jobs';
import type { JobKinds } from './job-kinds';

export interface EnqueueRequest {
  kind: string;
  payload: unknown;
  /** Unique per effect: the same key twice is one job. */
  idempotencyKey: string;
  sessionId?: string | null;
  runAt?: number;
}

/**
 * Writes a job inside the caller's transaction, so the job exists if and only if the change that
 * caused it committed. Outside a transaction it refuses: that would be the bug this rule prevents.
 */
export function enqueueJob(
  db: Db,
  kinds: JobKinds,
  request: EnqueueRequest,
  now: number,
): { id: number; inserted: boolean } {
  if (!isInTransaction(db)) {
    throw new Error(
      `enqueueJob(${request.kind}) must run inside the transaction of the change that causes it`,
    );
  }
  const kind = kinds.get(request.kind);
  if (!kind) throw new Error(`Unknown job kind ${request.kind}`);
  const parsed = kind.payload.safeParse(request.payload);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      `Invalid ${request.kind} job: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return insertJob(
    db,
    {
      kind: kind.kind,
      payload: JSON.stringify(parsed.data),
      idempotencyKey: request.idempotencyKey,
      service: kind.service,
      maxAttempts: kind.maxAttempts ?? 8,
      sessionId: request.sessionId ?? null,
      nextRunAt: request.runAt ?? now,
    },
    now,
  );
}
