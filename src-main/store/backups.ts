// Backups of the store (issue 13, item 5; DESIGN §2): SQLite's online backup (better-sqlite3's
// backup(), safe while Baton writes), daily and before every migration, the last 7 kept in
// `<data dir>/backups`. A backup is written under a temporary name, checked, then renamed, so a
// listed backup is always a whole one; "good" backups are those this Baton can open.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreBackup } from '../../src-preload/contract';
import { inspectStoreFile } from './store-file';

export const BACKUPS_KEPT = 7;
export const BACKUP_DIR = 'backups';
const DAY_MS = 24 * 60 * 60_000;
const NAME = /^baton-(\d{8})-(\d{6})(\d{3})-(daily|pre-migration)\.db$/;

export const backupDir = (dataDir: string) => join(dataDir, BACKUP_DIR);

function stamp(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-11-28T09:00:00.000Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}`;
}

function parseName(name: string): { takenAt: number; reason: StoreBackup['reason'] } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, time, ms, reason] = match as unknown as [
    string,
    string,
    string,
    string,
    StoreBackup['reason'],
  ];
  const takenAt = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
    Number(ms),
  );
  return Number.isNaN(takenAt) ? null : { takenAt, reason };
}

/**
 * Copies the open store into a new backup and keeps the newest BACKUPS_KEPT. `source` is the live
 * connection: the online backup copies a consistent snapshot while other writes go on.
 */
export async function takeBackup(
  source: Database.Database,
  dataDir: string,
  reason: StoreBackup['reason'],
  now: number,
): Promise<StoreBackup> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const name = `baton-${stamp(now)}-${reason}.db`;
  const partial = join(dir, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    await source.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
    let schemaVersion: number;
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`);
      // A backup is a plain file (no WAL beside it): restoring it is a copy.
      copy.pragma('journal_mode = DELETE');
      schemaVersion = Number(copy.pragma('user_version', { simple: true }));
    } finally {
      copy.close();
    }
    renameSync(partial, join(dir, name));
    pruneBackups(dataDir);
    return { name, takenAt: now, reason, schemaVersion, sizeBytes: statSync(join(dir, name)).size };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Before migrations change the store at `file`, a backup of it as it was (DESIGN §2): only when it is
 * behind `knownSchema` (a new store has nothing to keep). Read through SQLite, not the file header: a
 * recent change may still sit in the WAL.
 */
export async function takePreMigrationBackup(
  file: string,
  dataDir: string,
  knownSchema: number,
  now: number,
): Promise<void> {
  let source: Database.Database | null = null;
  try {
    source = new Database(file, { fileMustExist: true });
    const onDisk = Number(source.pragma('user_version', { simple: true }));
    if (onDisk > 0 && onDisk < knownSchema) await takeBackup(source, dataDir, 'pre-migration', now);
  } finally {
    source?.close();
  }
}

/** Keeps the newest BACKUPS_KEPT backups; deletes older ones and leftovers of interrupted backups. */
export function pruneBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return;
  const names = readdirSync(dir);
  for (const name of names) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  const backups = names
    .map((name) => ({ name, parsed: parseName(name) }))
    .filter((b) => b.parsed !== null)
    .sort((a, b) => b.parsed!.takenAt - a.parsed!.takenAt);
  for (const old of backups.slice(BACKUPS_KEPT)) rmSync(join(dir, old.name), { force: true });
}

/** Backups this Baton can open (Baton's own, whole, not from a newer schema), newest first. */
export function listGoodBackups(dataDir: string, knownSchema: number): StoreBackup[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const good: StoreBackup[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    const state = inspectStoreFile(file, knownSchema);
    if (state.kind !== 'baton') continue;
    good.push({ name, ...parsed, schemaVersion: state.schemaVersion, sizeBytes: statSync(file).size });
  }
  return good.sort((a, b) => b.takenAt - a.takenAt);
}

/** When the newest backup was taken (any reason), or null when there is none. */
export function newestBackupAt(dataDir: string): number | null {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return null;
  const times = readdirSync(dir)
    .map((name) => parseName(name)?.takenAt)
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : null;
}

/**
 * A backup a day: one now when the newest is a day old (or there is none), then checked every hour.
 * Returns a stop function. Failures are logged; they never stop Baton.
 */
export function startDailyBackups(options: {
  sqlite: Database.Database;
  dataDir: string;
  now: () => number;
  log: (message: string, err?: unknown) => void;
  /** How often to check whether a day has passed (default one hour). */
  checkEveryMs?: number;
  /** The first check (default one minute after start, off the start-up path). */
  firstCheckMs?: number;
}): { stop(): void; running(): Promise<void> | null } {
  let current: Promise<void> | null = null;
  let stopped = false;
  const check = () => {
    if (stopped || current || !options.sqlite.open) return;
    const newest = newestBackupAt(options.dataDir);
    if (newest !== null && options.now() - newest < DAY_MS) return;
    current = takeBackup(options.sqlite, options.dataDir, 'daily', options.now())
      .then(() => undefined)
      .catch((err: unknown) => options.log('the daily backup failed', err))
      .finally(() => (current = null));
  };
  const first = setTimeout(check, options.firstCheckMs ?? 60_000);
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60_000);
  first.unref();
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
    running: () => current,
  };
}
