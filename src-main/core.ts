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
import { createConnectivity } from './jobs/connectivity';
import type { EnqueueRequest } from './jobs/enqueue';
import { enqueueJob } from './jobs/enqueue';
import type { JobKind } from './jobs/job-kinds';
import { createJobKinds } from './jobs/job-kinds';
import { diagnosticEchoKind, DIAGNOSTIC_ECHO } from './jobs/kinds/diagnostic-echo';
import { createQueueService } from './jobs/queue-service';
import type { WorkerOptions } from './jobs/worker';
import { createJobWorker } from './jobs/worker';
import type { HttpClient } from './net/http';
import { createHttpClient } from './net/http';
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
  /** The one outbound HTTP client (tests pass one with short timeouts). */
  http?: HttpClient;
  /** Extra job kinds (tests). */
  jobKinds?: readonly JobKind<unknown>[];
  /** Worker tuning (tests): limits, backoff, probe interval. */
  worker?: Pick<WorkerOptions, 'limits' | 'defaultLimit' | 'backoff' | 'probe' | 'pollMs' | 'random'>;
  /** Start the outbox worker (default true). */
  startWorker?: boolean;
  /** Echo every note to this endpoint through the outbox (diagnostics; see diagnostic-echo.ts). */
  diagnosticEchoUrl?: string;
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
  const db = store.db;
  const kinds = createJobKinds([
    ...(options.diagnosticEchoUrl ? [diagnosticEchoKind(options.diagnosticEchoUrl)] : []),
    ...(options.jobKinds ?? []),
  ]);
  const connectivity = createConnectivity(db, clock);
  const worker = createJobWorker({
    db,
    clock,
    kinds,
    http: options.http ?? createHttpClient(),
    connectivity,
    ...options.worker,
    // Called only once the worker runs, after `queue` below exists.
    onJobChanged: (job) => queue.jobChanged(job),
    log,
  });
  const queue = createQueueService({ db, clock, kinds, connectivity, events, wake: () => worker.wake() });
  let closing: Promise<void> | null = null;
  /** Enqueue inside the caller's transaction; the worker is woken once the transaction is over. */
  const enqueue = (request: EnqueueRequest) => {
    const job = enqueueJob(db, kinds, request, clock.now());
    setImmediate(() => {
      if (closing) return;
      queue.jobEnqueued(job.id);
      worker.wake();
    });
    return job;
  };
  const profiles = createProfileService(db, clock);
  const sessions = createSessionService(db, clock, events, {
    onNoteAdded: (message) => {
      if (kinds.has(DIAGNOSTIC_ECHO)) {
        enqueue({
          kind: DIAGNOSTIC_ECHO,
          payload: { messageId: message.id, text: message.body },
          idempotencyKey: `echo:${message.id}`,
          sessionId: message.sessionId,
        });
      }
    },
  });

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
    'queue:status': () => queue.status(),
    'queue:list': (input) => queue.list(input.filter, input.limit),
    'queue:retry': (input) => queue.retry(profiles.require(), input.id),
    'queue:discard': (input) => queue.discard(profiles.require(), input.id),
    'connection:set-work-offline': (input) => queue.setWorkOffline(profiles.require(), input.workOffline),
  };
  const dispatch: Dispatch = createDispatcher(handlers, log);

  if (options.startWorker !== false) worker.start();

  return {
    db,
    sqlite: store.sqlite,
    events,
    dispatch,
    enqueue,
    services: { profiles, sessions, queue, connectivity, worker, vault: options.vault },
    /** Clean shutdown: stop the worker (aborting in-flight work), then fold the WAL back and close. */
    close(): Promise<void> {
      closing ??= (async () => {
        await worker.stop();
        queue.dispose();
        stopCheckpointer();
        store.close();
      })();
      return closing;
    },
  };
}
