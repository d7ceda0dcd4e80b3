// The SQLite schema (drizzle). Timestamps are epoch milliseconds (UTC) everywhere.
// Migrations are generated from this file into drizzle/ with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'engineer', 'technician'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    psaMemberIdentifier: text('psa_member_identifier'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    problemSummary: text('problem_summary'),
    problemDomain: text('problem_domain'),
    status: text('status', {
      enum: ['active', 'paused', 'requesting_escalation', 'escalated', 'resolved'],
    })
      .notNull()
      .default('active'),
    stateVersion: integer('state_version').notNull().default(0),
    messageCount: integer('message_count').notNull().default(0),
    createdById: text('created_by_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('sessions_created_by_idx').on(t.createdById),
    index('sessions_updated_idx').on(t.updatedAt, t.id),
    index('sessions_status_updated_idx').on(t.status, t.updatedAt, t.id),
  ],
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant', 'system'] }).notNull(),
    authorId: text('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Insertion order within a session; ties on createdAt are common. */
    seq: integer('seq').notNull(),
  },
  (t) => [
    uniqueIndex('messages_session_seq_unique').on(t.sessionId, t.seq),
    index('messages_author_idx').on(t.authorId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON-encoded, non-secret values only: secrets live in the OS keychain. */
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedById: text('updated_by_id').references(() => users.id),
});

// Integer ids below are plain rowids, not AUTOINCREMENT: that would rewrite sqlite_sequence (one more
// page) in every transaction that appends an audit entry or enqueues a job.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    actorId: text('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    details: text('details'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    service: text('service').notNull(),
    state: text('state', { enum: ['queued', 'running', 'done', 'dead'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextRunAt: integer('next_run_at').notNull(),
    lastError: text('last_error'),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_unique').on(t.idempotencyKey),
    // No index on session_id: done jobs are pruned, so a session delete scans a small table, while
    // every enqueue (inside a user's transaction) would pay for one more index page.
    index('jobs_due_idx').on(t.state, t.nextRunAt),
  ],
);
