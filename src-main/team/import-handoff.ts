// A handoff another Baton escalated, brought into this machine's queue from its ConnectWise note
// (DESIGN §6). The import keeps the escalating machine's ids, so importing again (after a restart, or
// because a poll saw the ticket twice) changes nothing and announces nothing.
import { randomUUID } from 'node:crypto';
import type { HandoffSnapshot, User } from '../../src-preload/contract';
import { announcementJob, enrichmentJob } from '../handoffs/handoff-notifications';
import type { EnqueueRequest } from '../jobs/enqueue';
import { searchIndexJob } from '../handoffs/handoff-search-index';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getHandoffRow, insertHandoff } from '../store/repos/handoffs';
import { insertMessage } from '../store/repos/messages';
import { getSessionRow, insertSession, recordImportedEscalation } from '../store/repos/sessions';
import { findUserByEmail, insertTeamMember } from '../store/repos/users';
import type { HandoffTrailer } from './trailer';

/** A colleague known only from ConnectWise: kept as an inactive user (never a local profile). */
export function teamMember(db: Db, person: { name: string; email: string }, now: number): User['id'] {
  const email = person.email.trim() || `${person.name.replace(/\W+/g, '.').toLowerCase()}@unknown.invalid`;
  const known = findUserByEmail(db, email);
  if (known) return known.id;
  const id = randomUUID();
  insertTeamMember(db, { id, name: person.name || email, email }, now);
  return id;
}

function snapshotFrom(trailer: HandoffTrailer): HandoffSnapshot {
  return {
    summary: trailer.snapshot.summary,
    domain: null,
    status: 'escalated',
    stepCount: trailer.snapshot.stepCount,
    factCount: trailer.snapshot.factCount,
    confidence: trailer.snapshot.confidence as HandoffSnapshot['confidence'],
    branches: trailer.snapshot.branches.map((b) => ({
      id: randomUUID(),
      parentId: null,
      label: b.label,
      status: b.status as HandoffSnapshot['branches'][number]['status'],
      reason: b.reason,
    })),
  };
}

/**
 * Returns true when the handoff was new here. A handoff (or session) this store already has — its
 * own escalation, or one imported before — is left alone.
 */
export function importHandoff(
  db: Db,
  enqueue: (request: EnqueueRequest) => unknown,
  input: {
    ticketId: number;
    noteId: number;
    noteCreatedAt: number;
    packageText: string;
    trailer: HandoffTrailer;
  },
  now: number,
): boolean {
  const { trailer } = input;
  return inTransaction(db, () => {
    if (getHandoffRow(db, trailer.handoffId) || getSessionRow(db, trailer.sessionId)) return false;
    const fromId = teamMember(db, trailer.from, now);
    insertSession(
      db,
      { id: trailer.sessionId, title: trailer.title, createdById: fromId },
      input.noteCreatedAt,
    );
    recordImportedEscalation(db, trailer.sessionId, {
      problemSummary: trailer.snapshot.summary || null,
      reason: trailer.reason,
      packageMarkdown: input.packageText,
      psaTicketId: input.ticketId,
    });
    // The package is what the senior reads first; it opens the conversation.
    insertMessage(
      db,
      {
        id: randomUUID(),
        sessionId: trailer.sessionId,
        role: 'user',
        authorId: fromId,
        body: input.packageText,
        seq: 1,
      },
      input.noteCreatedAt,
    );
    insertHandoff(db, {
      id: trailer.handoffId,
      sessionId: trailer.sessionId,
      intent: 'escalate',
      handedOffById: fromId,
      targetUserId: null,
      priority: trailer.priority,
      reason: trailer.reason,
      engineerNotes: trailer.notes,
      snapshot: JSON.stringify(snapshotFrom(trailer)),
      createdAt: input.noteCreatedAt,
      psaTicketId: input.ticketId,
      origin: 'psa',
      externalTicketNumber: trailer.ticketNumber,
      psaNoteId: String(input.noteId),
    });
    appendAudit(
      db,
      {
        actorId: null,
        action: 'handoff.import',
        entityType: 'handoff',
        entityId: trailer.handoffId,
        details: { ticketId: input.ticketId, noteId: input.noteId },
      },
      now,
    );
    // The escalating machine sent email / Teams / Slack; here the bell and the assessment.
    const target = { handoffId: trailer.handoffId, sessionId: trailer.sessionId };
    enqueue(announcementJob('in_app', target));
    enqueue(enrichmentJob(target));
    enqueue(searchIndexJob(target));
    return true;
  });
}
