// The outbox's costs: what enqueueing adds to the transaction of the change that causes it, and the
// worker's own overhead (claim, run, record, reschedule) per job, measured on no-op jobs.
import { z } from 'zod';
import { systemClock } from '../src-main/clock';
import { CoreEvents } from '../src-main/events';
import { createConnectivity } from '../src-main/jobs/connectivity';
import { enqueueJob } from '../src-main/jobs/enqueue';
import { createJobKinds, defineJobKind } from '../src-main/jobs/job-kinds';
import { createJobWorker } from '../src-main/jobs/worker';
import { createHttpClient } from '../src-main/net/http';
import { createSessionService } from '../src-main/services/session-service';
import { viewsFor } from './lib/env';
import { inTransaction } from '../src-main/store/database';
import { createActor, openTempStore } from './lib/env';
import { msRow, ratioRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { msSince, nowNs, summarize, timePair } from './lib/stats';

const noop = defineJobKind({
  kind: 'bench.noop',
  service: 'bench',
  payload: z.object({ messageId: z.string() }),
  describe: () => 'No-op',
  run: () => Promise.resolve(),
});
const kinds = createJobKinds([noop]);

register('queue.enqueue-in-transaction', (ctx: BenchContext) => {
  const store = openTempStore('enqueue');
  try {
    const actor = createActor(store);
    const events = new CoreEvents();
    const plain = createSessionService(store.db, systemClock, events, viewsFor(store));
    const withJob = createSessionService(store.db, systemClock, events, viewsFor(store), {
      onNoteAdded: (message) =>
        enqueueJob(
          store.db,
          kinds,
          {
            kind: 'bench.noop',
            payload: { messageId: message.id },
            idempotencyKey: `noop:${message.id}`,
            sessionId: message.sessionId,
          },
          systemClock.now(),
        ),
    });
    const sessions = Array.from({ length: 32 }, (_, i) => plain.create(actor, { title: `Bench ${i}` }).id);
    const body =
      'Outlook prompts for credentials after the tenant migration; cleared Credential Manager, no change.';
    ctx.log('enqueue: add-message with and without its job');
    const { a, b } = timePair(
      (i) => withJob.addMessage(actor, sessions[i % sessions.length]!, body),
      (i) => plain.addMessage(actor, sessions[i % sessions.length]!, body),
      {
        warmup: 500,
        iterations: 4_000,
        every: 500,
        upkeep: () => void store.sqlite.pragma('wal_checkpoint(PASSIVE)'),
      },
    );
    const w = summarize(a);
    const r = summarize(b);
    return [
      ratioRow('add-message + enqueue p50 (÷ without job)', w.p50, r.p50, 1.5, 'without'),
      ratioRow('add-message + enqueue p95 (÷ without job)', w.p95, r.p95, 1.5, 'without'),
    ];
  } finally {
    store.dispose();
  }
});

register('queue.drain-noop', async (ctx: BenchContext) => {
  const store = openTempStore('drain');
  try {
    const count = 1_000;
    inTransaction(store.db, () => {
      for (let i = 0; i < count; i++) {
        enqueueJob(
          store.db,
          kinds,
          { kind: 'bench.noop', payload: { messageId: String(i) }, idempotencyKey: `noop:${i}` },
          systemClock.now(),
        );
      }
    });
    const pending = () =>
      store.sqlite.prepare("select count(*) from jobs where state != 'done'").pluck().get() as number;
    ctx.log(`drain: ${count} no-op jobs`);
    const start = nowNs();
    let worker: ReturnType<typeof createJobWorker> | null = null;
    const drained = new Promise<void>((resolve) => {
      let done = 0;
      worker = createJobWorker({
        db: store.db,
        clock: systemClock,
        kinds,
        http: createHttpClient(),
        connectivity: createConnectivity(store.db, systemClock),
        onJobChanged: (job) => {
          if (job.state === 'done' && ++done === count) resolve();
        },
      });
      worker.start();
    });
    // The worker's timers are unref'd (they never keep an app alive on their own): hold the process open.
    const keepAlive = setInterval(() => undefined, 1_000);
    await drained;
    const ms = msSince(start);
    clearInterval(keepAlive);
    await worker!.stop();
    if (pending() !== 0) throw new Error(`bench bug: ${pending()} jobs not done`);
    return [msRow(`drain ${count} no-op jobs (worker overhead)`, ms, 2_000, { perJobMs: ms / count })];
  } finally {
    store.dispose();
  }
});
