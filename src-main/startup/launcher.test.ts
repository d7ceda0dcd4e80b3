// Start-up with a store that is not fine (issue 13, item 5): truncated, random, empty, foreign and
// newer-schema files are refused and left byte-for-byte as they were; the person restores the newest
// good backup or starts fresh (the file moved aside). Backups: SQLite's online backup, daily and
// before every migration, the last 7 kept.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, SessionDetail, StartupStatus, StoreProblem } from '../../src-preload/contract';
import { DATABASE_FILE } from '../core';
import { BACKUPS_KEPT, backupDir, listGoodBackups, takeBackup } from '../store/backups';
import { knownSchemaVersion, openStore } from '../store/database';
import { BATON_APPLICATION_ID, inspectStoreFile } from '../store/store-file';
import { MIGRATIONS_DIR, manualClock, tempDir } from '../test-support/temp-core';
import { createKeychainVault } from '../vault/secret-vault';
import type { Launcher, LaunchOptions } from './launcher';
import { launchBaton } from './launcher';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const KNOWN = knownSchemaVersion(MIGRATIONS_DIR);

function dataDir() {
  const dir = tempDir('baton-launch-');
  cleanups.push(() => dir.remove());
  return { dir: dir.path, file: join(dir.path, DATABASE_FILE) };
}

async function launch(dir: string, extra: Partial<LaunchOptions> = {}): Promise<Launcher> {
  const launcher = await launchBaton({
    dataDir: dir,
    migrationsDir: MIGRATIONS_DIR,
    vault: createKeychainVault(`baton-test-${process.pid}`),
    host: 'browser',
    version: '0.0.0-test',
    log: () => undefined,
    startWorker: false,
    backups: false,
    ...extra,
  });
  cleanups.push(() => launcher.close());
  return launcher;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const value = <T>(reply: Envelope<unknown>) => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
};

/** A real Baton store with one profile and one session titled `title`; closed cleanly. */
async function batonStoreWith(dir: string, title: string) {
  const launcher = await launch(dir);
  value(await launcher.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' }));
  value(await launcher.dispatch('sessions:create', { title }));
  await launcher.close();
}

const titles = async (launcher: Launcher) =>
  value<SessionDetail[]>(await launcher.dispatch('sessions:list', {})).map((s) => s.title);

describe('files that are not a healthy Baton store are refused and left exactly as they were', () => {
  const cases: [string, (file: string, dir: string) => Promise<void> | void, StoreProblem, RegExp][] = [
    [
      'a truncated Baton store',
      async (file, dir) => {
        await batonStoreWith(dir, 'Printer offline');
        truncateSync(file, Math.floor(readFileSync(file).length / 2));
      },
      'damaged',
      /cut short/,
    ],
    ['random bytes', (file) => writeFileSync(file, randomBytes(64 * 1024)), 'damaged', /not a database/],
    ['an empty file', (file) => writeFileSync(file, ''), 'empty', /0 bytes/],
    [
      "another program's SQLite file",
      (file) => {
        const other = new Database(file);
        other.exec(
          "create table photos (id integer primary key, path text); insert into photos values (1, 'a.jpg')",
        );
        other.pragma('user_version = 3');
        other.close();
      },
      'foreign',
      /tables are not Baton/,
    ],
    [
      "another program's SQLite file with its own application id",
      (file) => {
        const other = new Database(file);
        other.pragma('application_id = 1234');
        other.exec('create table users (id text)');
        other.close();
      },
      'foreign',
      /another program/,
    ],
    [
      'a store written by a newer Baton',
      async (file, dir) => {
        await batonStoreWith(dir, 'From the future');
        const raw = new Database(file);
        raw.pragma(`user_version = ${KNOWN + 2}`);
        raw.close();
      },
      'newer',
      /newer version of Baton/,
    ],
  ];

  for (const [label, make, kind, explains] of cases) {
    it(label, async () => {
      const { dir, file } = dataDir();
      await make(file, dir);
      const before = sha(file);
      const siblings = readdirSync(dir).sort();
      const launcher = await launch(dir);

      expect(launcher.core()).toBeNull();
      const status = value<StartupStatus>(await launcher.dispatch('startup:status', undefined));
      expect(status).toMatchObject({ state: 'attention', problem: { kind, file } });
      expect(`${status.problem!.title} ${status.problem!.explanation}`).toMatch(explains);
      expect(status.canStartFresh).toBe(kind === 'damaged' || kind === 'empty');
      // Nothing else answers until the person decided; the app's version still does.
      expect(await launcher.dispatch('sessions:list', {})).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE' },
      });
      expect(await launcher.dispatch('app:info', undefined)).toMatchObject({ ok: true });
      // Checking again changes nothing either.
      value(await launcher.dispatch('startup:recover', { action: 'check-again' }));
      await launcher.close();
      expect(sha(file)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(siblings);
    });
  }

  it('a foreign file is never moved: start fresh is refused; once it is gone, Check again opens Baton', async () => {
    const { dir, file } = dataDir();
    const other = new Database(file);
    other.exec('create table notes (body text)');
    other.close();
    const before = sha(file);
    const launcher = await launch(dir);
    expect(await launcher.dispatch('startup:recover', { action: 'start-fresh' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(sha(file)).toBe(before);
    // The person moves it away themselves.
    rmSync(file);
    expect(
      value<StartupStatus>(await launcher.dispatch('startup:recover', { action: 'check-again' })),
    ).toMatchObject({
      state: 'ready',
    });
    expect(launcher.core()).not.toBeNull();
  });
});

describe('restore or start fresh', () => {
  it('restores the newest good backup; the damaged file is kept aside as it was', async () => {
    const { dir, file } = dataDir();
    const clock = manualClock();
    await batonStoreWith(dir, 'In the backup');
    const store = openStore(file, MIGRATIONS_DIR);
    await takeBackup(store.sqlite, dir, 'daily', clock.advance(60_000));
    store.sqlite.prepare("update sessions set title = 'After the backup'").run();
    store.close();
    // A newer "backup" that is itself damaged is not offered.
    writeFileSync(join(backupDir(dir), 'baton-20991231-235959000-daily.db'), randomBytes(4096));
    // The store gets damaged: its first page overwritten.
    const bytes = readFileSync(file);
    randomBytes(100).copy(bytes, 0);
    writeFileSync(file, bytes);
    const damaged = sha(file);

    const launcher = await launch(dir);
    const status = value<StartupStatus>(await launcher.dispatch('startup:status', undefined));
    expect(status.problem?.kind).toBe('damaged');
    expect(status.backups.map((b) => b.reason)).toEqual(['daily']);
    expect(status.backups[0]).toMatchObject({ schemaVersion: KNOWN });
    expect(
      await launcher.dispatch('startup:recover', { action: 'restore', backup: '../baton.db' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const after = value<StartupStatus>(
      await launcher.dispatch('startup:recover', { action: 'restore', backup: status.backups[0]!.name }),
    );
    expect(after.state).toBe('ready');
    expect(await titles(launcher)).toEqual(['In the backup']);
    const aside = readdirSync(dir).filter((name) => name.startsWith(`${DATABASE_FILE}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(sha(join(dir, aside[0]!))).toBe(damaged);
    // The restored store is Baton's, stamped with its mark.
    await launcher.close();
    expect(inspectStoreFile(file, KNOWN)).toMatchObject({ kind: 'baton', stamped: true });
  });

  it('starts fresh with empty data, moving the empty file aside (an empty file is never a silent first run)', async () => {
    const { dir, file } = dataDir();
    writeFileSync(file, '');
    const launcher = await launch(dir);
    expect(value<StartupStatus>(await launcher.dispatch('startup:status', undefined)).problem?.kind).toBe(
      'empty',
    );
    const ready = launcher.whenReady();
    expect(
      value<StartupStatus>(await launcher.dispatch('startup:recover', { action: 'start-fresh' })).state,
    ).toBe('ready');
    await ready;
    expect(await launcher.dispatch('profile:current', undefined)).toEqual({ ok: true, value: null });
    expect(readdirSync(dir).some((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});

describe('backups', () => {
  it('takes an online backup daily, and keeps the last 7', async () => {
    const { dir } = dataDir();
    const clock = manualClock();
    const launcher = await launch(dir, { clock, backups: { firstCheckMs: 0, checkEveryMs: 5 } });
    value(await launcher.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' }));
    const until = async (predicate: () => boolean) => {
      for (let i = 0; i < 400 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
      expect(predicate()).toBe(true);
    };
    const count = () => listGoodBackups(dir, KNOWN).length;
    await until(() => count() === 1);
    // Nothing more within the day; one more once the day has passed.
    clock.advance(23 * 3_600_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(count()).toBe(1);
    for (let day = 0; day < 9; day++) {
      const before = listGoodBackups(dir, KNOWN)[0]!.takenAt;
      clock.advance(24 * 3_600_000);
      await until(() => listGoodBackups(dir, KNOWN)[0]!.takenAt > before);
    }
    expect(count()).toBe(BACKUPS_KEPT);
    const backups = listGoodBackups(dir, KNOWN);
    expect(backups.every((b) => b.reason === 'daily' && b.schemaVersion === KNOWN)).toBe(true);
    // Each is a whole, readable copy with the profile in it.
    const copy = new Database(join(backupDir(dir), backups[0]!.name), { readonly: true });
    expect(copy.prepare('select name from users').pluck().all()).toEqual(['Olive Owner']);
    expect(copy.pragma('application_id', { simple: true })).toBe(BATON_APPLICATION_ID);
    copy.close();
  });

  it('takes a backup before a migration changes the data', async () => {
    const { dir, file } = dataDir();
    // A store at the previous schema: the migrations known to the build before this one.
    const older = tempDir('baton-migrations-');
    cleanups.push(() => older.remove());
    cpSync(MIGRATIONS_DIR, older.path, { recursive: true });
    const journalFile = join(older.path, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, -1);
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = openStore(file, older.path);
    old.sqlite.prepare("insert into settings (key, value, updated_at) values ('k', '\"v\"', 0)").run();
    old.close();

    const launcher = await launch(dir);
    expect(launcher.core()).not.toBeNull();
    const [backup] = listGoodBackups(dir, KNOWN);
    expect(backup).toMatchObject({ reason: 'pre-migration', schemaVersion: KNOWN - 1 });
    const copy = new Database(join(backupDir(dir), backup!.name), { readonly: true });
    expect(copy.prepare("select value from settings where key = 'k'").pluck().get()).toBe('"v"');
    copy.close();
    // A fresh store has nothing to back up.
    const fresh = dataDir();
    await launch(fresh.dir);
    expect(listGoodBackups(fresh.dir, KNOWN)).toEqual([]);
  });
});
