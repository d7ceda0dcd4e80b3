// The outbox job behind "Confirm & post" on a session linked to a ConnectWise ticket (DESIGN §3):
// post the note (resolution flag for a resolve, internal-analysis for an escalation) carrying a
// reference line so a retry finds it instead of posting twice; change the ticket status if Settings
// maps one, and re-fetch to verify; only then store the note and flip the session's status.
import { z } from 'zod';
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import { defineJobKind, PermanentJobError } from '../jobs/job-kinds';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import { asJobError } from '../psa/connectwise/errors';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { getNotePost, updateNotePost } from '../store/repos/note-posts';
import { getSessionRow } from '../store/repos/sessions';
import { getUser } from '../store/repos/users';

export const PSA_POST_NOTE = 'psa.post_note';
export const postReference = (postId: string) => `baton-post:${postId}`;

export interface PsaPostDeps {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  client: () => Promise<ConnectWiseClient>;
  statusFor: (kind: 'resolve' | 'escalate') => ConnectWiseStatusRef | null;
  /** Stores the note and flips the status (inside the given transaction). */
  applyLocally: (
    actor: User,
    kind: 'resolve' | 'escalate',
    sessionId: string,
    markdown: string,
    summary: string,
  ) => void;
  /** Tells the technician a post failed for good (the session offers Retry). */
  tellFailure: (userId: string, title: string, body: string) => void;
}

export function psaPostKind(deps: PsaPostDeps) {
  const { db, clock, events } = deps;
  return defineJobKind({
    kind: PSA_POST_NOTE,
    service: 'connectwise',
    maxAttempts: 8,
    payload: z.object({ postId: z.uuid() }),
    describe: () => 'Post a note to ConnectWise and verify the ticket status',
    async run({ postId }, ctx) {
      const post = getNotePost(db, postId);
      if (!post || post.state === 'done') return;
      try {
        const client = await deps.client();
        if (post.externalNoteId === null) {
          const { note } = await client.postNoteOnce(
            post.ticketId,
            { text: post.markdown, kind: post.kind === 'resolve' ? 'resolution' : 'internal' },
            postReference(post.id),
          );
          updateNotePost(db, post.id, {
            externalNoteId: note.id,
            postedAt: clock.now(),
            updatedAt: clock.now(),
          });
        }
        ctx.signal.throwIfAborted();
        const target = deps.statusFor(post.kind);
        let verified: ConnectWiseStatusRef | null = null;
        if (target) {
          const ticket = await client.changeStatusVerified(post.ticketId, target.id, {
            expectedName: target.name,
          });
          verified = { id: ticket.status.id, name: ticket.status.name };
        }
        const actor = getUser(db, post.actorId)!;
        inTransaction(db, () => {
          deps.applyLocally(actor, post.kind, post.sessionId, post.markdown, post.summary);
          updateNotePost(db, post.id, {
            state: 'done',
            verifiedStatusId: verified?.id ?? null,
            verifiedStatusName: verified?.name ?? null,
            skippedReason: target
              ? null
              : `no ${post.kind === 'resolve' ? 'resolved' : 'escalated'} status is set in Settings → ConnectWise`,
            errorCode: null,
            errorMessage: null,
            updatedAt: clock.now(),
          });
        });
      } catch (err) {
        const mapped = asJobError(err);
        const permanent = mapped instanceof PermanentJobError;
        const cause = permanent && mapped.cause instanceof AppError ? mapped.cause : null;
        const message = err instanceof Error ? (cause?.message ?? err.message) : String(err);
        updateNotePost(db, post.id, {
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
