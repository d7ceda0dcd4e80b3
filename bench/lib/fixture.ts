// The big fixture: 100k sessions and 1M messages in a database migrated by openStore (the real
// schema), filled with raw better-sqlite3 inserts in one transaction. Cached in os.tmpdir(), keyed
// by schema version, so only the first run pays for it.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { titleFrom } from '../../src-main/services/session-service';
import { knownSchemaVersion, openStore } from '../../src-main/store/database';
import { intBetween, messageBody, pick, seeded, uuid } from './fixture-data';
import type { Rand } from './fixture-data';
import { msSince, nowNs } from './stats';

export const FIXTURE_SESSIONS = 100_000;
export const FIXTURE_MESSAGES = 1_000_000;
/** Bump when the generator changes, so stale cached fixtures are not reused. */
const GENERATOR_REV = 2;
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
  const name = `baton-bench-fixture-schema${schemaVersion}-rev${GENERATOR_REV}-${FIXTURE_SESSIONS}s-${FIXTURE_MESSAGES}m.db`;
  const file = join(tmpdir(), name);
  if (existsSync(file)) return (memo = { file, schemaVersion, generatedMs: null });

  log(`fixture: generating ${FIXTURE_SESSIONS} sessions / ${FIXTURE_MESSAGES} messages → ${file}`);
  const partial = `${file}.partial-${process.pid}`;
  removeDb(partial);
  const start = nowNs();
  try {
    generate(partial, migrationsDir);
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

function generate(file: string, migrationsDir: string): void {
  const store = openStore(file, migrationsDir);
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
}
