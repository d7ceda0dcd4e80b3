// The composition root: everything Baton does, as plain Node. The Electron entry wires it to ipcMain
// and the window; the browser host wires it to a loopback WebSocket; tests build it directly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../src-preload/contract';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { CoreEvents } from './events';
import type { Dispatch, Handlers } from './ipc/dispatcher';
import { createDispatcher } from './ipc/dispatcher';
import { createProfileService } from './services/profile-service';
import { createSessionService } from './services/session-service';
import { openStore, startCheckpointer } from './store/database';
import type { SecretVault } from './vault/secret-vault';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  vault: SecretVault;
  host: AppInfo['host'];
  version: string;
  clock?: Clock;
  log?: (message: string, err?: unknown) => void;
}

export type Core = ReturnType<typeof createCore>;

export const DATABASE_FILE = 'baton.db';

export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const log =
    options.log ?? ((message: string, err?: unknown) => console.error(`[baton] ${message}`, err ?? ''));
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore(join(options.dataDir, DATABASE_FILE), options.migrationsDir);
  const stopCheckpointer = startCheckpointer(store.sqlite);
  const events = new CoreEvents();
  const profiles = createProfileService(store.db, clock);
  const sessions = createSessionService(store.db, clock, events);

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      schemaVersion: store.schemaVersion,
    }),
    'profile:current': () => profiles.current(),
    'profile:create': (input) => profiles.create(input),
    'sessions:list': (input) => sessions.list(input),
    'sessions:create': (input) => sessions.create(profiles.require(), input),
    'sessions:get': (input) => sessions.get(input.id),
    'messages:add': (input) => sessions.addMessage(profiles.require(), input.sessionId, input.body),
  };
  const dispatch: Dispatch = createDispatcher(handlers, log);

  let closed = false;
  return {
    db: store.db,
    sqlite: store.sqlite,
    events,
    dispatch,
    services: { profiles, sessions, vault: options.vault },
    /** Clean shutdown: stop background work, then fold the WAL back and close the database. */
    close() {
      if (closed) return;
      closed = true;
      stopCheckpointer();
      store.close();
    },
  };
}
