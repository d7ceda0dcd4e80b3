// The conversation around a team escalation, carried as internal notes on its ConnectWise ticket
// (DESIGN §6): the escalating technician learns who picked the session up, and messages typed on
// either machine appear on the other. Every note Baton writes carries a trailer naming what it is.
import { z } from 'zod';
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import { defineJobKind } from '../jobs/job-kinds';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import { asJobError } from '../psa/connectwise/errors';
import type { CwNote, CwTicketLite } from '../psa/connectwise/wire';
import type { MessageViews } from '../services/message-views';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { claimHandoffRow, getHandoff, getHandoffRow } from '../store/repos/handoffs';
import type { MessageRow } from '../store/repos/messages';
import { getMessage, insertMessage } from '../store/repos/messages';
import { bumpForNewMessage, getSessionRow, toSessionSummary } from '../store/repos/sessions';
import type { TeamFollowRow } from '../store/repos/team-follows';
import { advanceFollow, followOfSession } from '../store/repos/team-follows';
import { getUser } from '../store/repos/users';
import { sessions } from '../store/schema';
import { eq } from 'drizzle-orm';
import { teamMember } from './import-handoff';
import type { ClaimTrailer } from './trailer';
import { noteBody, readTrailer, trailerTag, withTrailer } from './trailer';

export const TEAM_POST_MESSAGE = 'team.post_message';

export function createTeamNotes(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  views: MessageViews;
  client: () => Promise<ConnectWiseClient>;
  /** Tells the escalating technician (bell; Electron adds an OS notification on the event). */
  tell: (userId: string, title: string, body: string) => void;
}) {
  const { db, clock, events } = deps;

  /** Appends a message that did not come from this machine's composer (no AI reply is asked for). */
  function addTeamMessage(
    sessionId: string,
    message: { authorId: string | null; body: string; role: MessageRow['role']; id?: string },
  ) {
    const now = clock.now();
    const session = bumpForNewMessage(db, sessionId, now)!;
    return insertMessage(
      db,
      { id: message.id ?? crypto.randomUUID(), sessionId, ...message, seq: session.messageCount },
      now,
    );
  }

  /** A senior on another machine claimed our escalation: say who, in the session and the bell. */
  function pickedUp(follow: TeamFollowRow, claim: ClaimTrailer) {
    const row = getHandoffRow(db, follow.handoffId);
    if (!row || row.origin !== 'local' || row.claimedById) return;
    const now = clock.now();
    const notice = inTransaction(db, () => {
      const claimerId = teamMember(db, claim.by, now);
      if (!claimHandoffRow(db, row.id, claimerId, now)) return null;
      db.update(sessions)
        .set({ escalatedToId: claimerId, updatedAt: now })
        .where(eq(sessions.id, row.sessionId))
        .run();
      appendAudit(
        db,
        {
          actorId: null,
          action: 'handoff.picked-up',
          entityType: 'handoff',
          entityId: row.id,
          details: { by: claim.by.name },
        },
        now,
      );
      return addTeamMessage(row.sessionId, {
        authorId: null,
        body: `${claim.by.name} picked up your escalation.`,
        role: 'system',
      });
    });
    if (!notice) return;
    const session = getSessionRow(db, row.sessionId)!;
    deps.tell(row.handedOffById, `${claim.by.name} picked up your escalation`, session.title);
    events.emit('message_added', deps.views.fromRow(notice, null));
    events.emit('handoff_claimed', getHandoff(db, row.id, row.handedOffById)!);
    events.emit('handoff_picked_up', { handoffId: row.id, sessionId: row.sessionId, byName: claim.by.name });
    events.emit('session_updated', toSessionSummary(session));
  }

  /** A message typed on the other machine (our own come back too and are skipped by id). */
  function received(follow: TeamFollowRow, note: CwNote) {
    const trailer = readTrailer(note.text, 'message');
    if (!trailer || trailer.handoffId !== follow.handoffId || getMessage(db, trailer.messageId)) return;
    const stored = inTransaction(db, () =>
      addTeamMessage(follow.sessionId, {
        id: trailer.messageId,
        authorId: teamMember(db, trailer.from, clock.now()),
        // The note reads "Name: text" for people in ConnectWise; the session shows the author apart.
        body: noteBody(note.text).replace(/^[^:\n]{1,200}: /, ''),
        role: 'user',
      }),
    );
    events.emit('message_added', deps.views.fromRow(stored, trailer.from.name));
    events.emit('session_updated', toSessionSummary(getSessionRow(db, follow.sessionId)!));
  }

  /** Reads the followed ticket's new notes; returns how many requests it made. */
  async function sync(
    client: ConnectWiseClient,
    ticket: CwTicketLite,
    follows: TeamFollowRow[],
  ): Promise<number> {
    let requests = 0;
    for (const follow of follows) {
      const notes = await client.listNotes(ticket.id, { conditions: `id > ${follow.lastNoteId}` });
      requests++;
      const handoff = getHandoffRow(db, follow.handoffId);
      if (handoff?.origin === 'local' && !handoff.claimedById && ticket.owner) {
        // The winner sets the owner after its claim note: the claim naming the owner is the one.
        let claims = notes
          .map((n) => readTrailer(n.text, 'claim'))
          .filter((c) => c?.handoffId === follow.handoffId);
        if (!claims.some((c) => sameMember(c!, ticket))) {
          const all = await client.listNotes(ticket.id, {
            conditions: `text contains "${trailerTag('claim')}"`,
          });
          requests++;
          claims = all
            .map((n) => readTrailer(n.text, 'claim'))
            .filter((c) => c?.handoffId === follow.handoffId);
        }
        const winner = claims.find((c) => sameMember(c!, ticket));
        if (winner) pickedUp(follow, winner);
      }
      for (const note of notes) received(follow, note);
      const last = notes.at(-1);
      if (last) advanceFollow(db, follow.handoffId, last.id);
    }
    return requests;
  }

  /** Carries a message typed in a followed session to the ticket (inside the message's transaction). */
  function messageAdded(message: MessageRow, enqueue: (request: EnqueueRequest) => unknown) {
    if (message.role !== 'user') return;
    const follow = followOfSession(db, message.sessionId);
    const handoff = follow && getHandoffRow(db, follow.handoffId);
    if (!handoff?.claimedById) return; // nobody on the other side yet
    enqueue({
      kind: TEAM_POST_MESSAGE,
      payload: { messageId: message.id },
      idempotencyKey: `team:message:${message.id}`,
      sessionId: message.sessionId,
    });
  }

  const postMessageKind = defineJobKind({
    kind: TEAM_POST_MESSAGE,
    service: 'connectwise',
    payload: z.object({ messageId: z.uuid() }),
    describe: () => 'Send a message to the other side of a team escalation (ConnectWise note)',
    async run({ messageId }) {
      const message = getMessage(db, messageId);
      const follow = message && followOfSession(db, message.sessionId);
      if (!message || !follow) return;
      const author: Pick<User, 'name' | 'email'> = (message.authorId && getUser(db, message.authorId)) || {
        name: 'Baton',
        email: '',
      };
      try {
        const client = await deps.client();
        await client.postNoteOnce(
          follow.ticketId,
          {
            text: withTrailer(`${author.name}: ${message.body}`, 'message', {
              v: 1,
              handoffId: follow.handoffId,
              messageId,
              from: { name: author.name, email: author.email },
            }),
            kind: 'internal',
          },
          `baton-team:message:${messageId}`,
        );
      } catch (err) {
        throw asJobError(err);
      }
    },
  });

  return { sync, messageAdded, postMessageKind };
}

const sameMember = (claim: ClaimTrailer, ticket: CwTicketLite) =>
  claim.by.member.toLowerCase() === ticket.owner?.identifier.toLowerCase();

export type TeamNotes = ReturnType<typeof createTeamNotes>;
