// Reads against the big fixture (100k sessions, 1M messages): the session list as the app asks
// for it, warm in this process and cold in a fresh one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src-main/store/database';
import { listSessions } from '../src-main/store/repos/sessions';
import type { ColdOpenTiming } from './cold-open-child';
import { bigFixture } from './lib/fixture';
import type { Fixture } from './lib/fixture';
import { msRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { summarize, timeEach } from './lib/stats';

const LIST_TARGET_MS = 5;
const COLD_OPEN_TARGET_MS = 300;
const COLD_OPEN_RUNS = 5;

function fixture(ctx: BenchContext): Fixture {
  const f = bigFixture(ctx.migrationsDir, ctx.log);
  ctx.note(
    f.generatedMs === null
      ? `fixture: reused ${f.file}`
      : `fixture: generated in ${(f.generatedMs / 1000).toFixed(1)} s → ${f.file}`,
  );
  return f;
}

register('store.list-newest-50', (ctx) => {
  const { file } = fixture(ctx);
  const store = openStore(file, ctx.migrationsDir);
  try {
    ctx.log('list-newest-50: listSessions(db, { limit: 50 }) over 100k sessions');
    const samples = timeEach(
      () => {
        if (listSessions(store.db, { limit: 50 }).length !== 50)
          throw new Error('bench bug: expected 50 rows');
      },
      { warmup: 200, iterations: 3_000 },
    );
    const s = summarize(samples);
    return [msRow('list newest 50 of 100k sessions p95', s.p95, LIST_TARGET_MS, { p50: s.p50, p99: s.p99 })];
  } finally {
    store.close();
  }
});

register('store.cold-open', (ctx) => {
  const { file } = fixture(ctx);
  // The child is TypeScript too: run it under this node with tsx's loader, from the project root.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = join(ctx.root, 'bench', 'cold-open-child.ts');
  const runs: ColdOpenTiming[] = [];
  for (let i = 0; i < COLD_OPEN_RUNS; i++) {
    ctx.log(`cold-open: run ${i + 1}/${COLD_OPEN_RUNS} in a fresh process`);
    const result = spawnSync(process.execPath, ['--import', tsx, child, file, ctx.migrationsDir], {
      cwd: ctx.root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) {
      throw new Error(`cold-open child failed (${result.status ?? result.signal}): ${result.stderr}`);
    }
    runs.push(JSON.parse(result.stdout) as ColdOpenTiming);
  }
  const total = summarize(runs.map((r) => r.totalMs));
  const open = summarize(runs.map((r) => r.openMs));
  const list = summarize(runs.map((r) => r.firstListMs));
  ctx.note(
    `cold-open runs (openStore → first list, ms): ${runs.map((r) => r.totalMs.toFixed(1)).join(', ')}` +
      ` (OS page cache warm; process cold)`,
  );
  const detail = { openP50: open.p50, firstListP50: list.p50, runs: runs.length };
  return [
    msRow('cold open 100k/1M → first list p50', total.p50, COLD_OPEN_TARGET_MS, detail),
    msRow('cold open 100k/1M → first list max', total.max, COLD_OPEN_TARGET_MS, detail),
  ];
});
