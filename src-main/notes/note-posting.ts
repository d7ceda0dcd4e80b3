// Posting a confirmed note (DESIGN §3, Posting). A session with no linked ConnectWise ticket keeps the
// markdown and changes status locally (resolved_local / escalated_local). A linked one becomes an
// outbox job (psa-post-job.ts) written in the same transaction; "Confirm & post" waits a while for it
// and otherwise answers "queued" — the status flips only when the post and its verification succeed.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  NoteKind,
  NotePostInput,
  NotePostOutcome,
  SessionDetail,
  SessionStatus,
  User,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import { assertFixSettled, promotePendingFix } from '../fixes/fix-service';
import { recordAssessmentCheck } from '../insights/assessment-check';
import type { ErrorCode } from '../../src-preload/contract';
import { AppError, notFound } from '../errors';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { JobRow } from '../store/repos/jobs';
import type { NotePostRow } from '../store/repos/note-posts';
import { getNotePost, insertNotePost, unfinishedNotePost, updateNotePost } from '../store/repos/note-posts';
import { PSA_POST_NOTE } from './psa-post-job';
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

export interface NotePostingDeps {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  enqueue: (request: EnqueueRequest) => { id: number };
  /** Whether the worker can reach anyone now; offline, a post is answered "queued" at once. */
  isOnline: () => boolean;
  /** Resolves with the job once it is done or dead, or null after `timeoutMs`. */
  waitForJob: (jobId: number, timeoutMs: number) => Promise<JobRow | null>;
  retryJob: (actor: User, jobId: number) => void;
  /** How long "Confirm & post" waits for ConnectWise before answering "queued" (default 20 s). */
  postWaitMs?: number;
}

export function createNotePosting(deps: NotePostingDeps) {
  const { db, clock, events } = deps;

  function assertPostable(kind: NoteKind, status: SessionStatus) {
    if (!POSTABLE_FROM[kind].includes(status))
      throw new AppError('CONFLICT', `Session is already ${status}`, { status });
  }

  /** Stores the note and flips the status; runs in (or as) a transaction. Events after commit. */
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
          details: { summary, psa: session.psaTicketId !== null },
        },
        now,
      );
    });
    setImmediate(() => announce(sessionId));
  }

  function announce(sessionId: string) {
    const row = getSessionRow(db, sessionId);
    if (!row) return;
    events.emit('session_updated', toSessionSummary(row));
    events.emit('session_changed', { sessionId });
  }

  function outcomeOf(post: NotePostRow): NotePostOutcome {
    const session = toSessionSummary(getSessionRow(db, post.sessionId)!);
    const base = {
      session,
      summary: post.summary,
      externalNoteId: post.externalNoteId,
      postedAt: post.postedAt,
      verifiedStatus:
        post.verifiedStatusId !== null
          ? { id: post.verifiedStatusId, name: post.verifiedStatusName ?? '' }
          : null,
      statusTransitionSkippedReason: post.skippedReason,
    };
    if (post.state !== 'done') return { ...base, outcome: 'queued' };
    return { ...base, outcome: post.kind === 'resolve' ? 'resolved' : 'escalated' };
  }

  /** Waits a while for the post's job; online it usually finishes, offline it stays queued. */
  async function settle(postId: string, jobId: number): Promise<NotePostOutcome> {
    const job = deps.isOnline() ? await deps.waitForJob(jobId, deps.postWaitMs ?? 20_000) : null;
    const post = getNotePost(db, postId)!;
    if (job?.state === 'dead' || post.state === 'failed')
      throw new AppError(
        (post.errorCode as ErrorCode | null) ?? 'PSA_FAILED',
        post.errorMessage ?? job?.lastError ?? 'ConnectWise did not accept the note',
      );
    return outcomeOf(post);
  }

  async function post(actor: User, input: z.output<typeof NotePostInput>): Promise<NotePostOutcome> {
    const linked = getSessionRow(db, input.sessionId);
    if (!linked) throw notFound('Session', input.sessionId);
    const summary = summaryOf(input.markdown, input.summary);
    if (linked.psaTicketId === null) {
      // Checks the status rules and the suggested fix in its own transaction.
      inTransaction(db, () => {
        applyLocally(actor, input.kind, input.sessionId, input.markdown, summary);
        recordAssessmentCheck(db, actor, input, clock.now());
      });
      return {
        outcome: input.kind === 'resolve' ? 'resolved_local' : 'escalated_local',
        session: toSessionSummary(getSessionRow(db, input.sessionId)!),
        summary,
        externalNoteId: null,
        postedAt: null,
        verifiedStatus: null,
        statusTransitionSkippedReason: null,
      };
    }
    const ticketId = linked.psaTicketId;
    const postId = randomUUID();
    const now = clock.now();
    const jobId = inTransaction(db, () => {
      const session = getSessionRow(db, input.sessionId);
      if (!session) throw notFound('Session', input.sessionId);
      assertPostable(input.kind, session.status);
      if (input.kind === 'escalate') assertFixSettled(db, input.sessionId);
      const waiting = unfinishedNotePost(db, input.sessionId);
      if (waiting?.state === 'queued')
        throw new AppError(
          'CONFLICT',
          `A ${waiting.kind === 'resolve' ? 'resolution note' : 'escalation package'} is already on its way to ConnectWise`,
          { postId: waiting.id },
        );
      insertNotePost(db, {
        id: postId,
        sessionId: input.sessionId,
        kind: input.kind,
        ticketId,
        markdown: input.markdown,
        summary,
        actorId: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const job = deps.enqueue({
        kind: PSA_POST_NOTE,
        payload: { postId },
        idempotencyKey: `psa-post:${postId}`,
        sessionId: input.sessionId,
      });
      updateNotePost(db, postId, { jobId: job.id });
      recordAssessmentCheck(db, actor, input, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: `psa.post.${input.kind}`,
          entityType: 'session',
          entityId: input.sessionId,
          details: { ticketId, postId },
        },
        now,
      );
      return job.id;
    });
    events.emit('session_changed', { sessionId: input.sessionId });
    return settle(postId, jobId);
  }

  /** Retry of a post that failed for good (the session's Retry): the same note, never posted twice. */
  async function retry(actor: User, sessionId: string): Promise<NotePostOutcome> {
    const failed = unfinishedNotePost(db, sessionId);
    if (!failed?.jobId) throw new AppError('CONFLICT', 'Nothing is waiting to be posted for this session');
    deps.retryJob(actor, failed.jobId);
    updateNotePost(db, failed.id, {
      state: 'queued',
      errorCode: null,
      errorMessage: null,
      updatedAt: clock.now(),
    });
    events.emit('session_changed', { sessionId });
    return settle(failed.id, failed.jobId);
  }

  /** What the session shows while a post is on its way or failed. */
  function pending(
    sessionId: string,
    jobState: (jobId: number) => JobRow | undefined,
  ): SessionDetail['pendingPost'] {
    const post = unfinishedNotePost(db, sessionId);
    if (!post) return null;
    const job = post.jobId !== null ? jobState(post.jobId) : undefined;
    const failed = post.state === 'failed' || job?.state === 'dead';
    return {
      kind: post.kind,
      ticketId: post.ticketId,
      state: failed ? 'failed' : 'waiting',
      error: failed
        ? (post.errorMessage ?? job?.lastError ?? 'ConnectWise did not accept the note')
        : post.errorMessage,
    };
  }

  return { post, retry, pending, applyLocally };
}

export type NotePosting = ReturnType<typeof createNotePosting>;
