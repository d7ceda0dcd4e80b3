import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, tempDir } from '../../test-support/temp-core';
import type { OpenedStore } from '../database';
import { openStore } from '../database';
import { searchSessions } from './search';

const dirs: { remove(): void }[] = [];
const stores: OpenedStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => d.remove());
});

function newDir(): string {
  const dir = tempDir('baton-search-');
  dirs.push(dir);
  return dir.path;
}

function open(file: string, migrationsDir = MIGRATIONS_DIR): OpenedStore {
  const store = openStore(file, migrationsDir);
  stores.push(store);
  return store;
}

/** Raw SQL writers, valid from migration 0001 on: the triggers see what any writer would write. */
function writer(sqlite: Database.Database) {
  let clock = Date.UTC(2026, 10, 1);
  let seq = 0;
  return {
    session(id: string, title: string, more: { status?: string; summary?: string; updatedAt?: number } = {}) {
      clock += 1000;
      sqlite
        .prepare(
          `insert into sessions (id, title, problem_summary, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, title, more.summary ?? null, more.status ?? 'active', clock, more.updatedAt ?? clock);
    },
    message(id: string, sessionId: string, body: string) {
      clock += 1000;
      sqlite
        .prepare(
          `insert into messages (id, session_id, role, body, created_at, seq) values (?, ?, 'user', ?, ?, ?)`,
        )
        .run(id, sessionId, body, clock, ++seq);
    },
    step(
      id: string,
      sessionId: string,
      text: string,
      selected: string | null = null,
      free: string | null = null,
    ) {
      clock += 1000;
      sqlite
        .prepare(
          `insert into steps (id, session_id, seq, text, selected_option, free_text, source, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, 'assistant', ?, ?)`,
        )
        .run(id, sessionId, ++seq, text, selected, free, clock, clock);
    },
    fact(id: string, sessionId: string, text: string) {
      clock += 1000;
      sqlite
        .prepare(
          `insert into facts (id, session_id, text, source, created_at, updated_at) values (?, ?, ?, 'technician', ?, ?)`,
        )
        .run(id, sessionId, text, clock, clock);
    },
  };
}

function freshStore() {
  const store = open(join(newDir(), 'baton.db'));
  const search = (query: string, more: { status?: 'active' | 'resolved'; limit?: number } = {}) =>
    searchSessions(store.db, { query, ...more });
  const ids = (query: string, more: { status?: 'active' | 'resolved'; limit?: number } = {}) =>
    search(query, more).map((h) => h.session.id);
  return { store, write: writer(store.sqlite), search, ids };
}

describe('searchSessions', () => {
  it('finds sessions by title, problem summary, message, step (text, option, free text) and fact', () => {
    const { write, ids } = freshStore();
    write.session('s-title', 'Outlook keeps asking for the password');
    write.session('s-summary', 'New session', { summary: 'Mailbox over its quota' });
    write.session('s-message', 'Printer offline');
    write.message('m1', 's-message', 'The spooler crashed twice this morning');
    write.session('s-step', 'VPN');
    write.step('st1', 's-step', 'Is the tunnel up?', 'Disconnected', 'Gateway certificate expired');
    write.session('s-fact', 'Laptop slow');
    write.fact('f1', 's-fact', 'Dell Latitude serial 5CG2148KLM');

    expect(ids('password')).toEqual(['s-title']);
    expect(ids('quota')).toEqual(['s-summary']);
    expect(ids('spooler crashed')).toEqual(['s-message']);
    expect(ids('tunnel')).toEqual(['s-step']);
    expect(ids('disconnected')).toEqual(['s-step']);
    expect(ids('certificate expired')).toEqual(['s-step']);
    expect(ids('5CG2148KLM')).toEqual(['s-fact']);
    expect(ids('spooler tunnel')).toEqual([]); // every word must match, in one document
  });

  it('returns the session summary and a plain-text snippet with the matches in «»', () => {
    const { write, search } = freshStore();
    write.session('s1', 'Mail problem');
    write.message(
      'm1',
      's1',
      'After the migration last week the user says <b>Outlook</b> shows a password prompt after every restart of the laptop, even with «remember me» ticked.',
    );
    const [hit] = search('password prompt');
    expect(hit?.session).toMatchObject({
      id: 's1',
      title: 'Mail problem',
      status: 'active',
      messageCount: 0,
    });
    expect(hit?.snippet).toContain('«password» «prompt»');
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(hit?.snippet.endsWith('…')).toBe(true);
    // Our markup is «» only; guillemets already in the text are turned into ‹› so they cannot be confused.
    expect(hit?.snippet).not.toMatch(/<mark>|<\/?em>/);
    expect(search('remember')[0]?.snippet).toContain('‹«remember» me›');
    write.message('m2', 's1', `${'='.repeat(500)} needle ${'-'.repeat(500)}`);
    expect(search('needle')[0]?.snippet).toMatch(/^…=+ «needle» -+…$/);
    expect(search('needle')[0]?.snippet.length).toBeLessThan(200);
  });

  it('matches the last word as a prefix while typing, and any word without its accents', () => {
    const { write, ids, search } = freshStore();
    write.session('s1', 'Outlook crashes on start');
    write.session('s2', 'Résumé template missing from Word');
    write.session('s3', 'Out of disk space');
    expect(ids('outl')).toEqual(['s1']);
    expect(ids('ou')).toEqual(expect.arrayContaining(['s1', 's3']));
    expect(ids('outl.')).toEqual([]); // the word is finished: no longer a prefix
    expect(ids('resume')).toEqual(['s2']);
    expect(ids('RÉSUMÉ')).toEqual(['s2']);
    expect(ids('re\u0301sume\u0301 templ')).toEqual(['s2']);
    expect(search('resume')[0]?.snippet).toBe('«Résumé» template missing from Word');
  });

  it('finds a long prefix whose 3-letter stem is dominated by other words', () => {
    const { store, write, ids } = freshStore();
    write.session('old', 'Printer jams on tray 2');
    store.sqlite.transaction(() => {
      for (let i = 0; i < 700; i++) {
        write.session(`p${i}`, `Cannot print page ${i}`);
      }
    })();
    expect(ids('printer')).toEqual(['old']);
    expect(ids('printe')).toEqual(['old']);
    expect(ids('print', { limit: 5 })).toHaveLength(5);
  });

  it('filters by status', () => {
    const { write, ids } = freshStore();
    write.session('a', 'VPN drops', { status: 'active' });
    write.session('r', 'VPN drops again', { status: 'resolved' });
    expect(ids('vpn', { status: 'active' })).toEqual(['a']);
    expect(ids('vpn', { status: 'resolved' })).toEqual(['r']);
    expect(ids('vpn').sort()).toEqual(['a', 'r']);
  });

  it('gives one hit per session, title matches first, ties to the most recently updated', () => {
    const { write, ids, search } = freshStore();
    write.session('chat', 'Slow laptop', { updatedAt: 5 });
    for (let i = 0; i < 5; i++) write.message(`m${i}`, 'chat', `Teams froze again, attempt ${i}`);
    write.session('titled', 'Teams froze during the call', { updatedAt: 1 });
    write.session('older', 'Laptop fan', { updatedAt: 2 });
    write.message('m-old', 'older', 'Teams froze again, attempt 0');
    expect(ids('teams froze')).toEqual(['titled', 'chat', 'older']);
    expect(search('teams froze', { limit: 2 })).toHaveLength(2);
  });

  it('never throws on odd input, and input with no words finds nothing', () => {
    const { write, search } = freshStore();
    write.session('s1', 'AND OR NOT near the printer: "quotes" (parens) *stars* 日本語 ok');
    const odd = [
      '(',
      '"',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'NEAR(a b)',
      '*',
      '^',
      ':',
      '-',
      '{text}:x',
      '""',
      "'",
      'a"b',
      'x OR y',
      'col:val',
      '😀',
      '👩‍💻 printer',
      '\u0301',
      '\0',
      'ß',
      'İ',
      'ǅ',
      '٣',
      'a'.repeat(5000),
      '   ',
    ];
    for (const query of odd) expect(() => search(query)).not.toThrow();
    expect(search('(')).toEqual([]);
    expect(search('😀')).toEqual([]);
    expect(search('"*^:')).toEqual([]);
    expect(search('near').map((h) => h.session.id)).toEqual(['s1']);
    expect(search('"printer"').map((h) => h.session.id)).toEqual(['s1']);
    expect(search('日本').map((h) => h.session.id)).toEqual(['s1']);
    expect(search('AND printer').map((h) => h.session.id)).toEqual(['s1']);
  });

  it('follows inserts, updates and deletes', () => {
    const { store, write, ids } = freshStore();
    write.session('s1', 'Mailbox');
    write.message('m1', 's1', 'The scanner emails never arrive');
    write.step('st1', 's1', 'Check the relay', null, null);
    expect(ids('scanner')).toEqual(['s1']);

    store.sqlite.prepare(`update messages set body = 'The copier emails never arrive' where id = 'm1'`).run();
    expect(ids('scanner')).toEqual([]);
    expect(ids('copier')).toEqual(['s1']);
    store.sqlite.prepare(`update steps set selected_option = 'Relay rejects' where id = 'st1'`).run();
    expect(ids('rejects')).toEqual(['s1']);
    store.sqlite.prepare(`update sessions set title = 'Shared mailbox' where id = 's1'`).run();
    expect(ids('shared')).toEqual(['s1']);

    store.sqlite.prepare(`delete from messages where id = 'm1'`).run();
    expect(ids('copier')).toEqual([]);
    expect(ids('relay')).toEqual(['s1']);
    store.sqlite.prepare(`delete from sessions where id = 's1'`).run();
    expect(ids('relay')).toEqual([]);
    expect(store.sqlite.prepare('select count(*) from session_search_docs').pluck().get()).toBe(0);
  });
});

describe('the session_search migration', () => {
  /** A copy of drizzle/ that stops after the first `count` migrations. */
  function migrationsUpTo(count: number): string {
    const dir = join(newDir(), 'drizzle');
    mkdirSync(join(dir, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const entries = journal.entries.slice(0, count);
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
    return dir;
  }

  it('indexes the rows already there, then keeps the index in step with later writes', () => {
    const file = join(newDir(), 'baton.db');
    const before = open(file, migrationsUpTo(2));
    expect(
      before.sqlite.prepare(`select count(*) from sqlite_master where name = 'session_search'`).pluck().get(),
    ).toBe(0);
    const old = writer(before.sqlite);
    old.session('s1', 'Outlook prompts for the password', { summary: 'Since the tenant move' });
    old.message('m1', 's1', 'It started after the résumé upload');
    old.step('st1', 's1', 'Is modern auth on?', 'Disabled', 'Legacy tenant setting');
    old.fact('f1', 's1', 'Surface Laptop 5 serial 5CG9XK2L1Q');
    old.session('s2', 'Printer offline', { status: 'resolved' });
    old.message('m2', 's2', 'Spooler restarted, printing again');
    before.close();
    stores.splice(stores.indexOf(before), 1);

    const after = open(file);
    const ids = (query: string) => searchSessions(after.db, { query }).map((h) => h.session.id);
    for (const q of ['password', 'tenant move', 'resume', 'modern auth', 'disabled', 'legacy', '5cg9xk2l1q'])
      expect(ids(q)).toEqual(['s1']);
    expect(ids('spooler restarted')).toEqual(['s2']);
    expect(searchSessions(after.db, { query: 'printer', status: 'resolved' })).toHaveLength(1);

    const sql = after.sqlite;
    sql.prepare(`update messages set body = 'Spooler restarted twice' where id = 'm2'`).run();
    expect(ids('printing')).toEqual([]);
    expect(ids('twice')).toEqual(['s2']);
    sql.prepare(`update facts set text = 'Dell Latitude 5440' where id = 'f1'`).run();
    expect(ids('5cg9xk2l1q')).toEqual([]);
    expect(ids('latitude')).toEqual(['s1']);
    sql.prepare(`delete from steps where id = 'st1'`).run();
    expect(ids('legacy')).toEqual([]);
    writer(sql).message('m3', 's2', 'Toner low as well');
    expect(ids('toner')).toEqual(['s2']);
    sql.prepare(`delete from sessions where id = 's2'`).run();
    expect(ids('toner')).toEqual([]);
    expect(sql.prepare('select count(*) from session_search_docs').pluck().get()).toBe(3); // s1, m1, f1
    sql.prepare(`insert into session_search (session_search) values ('integrity-check')`).run();
  });
});
