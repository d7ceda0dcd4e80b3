// Claiming a handoff across machines without a server-side compare-and-set (DESIGN §6):
//   1. re-read the ticket and its notes since the handoff note: a winning claim by someone else, a
//      newer escalation, or a ticket no longer in the escalated status → ALREADY_CLAIMED (the owner
//      alone decides nothing: escalated tickets are usually still assigned to the technician);
//   2. post an internal note with a claim trailer naming me (once: recorded in the note ledger);
//   3. read the handoff's claim notes in id order (ConnectWise assigns ids in commit order): the first
//      live one wins (waiting-rule.ts, the crash rule included);
//   4. the winner sets the owner (and the claimed status), verified by a re-fetch; a loser removes its
//      claim note and answers ALREADY_CLAIMED naming the winner.
import type { User } from '../../src-preload/contract';
import { AppError } from '../errors';
import type { ConnectWiseClient, NoteLedger } from '../psa/connectwise/client';
import { interactive } from '../psa/connectwise/errors';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { CwTicket } from '../psa/connectwise/wire';
import type { ClaimTrailer } from './trailer';
import { withTrailer } from './trailer';
import type { ClaimNote } from './waiting-rule';
import { claimNotes, claimWinner, newestHandoffNote, winsClaim } from './waiting-rule';

export interface PsaMember {
  identifier: string;
  name: string;
}

export const claimReference = (handoffId: string, member: string) =>
  `baton-team:claim:${handoffId}:${member.toLowerCase()}`;
const same = (a: string | undefined | null, b: string) => a?.toLowerCase() === b.toLowerCase();

function alreadyClaimed(claim: ClaimNote): AppError {
  return new AppError('ALREADY_CLAIMED', `Already claimed by ${claim.trailer.by.name}`, {
    claimedById: null,
    claimedByName: claim.trailer.by.name,
    claimedAt: claim.at || null,
  });
}

function noLongerWaiting(why: string, at: number | null): AppError {
  return new AppError('ALREADY_CLAIMED', `No longer waiting: ${why}`, {
    claimedById: null,
    claimedByName: null,
    claimedAt: at,
  });
}

export async function claimThroughTicket(input: {
  client: ConnectWiseClient;
  ledger: NoteLedger & { forget(reference: string): void };
  actor: User;
  member: PsaMember;
  handoffId: string;
  ticketId: number;
  /** The handoff's own note on the ticket: claims come after it. */
  handoffNoteId: number;
  escalated: ConnectWiseStatusRef | null;
  claimed: ConnectWiseStatusRef | null;
}): Promise<{ ticket: CwTicket; lastNoteId: number }> {
  const { client, actor, member, handoffId, ticketId, handoffNoteId } = input;
  return interactive(async () => {
    // 1. Is it still up for grabs?
    const before = await client.getTicket(ticketId);
    const updated = before._info?.lastUpdated ? Date.parse(before._info.lastUpdated) : null;
    const owner = before.owner?.identifier ?? null;
    const since = await client.listNotes(ticketId, { after: handoffNoteId });
    const decided = claimWinner(claimNotes(since, handoffId), owner);
    if (decided) {
      if (same(decided.trailer.by.member, member.identifier))
        return { ticket: before, lastNoteId: Math.max(handoffNoteId, ...since.map((n) => n.id)) };
      throw alreadyClaimed(decided);
    }
    const newer = newestHandoffNote(since);
    if (newer && newer.trailer.handoffId !== handoffId)
      throw noLongerWaiting(`${newer.trailer.from.name} escalated the ticket again`, newer.at);
    if (before.closedFlag || (input.escalated && before.status.id !== input.escalated.id))
      throw noLongerWaiting(`ConnectWise shows "${before.status.name}"`, updated);

    // 2. Say so on the ticket.
    const claim: ClaimTrailer = {
      v: 1,
      handoffId,
      by: { name: actor.name, email: actor.email, member: member.identifier },
    };
    const reference = claimReference(handoffId, member.identifier);
    const { noteId } = await client.postNoteOnce(
      ticketId,
      {
        text: withTrailer(`${actor.name} is taking this escalation over in Baton.`, 'claim', claim),
        kind: 'internal',
      },
      { reference, ledger: input.ledger, afterNoteId: Math.max(handoffNoteId, ...since.map((n) => n.id)) },
    );

    // 3. The first live claim wins.
    const after = await client.listNotes(ticketId, { after: handoffNoteId });
    const claims = claimNotes(after, handoffId);
    const mine = claims.find((c) => c.noteId === noteId);
    if (!mine) {
      input.ledger.forget(reference);
      throw new AppError(
        'CONFLICT',
        'Your claim note is no longer on the ticket (someone removed it): try again',
      );
    }
    const verdict = winsClaim(claims, mine, owner);
    if (verdict !== true) {
      // 4b. Lost: take the claim note back and name the winner.
      await client.deleteNote(ticketId, mine.noteId).catch(() => undefined);
      input.ledger.forget(reference);
      throw alreadyClaimed(verdict);
    }
    // 4a. Won: own the ticket (and move it to the claimed status), verified by a re-fetch.
    const { verified, ticket } = await client.updateTicket(ticketId, {
      ownerIdentifier: member.identifier,
      ...(input.claimed ? { statusId: input.claimed.id } : {}),
    });
    if (!same(ticket.owner?.identifier, member.identifier))
      throw new AppError(
        'PSA_STATUS_NOT_VERIFIED',
        `ConnectWise shows the ticket owned by ${ticket.owner?.name ?? ticket.owner?.identifier ?? 'nobody'} instead of ${member.name}`,
      );
    if (!verified && input.claimed)
      throw new AppError(
        'PSA_STATUS_NOT_VERIFIED',
        `ConnectWise shows "${ticket.status.name}" (id ${ticket.status.id}) instead of "${input.claimed.name}" (id ${input.claimed.id})`,
      );
    return { ticket, lastNoteId: Math.max(noteId, ...after.map((n) => n.id)) };
  });
}
