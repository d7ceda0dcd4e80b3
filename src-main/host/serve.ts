// `npm run serve`: Baton without Electron. Runs the core under Node and serves the renderer on
// 127.0.0.1; open the printed URL in a browser. Used by the e2e suite, and by anyone whose Electron
// cannot start. A store that needs a decision (damaged, empty, another program's…) is served too:
// the page shows the start-up screen until the person chose (startup/launcher.ts).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { findAppRoot, defaultDataDir } from '../paths';
import { installProcessGuards } from '../process-guard';
import { managedSettingsLocation } from '../managed/managed-file';
import { launchBaton } from '../startup/launcher';
import { createKeychainVault } from '../vault/secret-vault';
import { startBrowserHost } from './browser-host';

const log = (message: string, err?: unknown) => console.error(`[baton] ${message}`, err ?? '');
installProcessGuards(log);

async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
  });
  const root = findAppRoot(import.meta.dirname);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port ?? process.env.BATON_PORT ?? 0);

  const launcher = await launchBaton({
    dataDir,
    migrationsDir: join(root, 'drizzle'),
    vault: createKeychainVault(process.env.BATON_KEYCHAIN_NAMESPACE ?? 'baton'),
    host: 'browser',
    version,
    log,
    diagnosticEchoUrl: process.env.BATON_DIAGNOSTIC_ECHO_URL,
    // BATON_SETTINGS_FILE, else the OS's usual place (/etc/baton/managed.json on Linux).
    managedSettings: managedSettingsLocation(process.env),
  });
  const host = await startBrowserHost(launcher, { rendererDir: join(root, 'out', 'renderer'), port, log });
  console.log(`Baton data: ${dataDir}`);
  const problem = launcher.status().problem;
  if (problem) console.log(`Baton needs a decision about its data: ${problem.title} (see the page)`);
  console.log(`Baton is running at ${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => launcher.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Start-up failures end the process with a message (the process guards would otherwise keep an empty
// process alive).
main().catch((err: unknown) => {
  console.error(`Baton could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
