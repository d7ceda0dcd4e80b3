// Posting a confirmed note (DESIGN §3, Posting). A session with no linked ConnectWise ticket keeps the
// markdown and changes status locally (resolved_local / escalated_local). The linked-ticket path
// (post the note, change the ticket status, re-fetch to verify) comes with the ConnectWise client.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  NoteKind,
  NotePostInput,
  NotePostOutcome,
  SessionStatus,
  User,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import { assertFixSettled, promotePendingFix } from '../fixes/fix-service';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSessionRow, toSessionSummary } from '../store/repos/sessions';
import { sessions } from '../store/schema';

/** Where each kind may be posted from; anything else is CONFLICT "Session is already {status}". */
export const POSTABLE_FROM: Record<NoteKind, readonly SessionStatus[]> = {
  resolve: ['active', 'paused', 'requesting_escalation', 'escalated'],
  escalate: ['active', 'paused', 'resolved'],
};

const SUMMARY_MAX = 500;

/** The given summary, or the note's first line of text (headings skipped), at most 500 characters. */
export function summaryOf(markdown: string, given?: string): string {
  const first =
    given?.trim() ||
    markdown
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('#'))
      ?.replace(/^[-*>]\s+/, '') ||
    '';
  return first.length > SUMMARY_MAX ? `${first.slice(0, SUMMARY_MAX - 1)}…` : first;
}

export function createNotePosting(deps: { db: Db; clock: Clock; events: CoreEvents }) {
  const { db, clock, events } = deps;

  function assertPostable(kind: NoteKind, status: SessionStatus) {
    if (!POSTABLE_FROM[kind].includes(status))
      throw new AppError('CONFLICT', `Session is already ${status}`, { status });
  }

  /** Stores the note and flips the status in one transaction. */
  function applyLocally(actor: User, kind: NoteKind, sessionId: string, markdown: string, summary: string) {
    const now = clock.now();
    inTransaction(db, () => {
      const session = getSessionRow(db, sessionId);
      if (!session) throw notFound('Session', sessionId);
      assertPostable(kind, session.status);
      if (kind === 'escalate') assertFixSettled(db, sessionId);
      else promotePendingFix(db, sessionId, now);
      db.update(sessions)
        .set(
          kind === 'resolve'
            ? {
                status: 'resolved',
                resolutionNoteMarkdown: markdown,
                resolutionSummary: summary,
                resolvedAt: now,
                updatedAt: now,
              }
            : {
                status: 'escalated',
                escalationPackageMarkdown: markdown,
                escalationReason: summary,
                updatedAt: now,
              },
        )
        .where(eq(sessions.id, sessionId))
        .run();
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: kind === 'resolve' ? 'session.resolve' : 'session.escalate-note',
          entityType: 'session',
          entityId: sessionId,
          details: { summary, psa: false },
        },
        now,
      );
    });
    const summaryView = toSessionSummary(getSessionRow(db, sessionId)!);
    events.emit('session_updated', summaryView);
    events.emit('session_changed', { sessionId });
    return summaryView;
  }

  function post(actor: User, input: z.output<typeof NotePostInput>): NotePostOutcome {
    const session = getSessionRow(db, input.sessionId);
    if (!session) throw notFound('Session', input.sessionId);
    assertPostable(input.kind, session.status);
    if (input.kind === 'escalate') assertFixSettled(db, input.sessionId);
    const summary = summaryOf(input.markdown, input.summary);
    if (session.psaTicketId !== null)
      throw new AppError(
        'NOT_CONFIGURED',
        'This session is linked to a ConnectWise ticket, and posting to ConnectWise is not available yet',
      );
    const updated = applyLocally(actor, input.kind, input.sessionId, input.markdown, summary);
    return {
      outcome: input.kind === 'resolve' ? 'resolved_local' : 'escalated_local',
      session: updated,
      summary,
      externalNoteId: null,
      postedAt: null,
      verifiedStatus: null,
      statusTransitionSkippedReason: null,
    };
  }

  return { post };
}

export type NotePosting = ReturnType<typeof createNotePosting>;
