// What a job is: a kind with a validated payload, the service it talks to (for concurrency limits), a
// description for the Queue screen, and an idempotent handler.
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { HttpClient } from '../net/http';

export interface JobContext {
  job: { id: number; attempts: number; idempotencyKey: string; sessionId: string | null };
  /** Put this in whatever the job posts, and look for it before posting again (see postOnce). */
  reference: string;
  signal: AbortSignal;
  http: HttpClient;
  clock: Clock;
  /** Stores progress in the job's payload at once (it survives a crash): the next try starts from it. */
  checkpoint(patch: Record<string, unknown>): void;
}

export interface JobKind<P = unknown> {
  kind: string;
  service: string;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  /**
   * 'session': this kind's jobs for one session run one at a time, oldest first, even across retries
   * (messages must reach the other machine in the order they were typed).
   */
  inOrder?: 'session';
  describe(payload: P): string;
  run(payload: P, ctx: JobContext): Promise<void>;
}

export function defineJobKind<P>(kind: JobKind<P>): JobKind<P> {
  return kind;
}

/** A job that can never succeed (bad request, missing permission): dead at once, no retries. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export type JobKinds = ReadonlyMap<string, JobKind>;

export function createJobKinds(kinds: readonly JobKind<unknown>[]): JobKinds {
  const map = new Map<string, JobKind>();
  for (const kind of kinds) {
    if (map.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is defined twice`);
    map.set(kind.kind, kind);
  }
  return map;
}
