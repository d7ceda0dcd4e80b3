import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { Core, CoreOptions } from '../core';
import { createCore } from '../core';
import { createKeychainVault } from '../vault/secret-vault';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'drizzle');

export function tempDir(prefix = 'baton-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real core on a real SQLite file in a fresh temp dir. */
export function tempCore(
  options: { dataDir?: string; clock?: Clock } & Partial<Omit<CoreOptions, 'dataDir' | 'clock'>> = {},
): Core & { dataDir: string; dispose(): Promise<void> } {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const core = createCore({
    migrationsDir: MIGRATIONS_DIR,
    vault: createKeychainVault(`baton-test-${process.pid}`),
    host: 'browser',
    version: '0.0.0-test',
    log: () => undefined,
    ...options,
    dataDir,
  });
  return Object.assign(core, {
    dataDir,
    async dispose() {
      await core.close();
      dir?.remove();
    },
  });
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 28, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
