// The conversation around a team escalation, carried as internal notes on its ConnectWise ticket
// (DESIGN §6): the escalating technician learns who picked the session up, and messages typed on
// either machine appear on the other. Every note Baton writes carries a trailer naming what it is.
import { z } from 'zod';
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import { defineJobKind } from '../jobs/job-kinds';
import type { ConnectWiseClient, NoteLedger } from '../psa/connectwise/client';
import { asJobError } from '../psa/connectwise/errors';
import type { CwNote, CwTicketLite } from '../psa/connectwise/wire';
import type { MessageViews } from '../services/message-views';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { claimHandoffRow, getHandoff, getHandoffRow } from '../store/repos/handoffs';
import type { MessageRow } from '../store/repos/messages';
import { getMessage, insertMessage } from '../store/repos/messages';
import { bumpForNewMessage, getSessionRow, recordPickedUp, toSessionSummary } from '../store/repos/sessions';
import type { TeamFollowRow } from '../store/repos/team-follows';
import { advanceFollow, followOfSession } from '../store/repos/team-follows';
import { getUser } from '../store/repos/users';
import { teamMember } from './import-handoff';
import type { ClaimTrailer } from './trailer';
import { noteBody, readTrailer, withTrailer } from './trailer';
import { claimNotes, claimWinner } from './waiting-rule';

export const TEAM_POST_MESSAGE = 'team.post_message';

export function createTeamNotes(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  views: MessageViews;
  client: () => Promise<ConnectWiseClient>;
  /** Tells the escalating technician (bell; Electron adds an OS notification on the event). */
  tell: (userId: string, title: string, body: string) => void;
  ledger: NoteLedger;
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
      recordPickedUp(db, row.sessionId, claimerId, now);
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
    events.emit('handoff_picked_up', {
      handoffId: row.id,
      sessionId: row.sessionId,
      byName: claim.by.name,
      escalatorId: row.handedOffById,
    });
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

  /**
   * Reads a followed ticket's new notes (one request: `id >` the last one read) and acts on them:
   * messages from the other side, and — for our own escalation — the claim that picked it up. Notes
   * are read directly because whether a note moves the ticket's lastUpdated is unconfirmed (API-NOTES).
   * `ticket` is the ticket when this poll saw it change; otherwise it is read only when a claim must be
   * checked against its owner. Returns how many requests it made.
   */
  async function sync(
    client: ConnectWiseClient,
    follow: TeamFollowRow,
    ticket: CwTicketLite | undefined,
  ): Promise<number> {
    let requests = 1;
    const notes = await client.listNotes(follow.ticketId, { after: follow.lastNoteId });
    let readUpTo = notes.at(-1)?.id ?? follow.lastNoteId;
    const handoff = getHandoffRow(db, follow.handoffId);
    if (handoff?.origin === 'local' && !handoff.claimedById) {
      const claims = claimNotes(notes, follow.handoffId);
      if (claims.length > 0) {
        let owner = ticket?.owner?.identifier ?? null;
        if (!ticket) {
          owner = (await client.getTicket(follow.ticketId)).owner?.identifier ?? null;
          requests++;
        }
        const winner = claimWinner(claims, owner);
        if (winner) pickedUp(follow, winner.trailer);
        // Not decided yet (the winner has not set the owner): read these claims again next time.
        else readUpTo = Math.min(readUpTo, claims[0]!.noteId - 1);
      }
    }
    for (const note of notes) received(follow, note);
    if (readUpTo > follow.lastNoteId) advanceFollow(db, follow.handoffId, readUpTo);
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
    inOrder: 'session',
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
          {
            reference: `baton-team:message:${messageId}`,
            ledger: deps.ledger,
            afterNoteId: follow.lastNoteId,
          },
        );
      } catch (err) {
        throw asJobError(err);
      }
    },
  });

  return { sync, messageAdded, postMessageKind };
}

export type TeamNotes = ReturnType<typeof createTeamNotes>;
