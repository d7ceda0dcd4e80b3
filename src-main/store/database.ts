// Opens the one SQLite file: WAL, foreign keys, migrations from drizzle/ at start-up, and a refusal
// to open a database written by a newer build (its schema would be misread).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../errors';
import * as schema from './schema';

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

export function openStore(file: string, migrationsDir: string): OpenedStore {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoints run in the background (see startCheckpointer), never inside a user's commit.
    sqlite.pragma('wal_autocheckpoint = 0');

    const known = knownSchemaVersion(migrationsDir);
    const onDisk = Number(sqlite.pragma('user_version', { simple: true }));
    if (onDisk > known) {
      throw new AppError(
        'CONFLICT',
        `This Baton data (schema ${onDisk}) was written by a newer version of Baton, which this one ` +
          `(schema ${known}) cannot read safely. Update Baton, or point BATON_DATA_DIR at another folder.`,
        { file, schemaOnDisk: onDisk, schemaKnown: known },
      );
    }
    const db: Db = drizzle({ client: sqlite, schema });
    if (onDisk < known) {
      // drizzle runs every pending migration inside one transaction.
      migrate(db, { migrationsFolder: migrationsDir });
      sqlite.pragma(`user_version = ${known}`);
    }
    return { db, sqlite, schemaVersion: known, close: () => closeStore(sqlite) };
  } catch (err) {
    sqlite.close();
    throw err;
  }
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
