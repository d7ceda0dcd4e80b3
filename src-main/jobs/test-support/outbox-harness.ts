import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConnectionState, EventMap, EventName } from '../../../src-preload/contract';
import { inTransaction } from '../../store/database';
import { tempCore } from '../../test-support/temp-core';
import { until } from '../../test-support/until';
import { createHttpClient } from '../../net/http';
import { defineJobKind } from '../job-kinds';

/** A plain "POST this to the service" job, for tests that count requests and concurrency. */
export const testPostKind = (baseUrl: string, service = 'svc', maxAttempts = 8) =>
  defineJobKind({
    kind: 'test.post',
    service,
    maxAttempts,
    payload: z.object({ n: z.number() }),
    describe: (p) => `Test post ${p.n}`,
    run: async (payload, ctx) => {
      await ctx.http.request({
        url: `${baseUrl}/work`,
        method: 'POST',
        carries: { content: 'diagnostic' },
        json: payload,
        signal: ctx.signal,
      });
    },
  });

export interface HarnessOptions {
  echoUrl?: string;
  postUrl?: string;
  limit?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  dataDir?: string;
}

/** A real core with the outbox running against loopback fakes, fast backoff and probes. */
export function outboxCore(options: HarnessOptions) {
  const core = tempCore({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.echoUrl ? { diagnosticEchoUrl: options.echoUrl } : {}),
    jobKinds: options.postUrl ? [testPostKind(options.postUrl, 'svc', options.maxAttempts)] : [],
    http: createHttpClient({ defaultTimeoutMs: options.timeoutMs ?? 2_000 }),
    worker: {
      limits: { svc: options.limit ?? 4 },
      backoff: { baseMs: 40, capMs: 200 },
      probe: { minMs: 50, maxMs: 200 },
      pollMs: 1_000,
    },
  });
  const events: { event: EventName; payload: EventMap[EventName] }[] = [];
  core.events.onAny((event, payload) => events.push({ event, payload }));

  return {
    core,
    events,
    connectionChanges: () =>
      events.filter((e) => e.event === 'online_changed').map((e) => (e.payload as ConnectionState).online),
    enqueuePosts(count: number) {
      inTransaction(core.db, () => {
        for (let n = 0; n < count; n++)
          core.enqueue({ kind: 'test.post', payload: { n }, idempotencyKey: `post:${n}:${randomUUID()}` });
      });
    },
    jobs: () =>
      core.sqlite.prepare('select * from jobs order by id').all() as {
        id: number;
        state: string;
        attempts: number;
        last_error: string | null;
        next_run_at: number;
      }[],
    /** Resolves when the job reaches one of the states (checked on every job event). */
    waitForJob(id: number, states: string[], timeoutMs = 10_000): Promise<void> {
      const stateOf = () =>
        core.sqlite.prepare('select state from jobs where id = ?').pluck().get(id) as string | undefined;
      return until(
        core,
        () => states.includes(stateOf() ?? ''),
        `job ${id} to reach ${states.join('/')}`,
        timeoutMs,
      );
    },
    waitForAllDone(timeoutMs = 20_000): Promise<void> {
      const pending = () =>
        core.sqlite
          .prepare("select count(*) from jobs where state in ('queued','running')")
          .pluck()
          .get() as number;
      return until(core, () => pending() === 0, 'every job to finish', timeoutMs);
    },
    waitForConnection(online: boolean, timeoutMs = 10_000): Promise<void> {
      if (core.services.connectivity.state().online === online) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`never went ${online ? 'online' : 'offline'}`)),
          timeoutMs,
        );
        const off = core.services.connectivity.onChange((state) => {
          if (state.online === online) {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
      });
    },
  };
}
