// Is the file at the store's path Baton's own, and readable? Checked before anything opens it for
// writing (issue 13, item 5): another program's SQLite file is refused and left exactly as it was,
// an empty file is not taken for a first run, a truncated or random one is reported as damaged.
// Reads the 100-byte SQLite header directly (https://www.sqlite.org/fileformat.html §1.3); only a
// file without Baton's application id is opened, and then a copy of it, read-only.
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** PRAGMA application_id of every Baton store ("BATN"): how Baton knows a file is its own. */
export const BATON_APPLICATION_ID = 0x4241544e;

const MAGIC = 'SQLite format 3\u0000';
/** Tables every Baton store has had since its first schema (drizzle's journal among them). */
const BATON_TABLES = ['__drizzle_migrations', 'users', 'sessions', 'messages', 'settings'];

export type StoreFileState =
  | { kind: 'missing' }
  | { kind: 'baton'; schemaVersion: number; stamped: boolean }
  | { kind: 'empty'; reason: string }
  | { kind: 'damaged'; reason: string }
  | { kind: 'foreign'; reason: string }
  | { kind: 'newer'; schemaVersion: number; knownSchema: number }
  | { kind: 'unreadable'; reason: string };

export interface SqliteHeader {
  pageSize: number;
  pageCount: number;
  changeCounter: number;
  versionValidFor: number;
  userVersion: number;
  applicationId: number;
}

/** The header of an SQLite file, or null when the bytes are not one. */
export function readSqliteHeader(bytes: Buffer): SqliteHeader | null {
  if (bytes.length < 100 || bytes.toString('latin1', 0, 16) !== MAGIC) return null;
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) return null;
  return {
    pageSize,
    changeCounter: bytes.readUInt32BE(24),
    pageCount: bytes.readUInt32BE(28),
    userVersion: bytes.readInt32BE(60),
    applicationId: bytes.readInt32BE(68),
    versionValidFor: bytes.readUInt32BE(92),
  };
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    const read = readSync(fd, head, 0, 100, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What is at `file`, judged without changing a byte of it. */
export function inspectStoreFile(file: string, knownSchema: number): StoreFileState {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { kind: 'unreadable', reason: `${file} is a folder, not a file` };
    size = stat.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: describe(err) };
  }
  if (size === 0) return { kind: 'empty', reason: 'the file is empty (0 bytes)' };
  let head: Buffer;
  try {
    head = readHead(file);
  } catch (err) {
    return { kind: 'unreadable', reason: describe(err) };
  }
  const header = readSqliteHeader(head);
  if (!header) return { kind: 'damaged', reason: 'the file is not a database (its first bytes are wrong)' };
  // The page count is trustworthy when the "version-valid-for" number matches the change counter.
  if (header.versionValidFor === header.changeCounter && header.pageCount * header.pageSize > size)
    return {
      kind: 'damaged',
      reason: `the file is cut short: ${size} bytes of the ${header.pageCount * header.pageSize} it should have`,
    };
  if (header.applicationId !== 0 && header.applicationId !== BATON_APPLICATION_ID)
    return {
      kind: 'foreign',
      reason: `it belongs to another program (application id ${header.applicationId})`,
    };
  if (header.applicationId === 0) {
    // Written before Baton stamped its files, or by another program: look at its tables (in a copy).
    const tables = tablesOfCopy(file);
    if ('error' in tables) return { kind: 'damaged', reason: tables.error };
    if (tables.names.length === 0) return { kind: 'empty', reason: 'the database has no tables' };
    if (!BATON_TABLES.every((t) => tables.names.includes(t)))
      return { kind: 'foreign', reason: "its tables are not Baton's" };
  }
  if (header.userVersion > knownSchema)
    return { kind: 'newer', schemaVersion: header.userVersion, knownSchema };
  return {
    kind: 'baton',
    schemaVersion: header.userVersion,
    stamped: header.applicationId === BATON_APPLICATION_ID,
  };
}

/** The table names of a copy of `file` (and its WAL), so the file itself is never opened. */
function tablesOfCopy(file: string): { names: string[] } | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-inspect-'));
  try {
    const copy = join(dir, 'copy.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      const names = db
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all() as string[];
      return { names };
    } finally {
      db.close();
    }
  } catch (err) {
    return { error: `the database cannot be read (${describe(err)})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
