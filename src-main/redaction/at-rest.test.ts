// Secrets never rest in plain text (issue 14): what a technician pastes is stored with placeholders, the
// withheld values sealed under a keychain key and shown again only to whoever pasted them; the database
// file, its WAL and its search index hold none of them. A store written by an older Baton is rewritten.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, RevealedMessage, SessionDetail, User } from '../../src-preload/contract';
import { DATABASE_FILE } from '../core';
import { openStore } from '../store/database';
import { WITHHELD_MIGRATION } from '../store/at-rest-migration';
import { callers } from '../test-support/callers';
import { scanForSecrets } from '../test-support/secret-scan';
import { MIGRATIONS_DIR, tempCore, tempDir } from '../test-support/temp-core';
import { createKeychainVault } from '../vault/secret-vault';
import { SECRET_SAMPLES } from './corpus';
import { WITHHELD_KEY } from './at-rest';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const S1 = '6f1d3c2b-9a8e-4f70-8b6a-5c4d3e2f1a0b';
const ALL_SECRETS = SECRET_SAMPLES.flatMap((s) => s.secrets.map((x) => x.value));
const vault = createKeychainVault(`baton-test-${process.pid}`);

async function team(dataDir?: string) {
  const core = tempCore(dataDir ? { dataDir } : {});
  cleanups.push(() => core.dispose());
  const { call, ok } = callers(core);
  const tech =
    (await ok<User | null>('profile:current')) ??
    (await ok<User>('profile:create', {
      name: 'Terry Tech',
      email: 'terry@msp.example',
      role: 'owner',
    }));
  return { core, call, ok, tech };
}

describe('pasting the corpus', () => {
  it('stores placeholders everywhere a technician types; the file, its WAL and the index hold no secret', async () => {
    const { core, call, ok, tech } = await team();
    const session = await ok<SessionDetail>('sessions:create', {});
    const views: Message[] = [];
    for (const sample of SECRET_SAMPLES)
      views.push(await ok<Message>('messages:add', { sessionId: session.id, body: sample.text }));

    // Every other field a technician types.
    const short = SECRET_SAMPLES.filter((s) => s.text.length <= 280);
    for (const sample of short.slice(0, 20)) {
      await ok('facts:add', { sessionId: session.id, text: sample.text });
      await ok('steps:add', {
        sessionId: session.id,
        text: sample.text,
        options: ['Done', sample.text.slice(0, 190)],
      });
      await ok('hypotheses:add', { sessionId: session.id, label: sample.text });
    }
    const titled = await ok<SessionDetail>('sessions:create', { title: short[0]!.text.slice(0, 200) });
    await ok('messages:add', { sessionId: titled.id, body: 'ok' });
    const fresh = await ok<SessionDetail>('sessions:create', {});
    await ok('messages:add', { sessionId: fresh.id, body: short[1]!.text }); // the title comes from it
    await ok('handoffs:create', {
      sessionId: session.id,
      intent: 'park',
      reason: short[2]!.text.slice(0, 450),
      priority: 'high',
      notes: short
        .slice(3, 12)
        .map((s) => s.text)
        .join('\n'),
    });
    await ok('handoffs:resume', { id: session.id });
    await ok('notes:post', {
      sessionId: fresh.id,
      kind: 'resolve',
      markdown: `## Problem\n${short
        .slice(12, 16)
        .map((s) => s.text)
        .join('\n')}\n## Resolution\nDone`,
    });

    // The technician sees placeholders and what was withheld (never the value).
    for (const [i, view] of views.entries()) {
      const sample = SECRET_SAMPLES[i]!;
      expect(view.withheld, sample.name).toHaveLength(sample.secrets.length);
      for (const secret of sample.secrets) expect(view.body).not.toContain(secret.value);
      for (const w of view.withheld) expect(ALL_SECRETS).not.toContain(w.preview);
    }

    await new Promise((resolve) => setImmediate(resolve)); // the post's announcement runs first
    const file = join(core.dataDir, DATABASE_FILE);
    const whileOpen = scanForSecrets(file, ALL_SECRETS);
    expect(whileOpen).toEqual({ inFiles: [], inIndex: [] });
    await core.close();
    expect(scanForSecrets(file, ALL_SECRETS)).toEqual({ inFiles: [], inIndex: [] });
    expect(call).toBeDefined();
    expect(tech.id).toBeTruthy();
  });

  it('"Show withheld" gives the message back as typed to whoever pasted it, and to nobody else', async () => {
    const { core, call, ok, tech } = await team();
    const sample = SECRET_SAMPLES.find((s) => s.name === 'net user … /add')!;
    const session = await ok<SessionDetail>('sessions:create', {});
    const message = await ok<Message>('messages:add', { sessionId: session.id, body: sample.text });
    expect(message.body).toContain('[REDACTED:password]');
    expect(message.withheld).toEqual([
      { kind: 'password', label: 'Password (net user)', preview: 'W1… (11 chars)' },
    ]);

    const revealed = await ok<RevealedMessage>('messages:reveal', { messageId: message.id });
    expect(revealed.body).toBe(sample.text);
    const audit = core.sqlite
      .prepare(`select actor_id from audit_log where action = 'message.reveal-withheld'`)
      .pluck()
      .all();
    expect(audit).toEqual([tech.id]);

    const senior = await ok<User>('profile:add', {
      name: 'Sam Senior',
      email: 'sam@msp.example',
      role: 'engineer',
    });
    await ok('profile:switch', { id: senior.id });
    const refused = await call('messages:reveal', { messageId: message.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The senior reads the same placeholders and the same review.
    const seen = await ok<SessionDetail>('sessions:get', { id: session.id });
    expect(seen.messages[0]).toMatchObject({ body: message.body, withheld: message.withheld });
  });

  it('search finds the words around a secret, never the secret', async () => {
    const { ok } = await team();
    const session = await ok<SessionDetail>('sessions:create', {});
    await ok('messages:add', {
      sessionId: session.id,
      body: 'Kiosk autologon broke; DefaultPassword was K1oskAuto2026x in the Winlogon key',
    });
    const hits = (query: string) => ok<unknown[]>('sessions:search', { query });
    expect(await hits('winlogon')).toHaveLength(1);
    expect(await hits('K1oskAuto2026x')).toHaveLength(0);
  });
});

describe('a store written before this build (migrate, seed, migrate)', () => {
  /** A copy of drizzle/ that stops after the first `count` migrations. */
  function migrationsUpTo(count: number): string {
    const dir = join(tempDirFor(), 'drizzle');
    mkdirSync(join(dir, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const entries = journal.entries.slice(0, count);
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
    return dir;
  }
  function tempDirFor(): string {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    return dir.path;
  }

  it('seals what older rows hold, rebuilds the index, leaves no copy in the file; a second start changes nothing', async () => {
    const dataDir = tempDirFor();
    const file = join(dataDir, DATABASE_FILE);
    // 1. A store as the previous build left it (migrations up to 0010), with secrets in plain text.
    const old = openStore(file, migrationsUpTo(11));
    const sql = old.sqlite;
    const now = Date.UTC(2026, 10, 28);
    sql
      .prepare(
        `insert into users (id, name, email, role, created_at, updated_at) values ('u1', 'Terry', 't@x', 'technician', ?, ?)`,
      )
      .run(now, now);
    sql
      .prepare(`insert into settings (key, value, updated_at) values ('local.currentProfileId', '"u1"', ?)`)
      .run(now);
    sql
      .prepare(
        `insert into sessions (id, title, created_by_id, created_at, updated_at, message_count) values (?, ?, 'u1', ?, ?, ?)`,
      )
      .run(S1, 'password is Winter2026!x', now, now, SECRET_SAMPLES.length);
    const insertMessage = sql.prepare(
      `insert into messages (id, session_id, role, author_id, body, created_at, seq) values (?, '${S1}', 'user', 'u1', ?, ?, ?)`,
    );
    SECRET_SAMPLES.forEach((s, i) =>
      insertMessage.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, s.text, now, i + 1),
    );
    SECRET_SAMPLES.slice(0, 10).forEach((s, i) =>
      sql
        .prepare(
          `insert into facts (id, session_id, text, source, created_at, updated_at) values (?, '${S1}', ?, 'technician', ?, ?)`,
        )
        .run(`f${i}`, s.text, now, now),
    );
    const legacySecrets = [...ALL_SECRETS, 'Winter2026!x'];
    expect(scanForSecrets(file, legacySecrets).inFiles.length).toBeGreaterThan(0);
    old.close();

    // 2. This build opens it: SQL migrations, then the data migration once the keychain answers.
    const { core, ok } = await team(dataDir);
    await core.storeReady();
    const detail = await ok<SessionDetail>('sessions:get', { id: S1 });
    expect(detail.title).toBe('password is [REDACTED:password]');
    const message = detail.messages[0]!;
    expect(message.withheld.length).toBe(SECRET_SAMPLES[0]!.secrets.length);
    expect((await ok<RevealedMessage>('messages:reveal', { messageId: message.id })).body).toBe(
      SECRET_SAMPLES[0]!.text,
    );
    expect(scanForSecrets(file, legacySecrets)).toEqual({ inFiles: [], inIndex: [] });
    const record = core.sqlite
      .prepare('select details from data_migrations where name = ?')
      .pluck()
      .get(WITHHELD_MIGRATION);
    expect(JSON.parse(record as string)).toMatchObject({ messages: SECRET_SAMPLES.length });
    expect(await ok<unknown[]>('sessions:search', { query: 'winter2026' })).toHaveLength(0);
    core.sqlite.prepare(`insert into session_search (session_search) values ('integrity-check')`).run();
    await core.close();

    // 3. The next start finds it done: nothing is rewritten, and the sealed values still open.
    const before = readFileSync(file);
    const again = await team(dataDir);
    await again.core.storeReady();
    const seen = await again.ok<SessionDetail>('sessions:get', { id: S1 });
    expect(seen.messages.map((m) => m.body)).toEqual(detail.messages.map((m) => m.body));
    expect(again.core.sqlite.prepare('select count(*) from data_migrations').pluck().get()).toBe(1);
    await again.core.close();
    expect(
      new Database(file, { readonly: true }).prepare('select count(*) from withheld_secrets').pluck().get(),
    ).toBe(SECRET_SAMPLES.length);
    expect(before.length).toBeGreaterThan(0);
  });
});

describe('the sealing key', () => {
  it('lives in the OS keychain, and a message with a secret is refused (not stored in clear) when it is missing', async () => {
    const { core, call, ok } = await team();
    await core.storeReady();
    const stored = await vault.get(WITHHELD_KEY.service, WITHHELD_KEY.account);
    expect(Buffer.from(stored!, 'base64')).toHaveLength(32);
    const session = await ok<SessionDetail>('sessions:create', {});
    // A core whose vault cannot answer: plain text is never the fallback.
    const broken = tempCore({
      vault: {
        get: () => Promise.reject(new Error('locked')),
        set: () => Promise.reject(new Error('locked')),
        delete: () => Promise.reject(new Error('locked')),
        list: () => Promise.reject(new Error('locked')),
      },
    });
    cleanups.push(() => broken.dispose());
    const b = callers(broken);
    await b.ok('profile:create', { name: 'Terry Tech', email: 'terry@msp.example', role: 'owner' });
    const s = await b.ok<SessionDetail>('sessions:create', {});
    expect(await b.ok<Message>('messages:add', { sessionId: s.id, body: 'no secrets here' })).toMatchObject({
      withheld: [],
    });
    const refused = await b.call('messages:add', { sessionId: s.id, body: 'pw=Tr0ub4dor&3' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(broken.sqlite.prepare('select count(*) from messages').pluck().get()).toBe(1);
    expect(await call('messages:add', { sessionId: session.id, body: 'pw=Tr0ub4dor&3' })).toMatchObject({
      ok: true,
    });
  });
});
