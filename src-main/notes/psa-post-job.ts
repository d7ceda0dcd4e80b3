// The outbox job that puts a note on a linked ConnectWise ticket (DESIGN §3 Posting, §6): a resolution
// note (customer-visible, exactly the text the technician approved) or an escalation's package (internal
// analysis, with the team trailer). The note is posted once — recorded in the note ledger before the
// POST, so a retry finds an earlier attempt's note by its text instead of posting it again — then the
// mapped status is set and verified by a re-fetch. A resolve flips the session only then; an escalation
// flipped it already (its handoff was created on the click), and other Batons learn of it from the note.
import { z } from 'zod';
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import { defineJobKind, PermanentJobError } from '../jobs/job-kinds';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import { asJobError } from '../psa/connectwise/errors';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getHandoffRow, setHandoffPsaNote } from '../store/repos/handoffs';
import type { NotePostRow } from '../store/repos/note-posts';
import { getNotePost, insertNotePost, updateNotePost } from '../store/repos/note-posts';
import { noteLedger } from '../store/repos/psa-note-writes';
import { getSessionRow } from '../store/repos/sessions';
import { startFollowAt } from '../store/repos/team-follows';
import { getUser } from '../store/repos/users';
import { handoffNoteText } from '../team/handoff-note';

export const PSA_POST_NOTE = 'psa.post_note';
export const postReference = (postId: string) => `baton-post:${postId}`;

/**
 * A note on its way to a ticket: the post row and the job that posts it, linked to each other. Call it
 * inside the transaction of the change that causes it (a resolve, an escalation). Returns the job's id.
 */
export function queueNotePost(
  db: Db,
  enqueue: (request: EnqueueRequest) => { id: number },
  post: Parameters<typeof insertNotePost>[1] & { id: string; sessionId: string },
): number {
  insertNotePost(db, post);
  const job = enqueue({
    kind: PSA_POST_NOTE,
    payload: { postId: post.id },
    idempotencyKey: `psa-post:${post.id}`,
    sessionId: post.sessionId,
  });
  updateNotePost(db, post.id, { jobId: job.id });
  return job.id;
}

export interface PsaPostDeps {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  client: () => Promise<ConnectWiseClient>;
  statusFor: (kind: 'resolve' | 'escalate') => ConnectWiseStatusRef | null;
  /** Whether ConnectWise may email the ticket's contact about a resolution note (Settings). */
  notifyContact: () => boolean;
  /** Stores the resolution note and resolves the session (inside the given transaction). */
  applyLocally: (actor: User, sessionId: string, markdown: string, summary: string) => void;
  /** Tells the technician a post failed for good (the session offers Retry). */
  tellFailure: (userId: string, title: string, body: string) => void;
}

/** What the note says on the ticket: the approved text, or the handoff's package with its trailer. */
function noteText(db: Db, post: NotePostRow, now: number): string {
  if (post.kind === 'escalate' && post.handoffId) {
    const text = handoffNoteText(db, post.handoffId, now);
    if (text) return text;
  }
  return post.markdown;
}

/** In words, once the note is on the ticket and only the status change failed. */
function statusFailure(post: NotePostRow, err: AppError): AppError {
  const actual = (err.details as { actual?: { name?: string } } | undefined)?.actual?.name;
  const why =
    err.code === 'PSA_STATUS_NOT_VERIFIED' && actual
      ? `ConnectWise kept the status ${actual}`
      : `the status change failed (${err.message})`;
  return new AppError(err.code, `The note is on ticket #${post.ticketId}; ${why}.`, err.details);
}

export function psaPostKind(deps: PsaPostDeps) {
  const { db, clock, events } = deps;
  const ledger = noteLedger(db, () => clock.now());
  return defineJobKind({
    kind: PSA_POST_NOTE,
    service: 'connectwise',
    maxAttempts: 8,
    payload: z.object({ postId: z.uuid() }),
    describe: () => 'Post a note to ConnectWise and verify the ticket status',
    async run({ postId }, ctx) {
      let post = getNotePost(db, postId);
      if (!post || post.state === 'done') return;
      try {
        const client = await deps.client();
        if (post.externalNoteId === null) {
          const { noteId } = await client.postNoteOnce(
            post.ticketId,
            {
              text: noteText(db, post, clock.now()),
              kind: post.kind === 'resolve' ? 'resolution' : 'internal',
              notify: post.kind === 'resolve' && deps.notifyContact(),
            },
            { reference: postReference(post.id), ledger },
          );
          inTransaction(db, () => {
            updateNotePost(db, postId, {
              externalNoteId: noteId,
              postedAt: clock.now(),
              updatedAt: clock.now(),
            });
            if (post!.handoffId) {
              setHandoffPsaNote(db, post!.handoffId, String(noteId));
              // The technician's Baton follows the ticket from its own note on (who picks it up, replies).
              startFollowAt(db, post!.handoffId, noteId);
            }
          });
          post = getNotePost(db, postId)!;
        }
        ctx.signal.throwIfAborted();
        const target = deps.statusFor(post.kind);
        // An escalation claimed (or closed) on this machine before its note went out waits for nobody.
        const handoff = post.handoffId ? getHandoffRow(db, post.handoffId) : undefined;
        const stillWaiting = !handoff || (handoff.claimedById === null && handoff.closedAt === null);
        let verified: ConnectWiseStatusRef | null = null;
        if (target && stillWaiting) {
          try {
            const ticket = await client.changeStatusVerified(post.ticketId, target.id, {
              expectedName: target.name,
            });
            verified = { id: ticket.status.id, name: ticket.status.name };
          } catch (err) {
            const mapped = asJobError(err);
            if (mapped instanceof PermanentJobError && mapped.cause instanceof AppError)
              throw new PermanentJobError(statusFailure(post, mapped.cause).message, {
                cause: statusFailure(post, mapped.cause),
              });
            throw err;
          }
        }
        const done = post;
        inTransaction(db, () => {
          if (done.kind === 'resolve')
            deps.applyLocally(getUser(db, done.actorId)!, done.sessionId, done.markdown, done.summary);
          updateNotePost(db, postId, {
            state: 'done',
            verifiedStatusId: verified?.id ?? null,
            verifiedStatusName: verified?.name ?? null,
            skippedReason: target
              ? stillWaiting
                ? null
                : 'the escalation was picked up before its note reached ConnectWise'
              : `no ${done.kind === 'resolve' ? 'resolved' : 'escalated'} status is set in Settings → ConnectWise`,
            errorCode: null,
            errorMessage: null,
            updatedAt: clock.now(),
          });
        });
        events.emit('session_changed', { sessionId: done.sessionId });
      } catch (err) {
        const mapped = err instanceof PermanentJobError ? err : asJobError(err);
        const permanent = mapped instanceof PermanentJobError;
        const cause = permanent && mapped.cause instanceof AppError ? mapped.cause : null;
        const message = cause?.message ?? (err instanceof Error ? err.message : String(err));
        updateNotePost(db, postId, {
          ...(permanent ? { state: 'failed' as const } : {}),
          errorCode: cause?.code ?? (permanent ? 'PSA_FAILED' : null),
          errorMessage: message,
          updatedAt: clock.now(),
        });
        if (permanent) {
          const session = getSessionRow(db, post.sessionId);
          deps.tellFailure(
            post.actorId,
            `Not posted to ConnectWise: ${session?.title ?? 'a session'}`,
            `${message} Open the session to retry.`,
          );
        }
        events.emit('session_changed', { sessionId: post.sessionId });
        throw mapped;
      }
    },
  });
}
