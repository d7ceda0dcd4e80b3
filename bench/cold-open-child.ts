// Run in a fresh process by store-reads.bench.ts: times openStore → the first listSessions result.
// Modules are loaded before the clock starts, so only what the app does at start-up is counted.
// Usage: node --import tsx bench/cold-open-child.ts <db file> <migrations dir>
import { openStore } from '../src-main/store/database';
import { listSessions } from '../src-main/store/repos/sessions';

export interface ColdOpenTiming {
  openMs: number;
  firstListMs: number;
  totalMs: number;
  rows: number;
}

const [file, migrationsDir] = process.argv.slice(2);
if (file && migrationsDir) {
  const start = process.hrtime.bigint();
  const store = openStore(file, migrationsDir);
  const opened = process.hrtime.bigint();
  const rows = listSessions(store.db, { limit: 50 });
  const listed = process.hrtime.bigint();
  store.close();
  const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
  const timing: ColdOpenTiming = {
    openMs: ms(start, opened),
    firstListMs: ms(opened, listed),
    totalMs: ms(start, listed),
    rows: rows.length,
  };
  process.stdout.write(JSON.stringify(timing));
}
