// The big fixture: 100k sessions and 1M messages (plus 100k steps and 50k facts) in a database
// migrated by openStore (the real schema), filled with raw better-sqlite3 inserts in one transaction.
// Cached in os.tmpdir(), keyed by schema version, so only the first run pays for it.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { titleFrom } from '../../src-main/services/session-service';
import { knownSchemaVersion, openStore } from '../../src-main/store/database';
import { factContent, intBetween, messageBody, pick, seeded, stepContent, uuid } from './fixture-data';
import type { Rand } from './fixture-data';
import { migrationsHash } from './env';
import { msSince, nowNs } from './stats';

export const FIXTURE_SESSIONS = 100_000;
export const FIXTURE_MESSAGES = 1_000_000;
/** Bump when the generator changes, so stale cached fixtures are not reused. */
const GENERATOR_REV = 3;
const SEED = 0xba70;
const END = Date.UTC(2026, 0, 1);
const SPAN = 730 * 86_400_000;
const STATUSES = ['active', 'paused', 'requesting_escalation', 'escalated', 'resolved'] as const;

export interface Fixture {
  file: string;
  schemaVersion: number;
  /** How long generation took, or null when a cached file was reused. */
  generatedMs: number | null;
}

let memo: Fixture | undefined;

export function bigFixture(migrationsDir: string, log: (message: string) => void): Fixture {
  if (memo) return memo;
  const schemaVersion = knownSchemaVersion(migrationsDir);
  const name = `baton-bench-fixture-schema${schemaVersion}-${migrationsHash(migrationsDir)}-rev${GENERATOR_REV}-${FIXTURE_SESSIONS}s-${FIXTURE_MESSAGES}m.db`;
  const file = join(tmpdir(), name);
  if (existsSync(file)) return (memo = { file, schemaVersion, generatedMs: null });

  log(`fixture: generating ${FIXTURE_SESSIONS} sessions / ${FIXTURE_MESSAGES} messages → ${file}`);
  const partial = `${file}.partial-${process.pid}`;
  removeDb(partial);
  const start = nowNs();
  try {
    generate(partial, migrationsDir, log);
    renameSync(partial, file);
  } catch (err) {
    removeDb(partial);
    throw err;
  }
  const generatedMs = msSince(start);
  log(`fixture: ${(statSync(file).size / 1e6).toFixed(0)} MB in ${(generatedMs / 1000).toFixed(1)} s`);
  return (memo = { file, schemaVersion, generatedMs });
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * The rows go in before the search migration, whose backfill then builds the index in one pass, as on
 * an existing install that upgrades: about 40 s in all instead of 2 min of search triggers (~55 µs a
 * row). So fill() writes only columns that exist before that migration.
 */
const SEARCH_MIGRATION = '0002_session_search';

function generate(file: string, migrationsDir: string, log: (message: string) => void): void {
  const before = migrationsBefore(migrationsDir, SEARCH_MIGRATION);
  try {
    const store = openStore(file, before);
    const { sqlite } = store;
    try {
      // Bulk-load settings; the file goes back to WAL (as the app keeps it) before it is closed.
      sqlite.pragma('journal_mode = MEMORY');
      sqlite.pragma('synchronous = OFF');
      sqlite.pragma('cache_size = -262144');
      sqlite.transaction(() => fill(sqlite, seeded(SEED))).immediate();
      sqlite.pragma('journal_mode = WAL');
    } finally {
      store.close();
    }
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
  const start = nowNs();
  openStore(file, migrationsDir).close();
  log(`fixture: search migration (backfill of the index) in ${(msSince(start) / 1000).toFixed(1)} s`);
}

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(migrationsDir: string, tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-migrations-'));
  const journalFile = join(migrationsDir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  const entries = stop < 0 ? journal.entries : journal.entries.slice(0, stop);
  mkdirSync(join(dir, 'meta'));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrationsDir, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

/** A message body's own PRNG, so a session's title can be derived from its first message up front. */
const bodyOf = (j: number, first: boolean): string => {
  const rand = seeded(Math.imul(j + 1, 0x9e3779b1));
  return messageBody(rand, intBetween(rand, 100, 300), first);
};

function fill(sqlite: Database.Database, rand: Rand): void {
  const userId = uuid(rand);
  sqlite
    .prepare(
      `insert into "users" ("id", "name", "email", "role", "active", "created_at", "updated_at")
       values (?, 'Fixture Technician', 'fixture@example.com', 'technician', 1, ?, ?)`,
    )
    .run(userId, END - SPAN - 86_400_000, END - SPAN - 86_400_000);

  // Message counts come in pairs (10 + d, 10 - d): 1–19 per session, exactly 10 on average.
  const first = new Int32Array(FIXTURE_SESSIONS + 1);
  const msgSession = new Int32Array(FIXTURE_MESSAGES);
  const msgSeq = new Int32Array(FIXTURE_MESSAGES);
  const msgAt = new Float64Array(FIXTURE_MESSAGES);
  const created = new Float64Array(FIXTURE_SESSIONS);
  let d = 0;
  for (let i = 0, j = 0; i < FIXTURE_SESSIONS; i++) {
    d = i % 2 === 0 ? intBetween(rand, 0, 9) : -d;
    first[i] = j;
    created[i] = Math.floor(END - SPAN + ((i + rand()) * SPAN) / FIXTURE_SESSIONS);
    let t = created[i] as number;
    for (let seq = 1; seq <= 10 + d; seq++, j++) {
      t += intBetween(rand, 20_000, 3_600_000);
      msgSession[j] = i;
      msgSeq[j] = seq;
      msgAt[j] = t;
    }
    first[i + 1] = j;
  }

  const insertSession = sqlite.prepare(
    `insert into "sessions" ("id", "title", "problem_summary", "problem_domain", "status", "state_version",
       "message_count", "created_by_id", "created_at", "updated_at") values (?, ?, null, null, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAudit = sqlite.prepare(
    `insert into "audit_log" ("at", "actor_id", "action", "entity_type", "entity_id", "details")
     values (?, ?, 'session.create', 'session', ?, null)`,
  );
  const sessionIds: string[] = [];
  for (let i = 0; i < FIXTURE_SESSIONS; i++) {
    const id = uuid(rand);
    sessionIds.push(id);
    const count = (first[i + 1] as number) - (first[i] as number);
    const updated = msgAt[(first[i + 1] as number) - 1] as number;
    const stale = updated < END - 14 * 86_400_000;
    const status = stale ? (rand() < 0.9 ? 'resolved' : pick(rand, STATUSES)) : pick(rand, STATUSES);
    const title = titleFrom(bodyOf(first[i] as number, true));
    insertSession.run(id, title, status, count, count, userId, created[i], updated);
    insertAudit.run(created[i], userId, id);
  }

  // Messages go in in time order, interleaved across sessions as they would be written.
  const order = Uint32Array.from({ length: FIXTURE_MESSAGES }, (_, j) => j);
  order.sort((a, b) => (msgAt[a] as number) - (msgAt[b] as number));
  const insertMessage = sqlite.prepare(
    `insert into "messages" ("id", "session_id", "role", "author_id", "body", "created_at", "seq")
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const j of order) {
    const seq = msgSeq[j] as number;
    const user = seq % 2 === 1;
    const session = sessionIds[msgSession[j] as number];
    insertMessage.run(
      uuid(rand),
      session,
      user ? 'user' : 'assistant',
      user ? userId : null,
      bodyOf(j, seq === 1),
      msgAt[j],
      seq,
    );
  }

  // Two answered steps in every other session and a fact (machine, host name, serial) in the others,
  // each a minute after one of the session's messages; the search backfill numbers them by that time.
  const insertStep = sqlite.prepare(
    `insert into "steps" ("id", "session_id", "seq", "text", "options", "selected_option", "free_text",
       "source", "created_at", "updated_at") values (?, ?, ?, ?, ?, ?, ?, 'assistant', ?, ?)`,
  );
  const insertFact = sqlite.prepare(
    `insert into "facts" ("id", "session_id", "text", "source", "created_at", "updated_at")
     values (?, ?, ?, 'technician', ?, ?)`,
  );
  for (let i = 0; i < FIXTURE_SESSIONS; i++) {
    const lo = first[i] as number;
    const last = (first[i + 1] as number) - 1;
    const at = (k: number) => (msgAt[Math.min(lo + k, last)] as number) + 60_000;
    if (i % 2 === 1) {
      insertFact.run(uuid(rand), sessionIds[i], factContent(rand), at(0), at(0));
      continue;
    }
    for (const seq of [1, 2]) {
      const s = stepContent(rand);
      const t = at(2 * seq);
      insertStep.run(uuid(rand), sessionIds[i], seq, s.text, s.options, s.selectedOption, s.freeText, t, t);
    }
  }
}
