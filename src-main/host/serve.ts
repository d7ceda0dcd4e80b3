// `npm run serve`: Baton without Electron. Runs the core under Node and serves the renderer on
// 127.0.0.1; open the printed URL in a browser. Used by the e2e suite, and by anyone whose Electron
// cannot start.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { createCore } from '../core';
import { installProcessGuards } from '../process-guard';
import { defaultDataDir, findAppRoot } from '../paths';
import { createKeychainVault } from '../vault/secret-vault';
import { startBrowserHost } from './browser-host';

installProcessGuards((message, err) => console.error(`[baton] ${message}`, err ?? ''));

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
});
const root = findAppRoot(import.meta.dirname);
const dataDir = values['data-dir'] ?? defaultDataDir();
const port = Number(values.port ?? process.env.BATON_PORT ?? 0);

let core: ReturnType<typeof createCore>;
try {
  core = createCore({
    dataDir,
    migrationsDir: join(root, 'drizzle'),
    vault: createKeychainVault(process.env.BATON_KEYCHAIN_NAMESPACE ?? 'baton'),
    host: 'browser',
    version,
    diagnosticEchoUrl: process.env.BATON_DIAGNOSTIC_ECHO_URL,
  });
} catch (err) {
  console.error(`Baton could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const host = await startBrowserHost(core, { rendererDir: join(root, 'out', 'renderer'), port });
console.log(`Baton data: ${dataDir}`);
console.log(`Baton is running at ${host.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void host
    .close()
    .then(() => core.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
