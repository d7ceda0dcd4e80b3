// Opens the one SQLite file: WAL, foreign keys, migrations from drizzle/ at start-up, and a refusal
// to open a file that is not Baton's own, is damaged, or was written by a newer build (store-file.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../errors';
import { prepared } from './prepared';
import * as schema from './schema';
import type { StoreFileState } from './store-file';
import { BATON_APPLICATION_ID, inspectStoreFile } from './store-file';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedStore {
  db: Db;
  sqlite: Database.Database;
  schemaVersion: number;
  close(): void;
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function knownSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}

/**
 * Opens the store at `file`, creating it when there is none. Refuses (AppError STORE_UNAVAILABLE,
 * details.problem) a file that is not Baton's, is empty, damaged, unreadable or written by a newer
 * Baton — before writing a byte to it.
 */
/**
 * drizzle compiles every query it runs with `client.prepare` and keeps nothing (issue 12: compiling was
 * most of an escalate click's time). This hands drizzle the same compiled statement for the same SQL
 * text, back in its default mode (drizzle switches a statement to raw rows itself where it wants them).
 * Only drizzle's client goes through it; code that prepares on `sqlite` directly is unchanged. Written
 * by hand: neither drizzle nor better-sqlite3 offers a statement cache.
 */
const RAW_CLIENT = Symbol('the better-sqlite3 connection behind the statement cache');

/** The connection itself, for what is keyed by it (WeakMaps): `db.$client` is the cache in front of it. */
export function rawClient(client: Database.Database): Database.Database {
  return (client as unknown as { [RAW_CLIENT]?: Database.Database })[RAW_CLIENT] ?? client;
}

export function withStatementCache(sqlite: Database.Database, limit = 1_000): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let statement = cache.get(source);
    if (!statement) {
      // SQL built with varying shapes (IN lists) must not grow it without bound.
      if (cache.size >= limit) cache.clear();
      statement = sqlite.prepare(source);
      cache.set(source, statement);
    }
    // Back in the default mode: whoever asked sets raw / pluck / expand again if they want it.
    if (statement.reader) statement.raw(false).pluck(false).expand(false);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      if (key === RAW_CLIENT) return target;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function openStore(file: string, migrationsDir: string): OpenedStore {
  const known = knownSchemaVersion(migrationsDir);
  const state = inspectStoreFile(file, known);
  if (state.kind !== 'missing' && state.kind !== 'baton') throw storeProblem(file, state);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (err) {
    throw storeProblem(file, {
      kind: 'unreadable',
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoints run in the background (see startCheckpointer), never inside a user's commit.
    sqlite.pragma('wal_autocheckpoint = 0');

    const onDisk = Number(sqlite.pragma('user_version', { simple: true }));
    if (onDisk > known)
      throw storeProblem(file, { kind: 'newer', schemaVersion: onDisk, knownSchema: known });
    // Baton's mark on its files: the next start knows this one is its own (store-file.ts).
    if (Number(sqlite.pragma('application_id', { simple: true })) !== BATON_APPLICATION_ID)
      sqlite.pragma(`application_id = ${BATON_APPLICATION_ID}`);
    const db: Db = drizzle({ client: withStatementCache(sqlite), schema });
    if (onDisk < known) {
      // drizzle runs every pending migration inside one transaction.
      migrate(db, { migrationsFolder: migrationsDir });
      sqlite.pragma(`user_version = ${known}`);
    }
    return { db, sqlite, schemaVersion: known, close: () => closeStore(sqlite) };
  } catch (err) {
    sqlite.close();
    if (err instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(err.code))
      throw storeProblem(file, { kind: 'damaged', reason: err.message });
    throw err;
  }
}

export type StoreProblemState = Exclude<StoreFileState, { kind: 'missing' } | { kind: 'baton' }>;

/** The refusal to open `file`, in plain words (the start-up screen shows it). */
export function storeProblem(file: string, state: StoreProblemState): AppError {
  const message =
    state.kind === 'newer'
      ? `This Baton data (schema ${state.schemaVersion}) was written by a newer version of Baton, which this one ` +
        `(schema ${state.knownSchema}) cannot read safely. Update Baton, or point BATON_DATA_DIR at another folder. ` +
        'The file is left untouched.'
      : state.kind === 'foreign'
        ? `The file at ${file} is not Baton's data: ${state.reason}. Baton left it exactly as it was.`
        : state.kind === 'empty'
          ? `Baton's data file at ${file} is empty (${state.reason}). Baton left it as it was.`
          : state.kind === 'damaged'
            ? `Baton's data file at ${file} is damaged: ${state.reason}. Baton left it as it was.`
            : `Baton cannot read its data file at ${file}: ${state.reason}.`;
  return new AppError('STORE_UNAVAILABLE', message, { file, problem: state.kind, state });
}

function closeStore(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}

/**
 * With autocheckpoint off, the WAL is folded back on a timer (and at close) so that no user action
 * pays for a checkpoint's fsync (DESIGN §2). PASSIVE never waits on readers or writers.
 */
export function startCheckpointer(sqlite: Database.Database, intervalMs = 30_000): () => void {
  const timer = setInterval(() => {
    if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

const transactionRunners = new WeakMap<
  Database.Database,
  Database.Transaction<(work: () => unknown) => unknown>
>();

/**
 * Runs `work` in one SQLite transaction (BEGIN IMMEDIATE, so a second writer waits instead of
 * failing half-way); repositories called inside it share it because they use the same connection.
 * Nested calls become savepoints. One runner per connection: building it costs ~10% of a write.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  let runner = transactionRunners.get(db.$client);
  if (!runner)
    transactionRunners.set(db.$client, (runner = db.$client.transaction((fn: () => unknown) => fn())));
  return runner.immediate(work) as T;
}

/** Whether `db` is inside a transaction now (jobs/enqueue.ts refuses to write a job outside one). */
export function isInTransaction(db: Db): boolean {
  return db.$client.inTransaction;
}

/**
 * SQLite's data_version of this connection: it moves when another connection (another Baton on the same
 * store) commits, never for this one's own commits (handoffs/store-watch.ts).
 */
export function dataVersion(db: Db): number {
  return prepared(db, 'store.dataVersion', (d) =>
    rawClient(d.$client).prepare('pragma data_version').pluck(),
  ).get() as number;
}
