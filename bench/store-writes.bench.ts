// Write latency through the session service beside the raw better-sqlite3 statements it wraps:
// same SQL, same number of statements, same BEGIN IMMEDIATE transaction, same database, interleaved.
import { randomUUID } from 'node:crypto';
import { systemClock } from '../src-main/clock';
import { CoreEvents } from '../src-main/events';
import { createSessionService } from '../src-main/services/session-service';
import { viewsFor } from './lib/env';
import { messageBody, seeded } from './lib/fixture-data';
import { createActor, openTempStore } from './lib/env';
import type { TempStore } from './lib/env';
import { ratioRow, register } from './lib/registry';
import type { BenchContext, Row } from './lib/registry';
import { summarize, timePair } from './lib/stats';

const RATIO_TARGET = 3;
const LOOP = { warmup: 500, iterations: 4_000, every: 500 };

// The SQL drizzle generates for insertSession / appendAudit / bumpForNewMessage / insertMessage.
const SESSION_COLUMNS = `"id", "title", "problem_summary", "problem_domain", "status", "state_version", "message_count", "confidence_tier", "escalation_requested", "escalation_requested_reason", "escalation_requested_at", "created_by_id", "created_at", "updated_at"`;
const INSERT_SESSION = `insert into "sessions" (${SESSION_COLUMNS}) values (?, ?, null, null, ?, ?, ?, null, false, null, null, ?, ?, ?) returning ${SESSION_COLUMNS}`;
const INSERT_AUDIT = `insert into "audit_log" ("id", "at", "actor_id", "action", "entity_type", "entity_id", "details") values (null, ?, ?, ?, ?, ?, ?)`;
const BUMP_SESSION = `update "sessions" set "state_version" = "sessions"."state_version" + 1, "message_count" = "sessions"."message_count" + 1, "updated_at" = ? where "sessions"."id" = ? returning ${SESSION_COLUMNS}`;
const MESSAGE_COLUMNS = `"id", "session_id", "role", "author_id", "body", "created_at", "seq", "status", "reply_to_id", "model"`;
const INSERT_MESSAGE = `insert into "messages" (${MESSAGE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${MESSAGE_COLUMNS}`;

/** What the app's background checkpointer does (startCheckpointer), kept out of every sample. */
const checkpoint = (store: TempStore) => () => {
  store.sqlite.pragma('wal_checkpoint(PASSIVE)');
};

function ratioRows(name: string, wrapped: Float64Array, raw: Float64Array): Row[] {
  const w = summarize(wrapped);
  const r = summarize(raw);
  return [
    ratioRow(`${name} p50 (service ÷ raw)`, w.p50, r.p50, RATIO_TARGET),
    ratioRow(`${name} p95 (service ÷ raw)`, w.p95, r.p95, RATIO_TARGET),
  ];
}

function expectCount(store: TempStore, table: string, expected: number): void {
  const { n } = store.sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
  if (n !== expected) throw new Error(`bench bug: ${table} has ${n} rows, expected ${expected}`);
}

register('store.create-session', (ctx: BenchContext) => {
  const store = openTempStore('create');
  try {
    const actor = createActor(store);
    const service = createSessionService(store.db, systemClock, new CoreEvents(), viewsFor(store));
    const insertSession = store.sqlite.prepare(INSERT_SESSION);
    const insertAudit = store.sqlite.prepare(INSERT_AUDIT);
    const raw = store.sqlite.transaction((id: string, now: number) => {
      const row = insertSession.get(id, 'New session', 'active', 0, 0, actor.id, now, now);
      insertAudit.run(now, actor.id, 'session.create', 'session', id, null);
      return row;
    });
    ctx.log('create-session: service vs raw');
    const { a, b } = timePair(
      () => service.create(actor, {}),
      () => raw.immediate(randomUUID(), Date.now()),
      { ...LOOP, upkeep: checkpoint(store) },
    );
    const created = 2 * (LOOP.warmup + LOOP.iterations);
    expectCount(store, 'sessions', created);
    expectCount(store, 'audit_log', created + 1);
    return ratioRows('create-session', a, b);
  } finally {
    store.dispose();
  }
});

register('store.append-message', (ctx: BenchContext) => {
  const store = openTempStore('append');
  try {
    const actor = createActor(store);
    const service = createSessionService(store.db, systemClock, new CoreEvents(), viewsFor(store));
    // Titled sessions, so the service's first-message retitle (an extra UPDATE) never runs.
    const sessionIds = Array.from(
      { length: 32 },
      (_, i) => service.create(actor, { title: `Bench ${i}` }).id,
    );
    const rand = seeded(7);
    const bodies = Array.from({ length: 256 }, () =>
      messageBody(rand, 100 + Math.floor(rand() * 201), false),
    );
    const bump = store.sqlite.prepare(BUMP_SESSION);
    const insertMessage = store.sqlite.prepare(INSERT_MESSAGE);
    const raw = store.sqlite.transaction((sessionId: string, body: string, now: number) => {
      const session = bump.get(now, sessionId) as { message_count: number } | undefined;
      if (!session) throw new Error(`Session ${sessionId} not found`);
      return insertMessage.get(
        randomUUID(),
        sessionId,
        'user',
        actor.id,
        body,
        now,
        session.message_count,
        'complete',
        null,
        null,
      );
    });
    const sessionOf = (i: number) => sessionIds[i % sessionIds.length] as string;
    const bodyOf = (i: number) => bodies[i % bodies.length] as string;
    ctx.log('append-message: service vs raw');
    const { a, b } = timePair(
      (i) => service.addMessage(actor, sessionOf(i), bodyOf(i)),
      (i) => raw.immediate(sessionOf(i), bodyOf(i), Date.now()),
      { ...LOOP, upkeep: checkpoint(store) },
    );
    expectCount(store, 'messages', 2 * (LOOP.warmup + LOOP.iterations));
    return ratioRows('append-message', a, b);
  } finally {
    store.dispose();
  }
});
