// Posting a confirmed note (DESIGN §3, Posting). A resolution note on a session with no linked
// ConnectWise ticket is kept and the session resolved (resolved_local); on a linked one it becomes an
// outbox job (psa-post-job.ts) written in the same transaction, and "Confirm & post" waits for its
// first attempt, else answers "queued" — the session resolves only once the post and its verified status
// change succeed. An escalation package takes the one escalate path (handoff-service.ts create) with the
// technician's text. A session never has two posts going: a second "Confirm & post" continues the first.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  HandoffCreateInput,
  NotePostInput,
  NotePostOutcome,
  SessionDetail,
  User,
} from '../../src-preload/contract';
import type { Clock } from '../clock';
import { promotePendingFix } from '../fixes/fix-service';
import { recordAssessmentCheck } from '../insights/assessment-check';
import type { ErrorCode } from '../../src-preload/contract';
import { AppError, notFound } from '../errors';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { JobRow } from '../store/repos/jobs';
import type { NotePostRow } from '../store/repos/note-posts';
import { getNotePost, unfinishedNotePost, updateNotePost } from '../store/repos/note-posts';
import { postReference, queueNotePost } from './psa-post-job';
import { assertTransition } from '../services/session-status';
import { needsWords } from './note-drafts';
import { noteLedger } from '../store/repos/psa-note-writes';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSessionRow, recordResolution, toSessionSummary } from '../store/repos/sessions';

const SUMMARY_MAX = 500;

/** "## Root cause" → "root cause". */
const sectionName = (heading: string) => heading.replace(/^#+\s*/, '').toLowerCase();

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
  /**
   * Resolves with the job once an attempt of it finished (done, dead, or failed and waiting for a
   * retry), or null after `timeoutMs`.
   */
  waitForJob: (jobId: number, timeoutMs: number) => Promise<JobRow | null>;
  retryJob: (actor: User, jobId: number) => void;
  /** The one escalate path (handoff-service.ts create). */
  escalate: (
    actor: User,
    input: z.output<typeof HandoffCreateInput>,
    options: { packageMarkdown?: string },
  ) => { postId: string | null };
  /** How long "Confirm & post" waits for ConnectWise before answering "queued" (default 20 s). */
  postWaitMs?: number;
}

export function createNotePosting(deps: NotePostingDeps) {
  const { db, clock, events } = deps;
  const ledger = noteLedger(db, () => clock.now());
  let closed = false;

  /** Stores the resolution note and resolves the session; runs in (or as) a transaction. */
  function applyLocally(actor: User, sessionId: string, markdown: string, summary: string) {
    const now = clock.now();
    inTransaction(db, () => {
      const session = getSessionRow(db, sessionId);
      if (!session) throw notFound('Session', sessionId);
      const status = assertTransition('resolve', session.status);
      promotePendingFix(db, sessionId, now);
      recordResolution(db, sessionId, { status, noteMarkdown: markdown, summary }, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'session.resolve',
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
    if (closed) return;
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

  /**
   * Waits for the first attempt of the post's job: online it usually finishes; a connection error (or
   * offline from the start) answers "queued" at once, and the job posts when ConnectWise is back.
   */
  async function settle(postId: string, jobId: number): Promise<NotePostOutcome> {
    const job = deps.isOnline() ? await deps.waitForJob(jobId, deps.postWaitMs ?? 20_000) : null;
    if (closed)
      throw new AppError(
        'OFFLINE',
        'Baton is closing: the note waits in the queue and goes out at the next start',
      );
    const post = getNotePost(db, postId)!;
    if (job?.state === 'dead' || post.state === 'failed')
      throw new AppError(
        (post.errorCode as ErrorCode | null) ?? 'PSA_FAILED',
        post.errorMessage ?? job?.lastError ?? 'ConnectWise did not accept the note',
      );
    return outcomeOf(post);
  }

  /** A post this session already has on its way (or failed): a second "Confirm & post" continues it. */
  async function continuePost(
    actor: User,
    post: NotePostRow,
    latest: { markdown: string; summary: string } | null,
  ): Promise<NotePostOutcome> {
    // Never attempted yet (e.g. offline since): the newest approved text is the one to send. Once an
    // attempt started, the text stays, so a retry can recognise a note that landed unacknowledged.
    if (latest && post.kind === 'resolve' && !ledger.get(postReference(post.id)))
      updateNotePost(db, post.id, { ...latest, updatedAt: clock.now() });
    if (post.state === 'failed') return retry(actor, post.sessionId);
    return settle(post.id, post.jobId!);
  }

  async function post(actor: User, input: z.output<typeof NotePostInput>): Promise<NotePostOutcome> {
    const linked = getSessionRow(db, input.sessionId);
    if (!linked) throw notFound('Session', input.sessionId);
    const summary = summaryOf(input.markdown, input.summary);
    const empty = needsWords(input.kind, input.markdown);
    if (empty.length > 0)
      throw new AppError(
        'VALIDATION',
        `Write the ${empty.map(sectionName).join(' and the ')} before posting`,
        {
          fields: empty.map((heading) => ({ path: 'markdown', message: `${sectionName(heading)} is empty` })),
        },
      );
    const waiting = livePost(linked.id);
    if (waiting?.kind === input.kind)
      return continuePost(actor, waiting, { markdown: input.markdown, summary });
    // An escalation's team note may still be on its way when the session is resolved (a senior took
    // it over here): that note goes out on its own; anything else on its way blocks a second post.
    const escalationNote = waiting?.kind === 'escalate' && input.kind === 'resolve';
    if (waiting?.state === 'queued' && !escalationNote)
      throw new AppError(
        'CONFLICT',
        `A ${waiting.kind === 'resolve' ? 'resolution note' : 'escalation package'} is already on its way to ConnectWise`,
        { postId: waiting.id },
      );
    // A failed post of the other kind is over once the technician moves on (e.g. resolves instead).
    if (waiting?.state === 'failed')
      updateNotePost(db, waiting.id, { state: 'abandoned', updatedAt: clock.now() });
    if (input.kind === 'escalate') return escalate(actor, input, summary);
    if (linked.psaTicketId === null) {
      // Checks the status rules and the suggested fix in its own transaction.
      inTransaction(db, () => {
        applyLocally(actor, input.sessionId, input.markdown, summary);
        recordAssessmentCheck(db, actor, input, clock.now());
      });
      return localOutcome('resolved_local', input.sessionId, summary);
    }
    const ticketId = linked.psaTicketId;
    const postId = randomUUID();
    const now = clock.now();
    const jobId = inTransaction(db, () => {
      const session = getSessionRow(db, input.sessionId);
      if (!session) throw notFound('Session', input.sessionId);
      assertTransition('resolve', session.status);
      const queued = queueNotePost(db, deps.enqueue, {
        id: postId,
        sessionId: input.sessionId,
        kind: 'resolve',
        ticketId,
        markdown: input.markdown,
        summary,
        actorId: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      recordAssessmentCheck(db, actor, input, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'psa.post.resolve',
          entityType: 'session',
          entityId: input.sessionId,
          details: { ticketId, postId },
        },
        now,
      );
      return queued;
    });
    events.emit('session_changed', { sessionId: input.sessionId });
    return settle(postId, jobId);
  }

  /** "Confirm & post" of an escalation package: the same handoff as the handoff form, with this text. */
  async function escalate(
    actor: User,
    input: z.output<typeof NotePostInput>,
    summary: string,
  ): Promise<NotePostOutcome> {
    const { postId } = deps.escalate(
      actor,
      {
        sessionId: input.sessionId,
        intent: 'escalate',
        reason: summary,
        priority: input.priority ?? 'medium',
        targetUserId: null,
      },
      { packageMarkdown: input.markdown },
    );
    if (postId === null) return localOutcome('escalated_local', input.sessionId, summary);
    return settle(postId, getNotePost(db, postId)!.jobId!);
  }

  function localOutcome(
    outcome: 'resolved_local' | 'escalated_local',
    sessionId: string,
    summary: string,
  ): NotePostOutcome {
    return {
      outcome,
      session: toSessionSummary(getSessionRow(db, sessionId)!),
      summary,
      externalNoteId: null,
      postedAt: null,
      verifiedStatus: null,
      statusTransitionSkippedReason: null,
    };
  }

  /**
   * The session's unfinished post that still means something: a failed resolve once the session was
   * resolved another way (or an escalation's once it is no longer escalated) is over.
   */
  function livePost(sessionId: string): NotePostRow | undefined {
    const post = unfinishedNotePost(db, sessionId);
    const session = post && getSessionRow(db, sessionId);
    if (!post || !session) return undefined;
    const over =
      post.ticketId !== session.psaTicketId ||
      (post.kind === 'resolve' ? session.status === 'resolved' : session.status !== 'escalated');
    return post.state === 'failed' && over ? undefined : post;
  }

  /** Retry of a post that failed for good (the session's Retry): the same note, never posted twice. */
  async function retry(actor: User, sessionId: string): Promise<NotePostOutcome> {
    const failed = livePost(sessionId);
    if (!failed?.jobId) throw new AppError('CONFLICT', 'Nothing is waiting to be posted for this session');
    if (failed.state !== 'failed') return settle(failed.id, failed.jobId);
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
    const post = livePost(sessionId);
    if (!post) return null;
    const job = post.jobId !== null ? jobState(post.jobId) : undefined;
    const failed = post.state === 'failed' || job?.state === 'dead';
    return {
      kind: post.kind,
      ticketId: post.ticketId,
      state: failed ? 'failed' : 'waiting',
      noteOnTicket: post.externalNoteId !== null,
      error: failed
        ? (post.errorMessage ?? job?.lastError ?? 'ConnectWise did not accept the note')
        : post.errorMessage,
    };
  }

  return {
    post,
    retry,
    pending,
    applyLocally,
    close() {
      closed = true;
    },
  };
}

export type NotePosting = ReturnType<typeof createNotePosting>;
