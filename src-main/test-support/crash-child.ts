// A Baton core in its own process with the process guards installed (as host/serve.ts does), for
// process-guard.test.ts: one job throws from a timer callback it set up, an unrelated callback throws,
// a promise rejects with nobody listening. Prints one JSON line with what became of each, then exits.
import { z } from 'zod';
import { createCore } from '../core';
import { defineJobKind } from '../jobs/job-kinds';
import { installProcessGuards } from '../process-guard';
import { inTransaction } from '../store/database';
import { createKeychainVault } from '../vault/secret-vault';
import { MIGRATIONS_DIR } from './temp-core';

const logged: string[] = [];
installProcessGuards((message, err) => {
  logged.push(message);
  console.error(message, err);
});

const crashingKind = defineJobKind({
  kind: 'test.crash-in-callback',
  service: 'local',
  payload: z.object({}),
  maxAttempts: 1,
  describe: () => 'A job whose callback throws',
  run: () =>
    new Promise<void>(() => {
      // Never settles by itself: only the guard can end it.
      setTimeout(() => {
        throw new Error('thrown from a timer inside the job');
      }, 5);
    }),
});

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({
  dataDir,
  migrationsDir: MIGRATIONS_DIR,
  vault: createKeychainVault('baton-test-child'),
  host: 'browser',
  version: '0.0.0-test',
  jobKinds: [crashingKind],
  teamPoll: false,
  log: (message) => logged.push(message),
});

setTimeout(() => {
  throw new Error('thrown from an unrelated timer');
}, 1);
void Promise.reject(new Error('nobody awaited this'));
inTransaction(core.db, () =>
  core.enqueue({ kind: crashingKind.kind, payload: {}, idempotencyKey: 'crash-1', sessionId: null }),
);

const job = () =>
  core.sqlite.prepare('select state, last_error from jobs where idempotency_key = ?').get('crash-1') as {
    state: string;
    last_error: string | null;
  };
const timer = setInterval(() => {
  if (job().state !== 'dead') return;
  clearInterval(timer);
  void core.dispatch('app:info', undefined).then(async (reply) => {
    console.log(JSON.stringify({ job: job(), appInfo: reply.ok, logged }));
    await core.close();
    process.exit(0);
  });
}, 10);
