// The escalate click path on a store of 100k sessions / 1M messages: everything the handoff writes
// in its one transaction (snapshot, status, ticket, audit, and the jobs: the package draft, the
// enrichment, the announcements). Nothing here may wait on AI or the network, and drafting the package
// (which reads the whole session) is a local job that runs right after, off the click path.
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../src-preload/contract';
import { systemClock } from '../src-main/clock';
import { CoreEvents } from '../src-main/events';
import { enrichHandoffKind } from '../src-main/handoffs/enrich-job';
import { handoffPackageKind } from '../src-main/handoffs/handoff-package';
import { handoffSearchIndexKind } from '../src-main/handoffs/handoff-search-index';
import { createHandoffService } from '../src-main/handoffs/handoff-service';
import { enqueueJob } from '../src-main/jobs/enqueue';
import { createJobKinds } from '../src-main/jobs/job-kinds';
import { createBell } from '../src-main/notify/bell';
import { openStore } from '../src-main/store/database';
import { listFacts } from '../src-main/store/repos/facts';
import { listHypotheses } from '../src-main/store/repos/hypotheses';
import { listMessages } from '../src-main/store/repos/messages';
import { listSteps } from '../src-main/store/repos/steps';
import { insertUser } from '../src-main/store/repos/users';
import { bigFixture } from './lib/fixture';
import { msRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { msSince, nowNs, summarize } from './lib/stats';

register('handoff.escalate', (ctx: BenchContext) => {
  const fixture = bigFixture(ctx.migrationsDir, ctx.log);
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-handoff-'));
  try {
    const file = join(dir, 'baton.db');
    ctx.log('handoff: copying the 100k-session fixture');
    copyFileSync(fixture.file, file);
    // The 824 MB copy on disk before the clock starts: the kernel writing it back during the samples
    // would be timed as the clicks' commits.
    const copied = openSync(file, 'r+');
    fsyncSync(copied);
    closeSync(copied);
    const store = openStore(file, ctx.migrationsDir);
    try {
      const events = new CoreEvents();
      const kinds = createJobKinds([
        createBell({ db: store.db, clock: systemClock, events }).kind,
        enrichHandoffKind({
          db: store.db,
          clock: systemClock,
          events,
          provider: () => Promise.resolve(null),
        }),
        handoffPackageKind({ db: store.db, clock: systemClock, events }),
        handoffSearchIndexKind({ db: store.db }),
      ]);
      const handoffs = createHandoffService({
        db: store.db,
        clock: systemClock,
        events,
        enqueue: (request) => enqueueJob(store.db, kinds, request, systemClock.now()),
        channels: { webhookConfigured: () => false, emailConnected: () => false },
      });
      const actor: User = insertUser(
        store.db,
        { id: crypto.randomUUID(), name: 'Bench Tech', email: 'bench-tech@example.com', role: 'technician' },
        Date.now(),
      );
      const active = store.sqlite
        .prepare("select id from sessions where status = 'active' limit 2500")
        .pluck()
        .all() as string[];
      ctx.log(`handoff: escalating ${active.length} of 100k sessions`);
      // The technician has the session open when they click: its rows were just read (untimed).
      const openSession = (id: string) => {
        listMessages(store.db, id);
        listSteps(store.db, id);
        listFacts(store.db, id);
        listHypotheses(store.db, id);
      };
      const escalate = (id: string) =>
        handoffs.create(actor, {
          sessionId: id,
          intent: 'escalate',
          reason: 'Needs a senior',
          priority: 'high',
        });
      const warmup = 300;
      for (const id of active.slice(0, warmup)) escalate(id);
      const samples: number[] = [];
      for (const [i, id] of active.slice(warmup).entries()) {
        openSession(id);
        const start = nowNs();
        escalate(id);
        samples.push(msSince(start));
        if ((i + 1) % 500 === 0) store.sqlite.pragma('wal_checkpoint(PASSIVE)');
      }
      const s = summarize(samples);
      return [
        msRow('escalate click path p50 (100k sessions)', s.p50, 1.5),
        msRow('escalate click path p95 (100k sessions)', s.p95, 1.5),
      ];
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
