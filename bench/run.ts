// `npm run bench [-- [--strict] [name-filter ...]]`: runs every registered bench whose name contains
// one of the filters (all when none), prints the table, writes bench/results/latest.json.
// Exit code: 1 when a bench throws, or with --strict when any target is missed; otherwise 0.
import { join } from 'node:path';
import './store-writes.bench';
import './store-reads.bench';
import './queue.bench';
import './search.bench';
import './chat.bench';
import './handoff.bench';
import './handoff-queue-paint.bench';
import './team.bench';
import './team-flow.bench';
import './redaction.bench';
import './insights.bench';
import './launch.bench';
import './main-tasks.bench';
import { migrationsDir, root } from './lib/env';
import { registered } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { environment, formatTable, writeResults } from './lib/report';
import type { Results } from './lib/report';
import { msSince, nowNs } from './lib/stats';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const filter = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--strict');
  if (unknown.length > 0) {
    console.error(
      `Unknown option ${unknown.join(' ')}. Usage: npm run bench -- [--strict] [name-filter ...]`,
    );
    return 2;
  }
  const selected = registered().filter((b) => filter.length === 0 || filter.some((f) => b.name.includes(f)));
  if (selected.length === 0) {
    console.error(
      `No bench matches ${filter.join(', ')}. Known: ${registered()
        .map((b) => b.name)
        .join(', ')}`,
    );
    return 2;
  }

  const start = nowNs();
  const results: Results = {
    startedAt: new Date().toISOString(),
    wallMs: 0,
    ...environment(),
    filter,
    strict,
    rows: [],
    errors: [],
    notes: [],
  };
  const ctx: BenchContext = {
    migrationsDir,
    root,
    log: (message) => console.error(`[bench] ${message}`),
    note: (message) => {
      if (!results.notes.includes(message)) results.notes.push(message);
    },
  };

  for (const bench of selected) {
    const benchStart = nowNs();
    try {
      for (const row of await bench.fn(ctx)) results.rows.push({ bench: bench.name, ...row });
      ctx.log(`${bench.name}: done in ${(msSince(benchStart) / 1000).toFixed(1)} s`);
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.errors.push({ bench: bench.name, message });
      ctx.log(`${bench.name}: FAILED\n${message}`);
    }
  }
  results.wallMs = msSince(start);

  console.log(formatTable(results.rows));
  for (const e of results.errors) console.log(`ERROR  ${e.bench}: ${e.message.split('\n')[0]}`);
  for (const note of results.notes) console.log(`note: ${note}`);
  console.log(
    `\n${results.node} on ${results.cpu} (${results.cores} cores); wall ${(results.wallMs / 1000).toFixed(1)} s`,
  );
  const file = join(root, 'bench', 'results', 'latest.json');
  writeResults(file, results);
  console.log(`results: ${file}`);

  const missed = results.rows.filter((r) => !r.pass).length;
  if (results.errors.length > 0) return 1;
  return strict && missed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
