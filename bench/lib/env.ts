// Where things are, and throwaway stores opened exactly as the app opens them (openStore: WAL,
// synchronous=NORMAL, foreign keys, migrations from drizzle/).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { User } from '../../src-preload/contract';
import { systemClock } from '../../src-main/clock';
import { findAppRoot } from '../../src-main/paths';
import { createConnectivity } from '../../src-main/jobs/connectivity';
import type { MessageViews } from '../../src-main/services/message-views';
import { createMessageViews } from '../../src-main/services/message-views';
import { createProfileService } from '../../src-main/services/profile-service';
import type { OpenedStore } from '../../src-main/store/database';
import { openStore } from '../../src-main/store/database';

export const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));
export const migrationsDir = join(root, 'drizzle');

export interface TempStore extends OpenedStore {
  dir: string;
  /** Closes the store and deletes its folder. */
  dispose(): void;
}

/** A new, migrated database in a fresh folder under os.tmpdir(). */
export function openTempStore(label: string): TempStore {
  const dir = mkdtempSync(join(tmpdir(), `baton-bench-${label}-`));
  const store = openStore(join(dir, 'baton.db'), migrationsDir);
  return {
    ...store,
    dir,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The local profile every action is attributed to, created the way the app creates it (its owner). */
export function createActor(store: OpenedStore): User {
  return createProfileService(store.db, systemClock).create({
    name: 'Bench Technician',
    email: 'bench@example.com',
  });
}

/** Message views as the app builds them (reply states need the connection state). */
export function viewsFor(store: OpenedStore): MessageViews {
  return createMessageViews(store.db, createConnectivity(store.db, systemClock));
}

/**
 * A short hash of every migration file: cached fixtures are keyed on it, so two checkouts whose
 * migrations differ (another branch, a renumbered migration) never share a stale fixture.
 */
export function migrationsHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 10);
}
