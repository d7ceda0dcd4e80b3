import { and, desc, eq, sql } from 'drizzle-orm';
import type { SessionStatus, SessionSummary } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { sessions } from '../schema';

export type SessionRow = typeof sessions.$inferSelect;

export const toSessionSummary = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  status: row.status,
  messageCount: row.messageCount,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function insertSession(
  db: Db,
  input: { id: string; title: string; createdById: string | null },
  now: number,
): SessionRow {
  return prepared(db, 'sessions.insert', (d) =>
    d
      .insert(sessions)
      .values({
        id: sql.placeholder('id'),
        title: sql.placeholder('title'),
        createdById: sql.placeholder('createdById'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      .returning()
      .prepare(),
  ).get({ ...input, now });
}

export function getSessionRow(db: Db, id: string): SessionRow | undefined {
  return prepared(db, 'sessions.get', (d) =>
    d
      .select()
      .from(sessions)
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export interface ListSessionsQuery {
  limit: number;
  before?: { updatedAt: number; id: string } | undefined;
  status?: SessionStatus | undefined;
}

/**
 * Newest first, keyset-paged on (updated_at, id): the row-value comparison lets SQLite seek straight
 * to the cursor in the index, so a deep page costs what the first page costs.
 */
export function listSessions(db: Db, query: ListSessionsQuery): SessionSummary[] {
  const { before, status, limit } = query;
  const key = `sessions.list:${status ? 'status' : 'all'}:${before ? 'after' : 'first'}`;
  const statement = prepared(db, key, (d) =>
    d
      .select()
      .from(sessions)
      .where(
        and(
          status ? eq(sessions.status, sql.placeholder('status')) : undefined,
          before
            ? sql`(${sessions.updatedAt}, ${sessions.id}) < (${sql.placeholder('beforeUpdatedAt')}, ${sql.placeholder('beforeId')})`
            : undefined,
        ),
      )
      .orderBy(desc(sessions.updatedAt), desc(sessions.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
  return statement
    .all({ limit, status, beforeUpdatedAt: before?.updatedAt, beforeId: before?.id })
    .map(toSessionSummary);
}

/**
 * Records that a message was added: the count, the time, and state_version (a note drafted from
 * the session must change when its conversation does). Returns the new count, which is the
 * message's sequence number, or undefined when the session does not exist.
 */
export function bumpForNewMessage(db: Db, id: string, now: number): SessionRow | undefined {
  return prepared(db, 'sessions.bumpForMessage', (d) =>
    d
      .update(sessions)
      .set({
        messageCount: sql`${sessions.messageCount} + 1`,
        stateVersion: sql`${sessions.stateVersion} + 1`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(eq(sessions.id, sql.placeholder('id')))
      .returning()
      .prepare(),
  ).get({ id, now });
}

/** A handoff of the session (escalate or park): its new status, what the escalation says, one more handoff. */
export function recordHandoff(
  db: Db,
  id: string,
  change: {
    status: SessionStatus;
    escalationReason: string | null;
    escalatedToId: string | null;
    packageMarkdown: string | null;
  },
  now: number,
): void {
  prepared(db, 'sessions.recordHandoff', (d) =>
    d
      .update(sessions)
      .set({
        status: sql`${sql.placeholder('status')}`,
        handoffCount: sql`${sessions.handoffCount} + 1`,
        escalationReason: sql`${sql.placeholder('escalationReason')}`,
        escalatedToId: sql`${sql.placeholder('escalatedToId')}`,
        escalationPackageMarkdown: sql`${sql.placeholder('packageMarkdown')}`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, now, ...change });
}

/** A senior claimed the session's handoff: it is theirs now. */
export function recordClaim(db: Db, id: string, status: SessionStatus, claimerId: string, now: number): void {
  db.update(sessions)
    .set({ status, escalatedToId: claimerId, updatedAt: now })
    .where(eq(sessions.id, id))
    .run();
}

/** A senior on another machine picked up our team escalation: it is theirs now (its status stays). */
export function recordPickedUp(db: Db, id: string, claimerId: string, now: number): void {
  db.update(sessions).set({ escalatedToId: claimerId, updatedAt: now }).where(eq(sessions.id, id)).run();
}

/**
 * A session imported with another machine's escalation (team/import-handoff.ts): escalated once, its
 * package as the one message, linked to the escalation's ConnectWise ticket.
 */
export function recordImportedEscalation(
  db: Db,
  id: string,
  escalation: { problemSummary: string | null; reason: string; packageMarkdown: string; psaTicketId: number },
): void {
  db.update(sessions)
    .set({
      status: 'escalated',
      problemSummary: escalation.problemSummary,
      escalationReason: escalation.reason,
      escalationPackageMarkdown: escalation.packageMarkdown,
      psaTicketId: escalation.psaTicketId,
      handoffCount: 1,
      messageCount: 1,
      stateVersion: 1,
    })
    .where(eq(sessions.id, id))
    .run();
}

/** The escalation package drafted after the handoff committed (handoffs/handoff-package.ts). */
export function setEscalationPackage(db: Db, id: string, markdown: string): void {
  db.update(sessions).set({ escalationPackageMarkdown: markdown }).where(eq(sessions.id, id)).run();
}

/** The session is resolved with this note: its new status, the note and its one-line summary. */
export function recordResolution(
  db: Db,
  id: string,
  resolution: { status: SessionStatus; noteMarkdown: string; summary: string },
  now: number,
): void {
  db.update(sessions)
    .set({
      status: resolution.status,
      resolutionNoteMarkdown: resolution.noteMarkdown,
      resolutionSummary: resolution.summary,
      resolvedAt: now,
      updatedAt: now,
    })
    .where(eq(sessions.id, id))
    .run();
}

/** Links the session to a ConnectWise ticket, or (null) unlinks it. */
export function setSessionTicket(db: Db, id: string, ticketId: number | null, now: number): void {
  db.update(sessions).set({ psaTicketId: ticketId, updatedAt: now }).where(eq(sessions.id, id)).run();
}

/** The first message names an untitled session; the whole of it is kept as the problem statement. */
export function setSessionTitle(db: Db, id: string, title: string, problem: string): void {
  prepared(db, 'sessions.setTitle', (d) =>
    d
      .update(sessions)
      .set({
        title: sql`${sql.placeholder('title')}`,
        problemSummary: sql`coalesce(${sessions.problemSummary}, ${sql.placeholder('problem')})`,
      })
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, title, problem });
}

/** The technician renamed the session (the problem statement stays as it was). */
export function renameSession(db: Db, id: string, title: string, now: number): SessionRow | undefined {
  return db.update(sessions).set({ title, updatedAt: now }).where(eq(sessions.id, id)).returning().get();
}

/** A write that changes what a note drafted from this session would say (DESIGN §3). */
export function bumpStateVersion(db: Db, id: string, now: number): SessionRow | undefined {
  return db
    .update(sessions)
    .set({ stateVersion: sql`${sessions.stateVersion} + 1`, updatedAt: now })
    .where(eq(sessions.id, id))
    .returning()
    .get();
}

export function flagEscalationRequest(
  db: Db,
  id: string,
  reason: string,
  now: number,
): SessionRow | undefined {
  return db
    .update(sessions)
    .set({
      escalationRequested: true,
      escalationRequestedReason: reason,
      escalationRequestedAt: now,
      updatedAt: now,
    })
    .where(eq(sessions.id, id))
    .returning()
    .get();
}

export function setSessionStatus(
  db: Db,
  id: string,
  status: SessionRow['status'],
  now: number,
): SessionRow | undefined {
  return db.update(sessions).set({ status, updatedAt: now }).where(eq(sessions.id, id)).returning().get();
}
