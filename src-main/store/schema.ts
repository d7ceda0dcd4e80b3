// The SQLite schema (drizzle). Timestamps are epoch milliseconds (UTC) everywhere.
// Migrations are generated from this file into drizzle/ with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'engineer', 'technician'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    psaMemberIdentifier: text('psa_member_identifier'),
    /** The member was set by hand in Settings (kept even when the emails differ); else matched by email. */
    psaMemberManual: integer('psa_member_manual', { mode: 'boolean' }).notNull().default(false),
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
    confidenceTier: text('confidence_tier', { enum: ['low', 'medium', 'high'] }),
    /** Set by the assistant's marker or a technician asking for a senior (DESIGN §3). */
    escalationRequested: integer('escalation_requested', { mode: 'boolean' }).notNull().default(false),
    escalationRequestedReason: text('escalation_requested_reason'),
    escalationRequestedAt: integer('escalation_requested_at'),
    escalationReason: text('escalation_reason'),
    escalatedToId: text('escalated_to_id'),
    handoffCount: integer('handoff_count').notNull().default(0),
    escalationPackageMarkdown: text('escalation_package_markdown'),
    /** The ConnectWise ticket this session works on (notes and status changes go there). */
    psaTicketId: integer('psa_ticket_id'),
    resolutionNoteMarkdown: text('resolution_note_markdown'),
    resolutionSummary: text('resolution_summary'),
    resolvedAt: integer('resolved_at'),
    createdById: text('created_by_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('sessions_created_by_idx').on(t.createdById),
    index('sessions_updated_idx').on(t.updatedAt, t.id),
    index('sessions_status_updated_idx').on(t.status, t.updatedAt, t.id),
    // Insights (issue 18): sessions started / resolved in a date range, and the domain filter's choices.
    index('sessions_created_idx').on(t.createdAt),
    index('sessions_resolved_idx').on(t.resolvedAt),
    index('sessions_domain_idx').on(t.problemDomain),
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
    /** Assistant replies: streaming while tokens arrive, incomplete when the stream was cut. */
    status: text('status', { enum: ['complete', 'streaming', 'incomplete'] })
      .notNull()
      .default('complete'),
    /** An assistant reply points at the technician message it answers (one reply per message). */
    replyToId: text('reply_to_id'),
    model: text('model'),
  },
  (t) => [
    uniqueIndex('messages_reply_to_unique').on(t.replyToId),
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

export const steps = sqliteTable(
  'steps',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    /** JSON array of the answers the step offers ("Running", "Stopped", …). */
    options: text('options').notNull().default('[]'),
    selectedOption: text('selected_option'),
    freeText: text('free_text'),
    skipped: integer('skipped', { mode: 'boolean' }).notNull().default(false),
    hypothesisId: text('hypothesis_id').references(() => hypotheses.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['assistant', 'technician'] }).notNull(),
    sourceMessageId: text('source_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('steps_session_idx').on(t.sessionId, t.seq)],
);

export const facts = sqliteTable(
  'facts',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    source: text('source', { enum: ['assistant', 'technician'] }).notNull(),
    sourceMessageId: text('source_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('facts_session_idx').on(t.sessionId, t.createdAt)],
);

/** Hypothesis branches: a tree per session, each with a status and the reason for it. */
export const hypotheses = sqliteTable(
  'hypotheses',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    seq: integer('seq').notNull(),
    label: text('label').notNull(),
    status: text('status', { enum: ['untried', 'active', 'dead_end', 'solved'] })
      .notNull()
      .default('untried'),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('hypotheses_session_idx').on(t.sessionId, t.seq)],
);

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    intent: text('intent', { enum: ['park', 'escalate'] }).notNull(),
    handedOffById: text('handed_off_by_id')
      .notNull()
      .references(() => users.id),
    targetUserId: text('target_user_id').references(() => users.id),
    priority: text('priority', { enum: ['low', 'medium', 'high', 'urgent'] }).notNull(),
    reason: text('reason').notNull(),
    engineerNotes: text('engineer_notes'),
    /** JSON HandoffSnapshot, frozen at the moment of the handoff. */
    snapshot: text('snapshot').notNull(),
    assessmentState: text('assessment_state', { enum: ['computing', 'ready', 'unavailable'] })
      .notNull()
      .default('computing'),
    aiAssessment: text('ai_assessment'),
    /** JSON HandoffAssessment. */
    aiAssessmentData: text('ai_assessment_data'),
    assessmentOffline: integer('assessment_offline', { mode: 'boolean' }).notNull().default(false),
    claimedById: text('claimed_by_id').references(() => users.id),
    claimedAt: integer('claimed_at'),
    psaNoteId: text('psa_note_id'),
    createdAt: integer('created_at').notNull(),
    /** When the "still unclaimed" reminder went out: once per handoff, past its priority's threshold. */
    overdueNotifiedAt: integer('overdue_notified_at'),
    /** A park handoff closes (without a claim) when the person who parked resumes the session. */
    closedAt: integer('closed_at'),
    /** The ConnectWise ticket the team shares for this handoff (DESIGN §6); null: this machine only. */
    psaTicketId: integer('psa_ticket_id'),
    /** local: handed off on this machine; psa: imported from ConnectWise (another Baton escalated it). */
    origin: text('origin', { enum: ['local', 'psa'] })
      .notNull()
      .default('local'),
    /**
     * An imported handoff's support ticket number, as the escalating machine numbered it (each
     * machine numbers its own tickets, so it is not a support_tickets row here).
     */
    externalTicketNumber: text('external_ticket_number'),
    /**
     * The escalation package of this handoff: the technician's edited text, or the offline draft a local
     * job writes right after the click (never drafted on the click path).
     */
    packageMarkdown: text('package_markdown'),
  },
  (t) => [
    index('handoffs_open_idx').on(t.claimedById, t.createdAt),
    index('handoffs_session_idx').on(t.sessionId),
    // Insights: handoffs created in a date range; how many were imported.
    index('handoffs_created_idx').on(t.createdAt),
    index('handoffs_origin_idx').on(t.origin),
  ],
);

/** Who has opened which handoff (the queue's unread dot is per person). */
export const handoffReads = sqliteTable(
  'handoff_reads',
  {
    handoffId: text('handoff_id')
      .notNull()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.handoffId, t.userId] })],
);

export const supportTickets = sqliteTable(
  'support_tickets',
  {
    id: text('id').primaryKey(),
    /** PREFIX-YYYYMMDD-NNNN, a per-day sequence. */
    ticketNumber: text('ticket_number').notNull().unique(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    handoffId: text('handoff_id').references(() => handoffs.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: ['low', 'medium', 'high', 'urgent'] }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    escalationReason: text('escalation_reason'),
    createdAt: integer('created_at').notNull(),
  },
  // A handoff's ticket number is read with every handoff view.
  (t) => [index('support_tickets_handoff_idx').on(t.handoffId)],
);

/** The in-app bell: one row per person to tell, so each has their own unread state. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    handoffId: text('handoff_id').references(() => handoffs.id, { onDelete: 'cascade' }),
    readAt: integer('read_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_handoff_unique').on(t.userId, t.handoffId),
  ],
);

/** Drafted notes (DESIGN §3): a repeat preview with nothing changed costs no AI call. */
export const previewCache = sqliteTable(
  'preview_cache',
  {
    kind: text('kind', { enum: ['resolve', 'escalate'] }).notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    stateVersion: integer('state_version').notNull(),
    markdown: text('markdown').notNull(),
    source: text('source', { enum: ['ai', 'offline'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.sessionId, t.stateVersion] })],
);

/** Fixes the assistant proposed (DESIGN §3): at most one active (not superseded) per session. */
export const suggestedFixes = sqliteTable(
  'suggested_fixes',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** The assistant reply that proposed it. */
    messageId: text('message_id'),
    text: text('text').notNull(),
    /** 0–100. */
    confidence: integer('confidence').notNull(),
    createdAt: integer('created_at').notNull(),
    supersededAt: integer('superseded_at'),
    userDecision: text('user_decision', { enum: ['apply_once', 'save_as_template', 'dismissed'] }),
    decidedById: text('decided_by_id').references(() => users.id),
    decidedAt: integer('decided_at'),
    outcome: text('outcome', { enum: ['worked', 'pending', 'failed'] }),
    outcomeReason: text('outcome_reason'),
    outcomeAt: integer('outcome_at'),
  },
  (t) => [
    index('suggested_fixes_session_idx').on(t.sessionId, t.supersededAt),
    // Insights: fixes suggested in a date range.
    index('suggested_fixes_created_idx').on(t.createdAt),
  ],
);

/** Fixes saved for reuse ("save as template"). */
export const fixTemplates = sqliteTable('fix_templates', {
  id: text('id').primaryKey(),
  text: text('text').notNull(),
  sourceFixId: text('source_fix_id').references(() => suggestedFixes.id, { onDelete: 'set null' }),
  createdById: text('created_by_id').references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * A note on its way to ConnectWise (DESIGN §3, Posting): the outbox job posts it, changes the ticket
 * status and verifies it; the session's status flips only when both succeed.
 */
export const notePosts = sqliteTable(
  'note_posts',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['resolve', 'escalate'] }).notNull(),
    /** An escalation's handoff: its package (with the team trailer) is the note. */
    handoffId: text('handoff_id'),
    ticketId: integer('ticket_id').notNull(),
    markdown: text('markdown').notNull(),
    summary: text('summary').notNull(),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    jobId: integer('job_id'),
    state: text('state', { enum: ['queued', 'done', 'failed', 'abandoned'] })
      .notNull()
      .default('queued'),
    externalNoteId: integer('external_note_id'),
    postedAt: integer('posted_at'),
    verifiedStatusId: integer('verified_status_id'),
    verifiedStatusName: text('verified_status_name'),
    skippedReason: text('skipped_reason'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('note_posts_session_idx').on(t.sessionId, t.createdAt)],
);

/**
 * Tickets this machine follows for the team (DESIGN §6): its own escalations (to learn who picked
 * them up) and handoffs claimed here or imported (to carry the conversation as internal notes).
 */
export const teamFollows = sqliteTable('team_follows', {
  handoffId: text('handoff_id')
    .primaryKey()
    .references(() => handoffs.id, { onDelete: 'cascade' }),
  sessionId: text('session_id')
    .notNull()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  ticketId: integer('ticket_id').notNull(),
  /** Notes up to this id have been read. */
  lastNoteId: integer('last_note_id').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});

/**
 * Notes Baton is writing to ConnectWise, by what they are for (a post, a handoff, a message, a claim).
 * A write is recorded before its POST, so a retry after a lost answer or a crash looks for the note among
 * the ticket's notes newer than `afterNoteId` (by its exact text) instead of posting it twice. Nothing
 * internal needs to ride in the note's text for that, so a customer-visible note carries only what the
 * technician approved.
 */
export const psaNoteWrites = sqliteTable('psa_note_writes', {
  reference: text('reference').primaryKey(),
  ticketId: integer('ticket_id').notNull(),
  /** A note id known to be older than the write (0 when none is known). */
  afterNoteId: integer('after_note_id').notNull().default(0),
  /** The note, once ConnectWise answered (or the retry found it). */
  noteId: integer('note_id'),
  createdAt: integer('created_at').notNull(),
});

/**
 * What the redaction pass withheld from a stored message (issue 14): the body keeps placeholders, the
 * values are sealed here with AES-256-GCM under a key kept in the OS keychain (redaction/at-rest.ts), and
 * only the person who pasted them may see them again ("Show withheld").
 */
export const withheldSecrets = sqliteTable('withheld_secrets', {
  messageId: text('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  /** Who pasted them (null: a message from another machine or the assistant; nobody may reveal them). */
  ownerId: text('owner_id').references(() => users.id),
  /** JSON [{kind, label, start, end}]: each placeholder's place in the stored body (no secret in it). */
  spans: text('spans').notNull(),
  /** IV (12 bytes) | GCM tag (16) | ciphertext of JSON {values, previews}; the message id is the AAD. */
  sealed: blob('sealed', { mode: 'buffer' }).notNull(),
  /** Which keychain key sealed it: the first 16 hex digits of its SHA-256. */
  keyId: text('key_id').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Data migrations that run in code after the SQL ones (they need the keychain): name → when done. */
export const dataMigrations = sqliteTable('data_migrations', {
  name: text('name').primaryKey(),
  doneAt: integer('done_at').notNull(),
  /** JSON: what it changed (counts only). */
  details: text('details'),
});

/**
 * Was the handoff assessment's likely cause right? Asked once in the resolve dialog of an escalated
 * session (issue 18) and kept with the resolution: one answer per assessed handoff (a later answer
 * replaces it). The assessment's stated confidence is copied so calibration needs no JSON parsing.
 */
export const assessmentChecks = sqliteTable(
  'assessment_checks',
  {
    handoffId: text('handoff_id')
      .primaryKey()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    verdict: text('verdict', { enum: ['right', 'partly', 'wrong'] }).notNull(),
    /** The assessment's stated confidence at the time it was checked. */
    confidence: text('confidence', { enum: ['low', 'medium', 'high'] }).notNull(),
    checkedById: text('checked_by_id')
      .notNull()
      .references(() => users.id),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [index('assessment_checks_checked_idx').on(t.checkedAt)],
);

/**
 * The service board of each ConnectWise ticket this machine has seen (linked or imported), so
 * Insights can filter by board without asking ConnectWise.
 */
export const psaTicketBoards = sqliteTable('psa_ticket_boards', {
  ticketId: integer('ticket_id').primaryKey(),
  boardId: integer('board_id').notNull(),
  seenAt: integer('seen_at').notNull(),
});

/** The boards those tickets are on, with the name each was last seen under (the filter's choices). */
export const psaBoards = sqliteTable('psa_boards', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  seenAt: integer('seen_at').notNull(),
});
