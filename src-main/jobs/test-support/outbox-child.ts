// A Baton core in its own process, for the crash test: `enqueue` stores a note (and with it an echo
// job) and runs the outbox; `resume` only runs the outbox. Prints "drained" when nothing is pending.
import { createCore } from '../../core';
import { createKeychainVault } from '../../vault/secret-vault';
import { MIGRATIONS_DIR } from '../../test-support/temp-core';

const [dataDir, echoUrl, mode] = process.argv.slice(2) as [string, string, 'enqueue' | 'resume'];
const core = createCore({
  dataDir,
  migrationsDir: MIGRATIONS_DIR,
  vault: createKeychainVault('baton-test-child'),
  host: 'browser',
  version: '0.0.0-test',
  diagnosticEchoUrl: echoUrl,
  worker: { backoff: { baseMs: 40, capMs: 200 }, probe: { minMs: 50, maxMs: 200 } },
});

const pending = () =>
  core.sqlite
    .prepare("select count(*) from jobs where state in ('queued','running')")
    .pluck()
    .get() as number;
core.events.onAny((event) => {
  if (event === 'job_updated' && pending() === 0) {
    console.log('drained');
    void core.close().then(() => process.exit(0));
  }
});

if (mode === 'enqueue') {
  const { profiles, sessions } = core.services;
  const user = profiles.create({ name: 'Jane Doe', email: 'jane@example.com' });
  const session = sessions.create(user, {});
  sessions.addMessage(user, session.id, 'Effect that must happen exactly once');
  console.log('enqueued');
}
