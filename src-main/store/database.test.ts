import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { MIGRATIONS_DIR, tempDir } from '../test-support/temp-core';
import { knownSchemaVersion, openStore } from './database';

describe('openStore', () => {
  const dirs: { remove(): void }[] = [];
  const newFile = () => {
    const dir = tempDir();
    dirs.push(dir);
    return join(dir.path, 'baton.db');
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('creates the tables with WAL and foreign keys on, and records the schema version', () => {
    const store = openStore(newFile(), MIGRATIONS_DIR);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
      )
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'sessions', 'messages', 'settings', 'audit_log', 'jobs']),
    );
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(MIGRATIONS_DIR));
    store.close();
  });

  it('refuses a message whose session does not exist (foreign keys are enforced)', () => {
    const store = openStore(newFile(), MIGRATIONS_DIR);
    expect(() =>
      store.sqlite
        .prepare(
          "insert into messages (id, session_id, role, body, created_at, seq) values ('m', 'nope', 'user', 'x', 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('reopens an existing database without re-running migrations and keeps its rows', () => {
    const file = newFile();
    const first = openStore(file, MIGRATIONS_DIR);
    first.sqlite.prepare("insert into settings (key, value, updated_at) values ('k', '\"v\"', 1)").run();
    first.close();
    const second = openStore(file, MIGRATIONS_DIR);
    expect(second.sqlite.prepare("select value from settings where key = 'k'").pluck().get()).toBe('"v"');
    second.close();
  });

  it('refuses a database written by a newer build, with a message that says what to do', () => {
    const file = newFile();
    openStore(file, MIGRATIONS_DIR).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${knownSchemaVersion(MIGRATIONS_DIR) + 3}`);
    raw.close();

    let error: unknown;
    try {
      openStore(file, MIGRATIONS_DIR);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/newer version of Baton/);
    expect((error as AppError).message).toMatch(/Update Baton/);
    // The refused file is left as it was.
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(MIGRATIONS_DIR) + 3);
    check.close();
  });
});
