// Start-up (issue 13, item 5): the store is checked before the core opens it. A healthy store opens at
// once (after a backup when a migration is about to change it); a damaged, empty, foreign, newer or
// unreadable one is left untouched and the launcher answers the contract's start-up channels, so the
// renderer can show what was found and offer to restore the newest good backup or start fresh. Both
// entries use it: the browser host (host/serve.ts) and Electron serve `launcher.dispatch` and
// `launcher.events` exactly as they would a core's, and get the core from `whenReady()`.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppInfo, Envelope, StartupStatus, StoreProblem } from '../../src-preload/contract';
import { StartupRecoverInput } from '../../src-preload/contract';
import type { Core, CoreOptions } from '../core';
import { createCore, DATABASE_FILE, gatedConsoleLog } from '../core';
import { AppError } from '../errors';
import { CoreEvents } from '../events';
import type { Dispatch } from '../ipc/dispatcher';
import { backupDir, listGoodBackups, startDailyBackups, takePreMigrationBackup } from '../store/backups';
import { knownSchemaVersion } from '../store/database';
import type { StoreFileState } from '../store/store-file';
import { inspectStoreFile } from '../store/store-file';
import { describeProblem } from './store-problems';

export interface LaunchOptions extends Omit<CoreOptions, 'events'> {
  /** Daily backups (tests shorten the timers; false turns them off). */
  backups?: { firstCheckMs?: number; checkEveryMs?: number } | false;
  /** Builds the core once the store is sound (tests wrap createCore). */
  createCore?: (options: CoreOptions) => Core;
}

export interface Launcher {
  /** The contract, answered by the core once it is open, by the start-up channels until then. */
  dispatch: Dispatch;
  /** The core's push events (the same emitter before and after it opens). */
  events: CoreEvents;
  core(): Core | null;
  /** Resolves with the core once it is open: at once, or after the person chose what to do. */
  whenReady(): Promise<Core>;
  status(): StartupStatus;
  close(): Promise<void>;
}

type Problem = { kind: StoreProblem; reason: string; state?: StoreFileState };

export async function launchBaton(options: LaunchOptions): Promise<Launcher> {
  const events = new CoreEvents();
  const now = () => (options.clock ?? Date).now();
  const log = options.log ?? gatedConsoleLog;
  const file = join(options.dataDir, DATABASE_FILE);
  const known = knownSchemaVersion(options.migrationsDir);
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    schemaVersion: known,
  };
  let core: Core | null = null;
  let problem: Problem | null = null;
  let backups: ReturnType<typeof startDailyBackups> | null = null;
  let closed = false;
  let readyWaiters: ((core: Core) => void)[] = [];
  let busy: Promise<unknown> = Promise.resolve();

  /** Opens the core if the store allows it; otherwise records the problem. */
  async function tryOpen(): Promise<void> {
    mkdirSync(options.dataDir, { recursive: true });
    const state = inspectStoreFile(file, known);
    if (state.kind !== 'missing' && state.kind !== 'baton') {
      problem = { kind: state.kind, reason: 'reason' in state ? state.reason : '', state };
      return;
    }
    if (state.kind === 'baton') {
      const backedUp = await backUpBeforeMigration();
      if (!backedUp) return;
    }
    try {
      core = (options.createCore ?? createCore)({ ...options, events });
    } catch (err) {
      if (err instanceof AppError && err.code === 'STORE_UNAVAILABLE') {
        const details = err.details as { state: StoreFileState & { reason?: string } };
        problem = {
          kind: details.state.kind as StoreProblem,
          reason: details.state.reason ?? '',
          state: details.state,
        };
        return;
      }
      throw err;
    }
    problem = null;
    if (options.backups !== false) {
      const opened = core;
      backups = startDailyBackups({
        sqlite: opened.sqlite,
        dataDir: options.dataDir,
        now,
        log,
        ...options.backups,
      });
    }
    const waiters = readyWaiters;
    readyWaiters = [];
    waiters.forEach((resolve) => resolve(core!));
  }

  /** Before migrations change Baton's data, a backup of it as it was (DESIGN §2). */
  async function backUpBeforeMigration(): Promise<boolean> {
    try {
      await takePreMigrationBackup(file, options.dataDir, known, now());
      return true;
    } catch (err) {
      log('the backup before a migration failed', err);
      problem = { kind: 'backup-failed', reason: err instanceof Error ? err.message : String(err) };
      return false;
    }
  }

  function status(): StartupStatus {
    if (core || !problem) return { state: 'ready', problem: null, backups: [], canStartFresh: false };
    const described = describeProblem(problem, file);
    const restorable =
      problem.kind === 'damaged' || problem.kind === 'empty' || problem.kind === 'backup-failed';
    return {
      state: 'attention',
      problem: { kind: problem.kind, ...described, file },
      backups: restorable ? listGoodBackups(options.dataDir, known) : [],
      canStartFresh: problem.kind === 'damaged' || problem.kind === 'empty',
    };
  }

  /** Moves the store (and its WAL and shared-memory files) aside; returns the new name. */
  function moveAside(): string {
    const aside = `${file}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
    return aside;
  }

  async function recover(rawInput: unknown): Promise<StartupStatus> {
    const parsed = StartupRecoverInput.safeParse(rawInput);
    if (!parsed.success)
      throw new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join('; '));
    const input = parsed.data;
    if (core) throw new AppError('CONFLICT', "Baton's data is open and healthy: there is nothing to recover");
    const current = status();
    if (input.action === 'check-again') {
      await tryOpen();
      return status();
    }
    if (input.action === 'start-fresh') {
      if (!current.canStartFresh)
        throw new AppError('CONFLICT', 'Starting fresh is not offered for this file: Baton does not move it');
      const aside = moveAside();
      log(`started fresh; the old data file is kept as ${aside}`);
      await tryOpen();
      return status();
    }
    const backup = current.backups.find((b) => b.name === input.backup);
    if (!backup)
      throw new AppError('NOT_FOUND', 'That backup is not one Baton can restore: choose one of the list');
    const source = join(backupDir(options.dataDir), backup.name);
    const incoming = `${file}.restoring`;
    copyFileSync(source, incoming);
    const aside = existsSync(file) ? moveAside() : null;
    renameSync(incoming, file);
    rmSync(incoming, { force: true });
    log(`restored ${backup.name}${aside ? `; the old data file is kept as ${basename(aside)}` : ''}`);
    await tryOpen();
    return status();
  }

  const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
  const dispatch: Dispatch = async (channel, input) => {
    if (core) return core.dispatch(channel, input);
    try {
      if (channel === 'startup:status') return ok(status());
      if (channel === 'app:info') return ok(info);
      if (channel === 'startup:recover') {
        // One decision at a time: a double click must not move the file aside twice.
        const run = busy.then(() => recover(input));
        busy = run.catch(() => undefined);
        return ok(await run);
      }
      return {
        ok: false,
        error: {
          code: 'STORE_UNAVAILABLE',
          message: "Baton's data is not open: choose what to do on the start screen first.",
        },
      };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      log(`start-up: ${String(channel).slice(0, 60)} failed`, err);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Baton could not do that: ${err instanceof Error ? err.message : String(err)}`,
        },
      };
    }
  };

  await tryOpen();
  return {
    dispatch,
    events,
    core: () => core,
    whenReady: () =>
      core ? Promise.resolve(core) : new Promise<Core>((resolve) => readyWaiters.push(resolve)),
    status,
    async close() {
      if (closed) return;
      closed = true;
      backups?.stop();
      await backups?.running();
      await core?.close();
    },
  };
}
