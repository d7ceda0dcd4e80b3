import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { Core } from '../core';
import { createCore } from '../core';
import { createKeychainVault } from '../vault/secret-vault';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'drizzle');

export function tempDir(prefix = 'baton-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real core on a real SQLite file in a fresh temp dir. */
export function tempCore(
  options: { dataDir?: string; clock?: Clock } = {},
): Core & { dataDir: string; dispose(): void } {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    vault: createKeychainVault(`baton-test-${process.pid}`),
    host: 'browser',
    version: '0.0.0-test',
    ...(options.clock ? { clock: options.clock } : {}),
    log: () => undefined,
  });
  return Object.assign(core, {
    dataDir,
    dispose() {
      core.close();
      dir?.remove();
    },
  });
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 28, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
