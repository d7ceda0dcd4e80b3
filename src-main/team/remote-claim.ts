// Claiming a handoff across machines without a server-side compare-and-set (DESIGN §6):
//   1. re-read the ticket: an owner other than me, or no longer escalated → ALREADY_CLAIMED;
//   2. post an internal note with a claim trailer naming me;
//   3. read the ticket's claim notes in id order (ConnectWise assigns ids in commit order): the first
//      live one wins;
//   4. the winner sets the owner (and the claimed status), verified by a re-fetch; a loser removes
//      its claim note and answers ALREADY_CLAIMED naming the winner.
// The crash rule: a claim note older than CLAIM_TTL_MS whose claimer never became the owner is
// stale and skipped, so a claimer that died between steps 2 and 4 blocks the ticket for at most that long.
import type { User } from '../../src-preload/contract';
import { AppError } from '../errors';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import { interactive } from '../psa/connectwise/errors';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { CwNote, CwTicket } from '../psa/connectwise/wire';
import type { ClaimTrailer } from './trailer';
import { readTrailer, trailerTag, withTrailer } from './trailer';

export const CLAIM_TTL_MS = 2 * 60_000;

export interface PsaMember {
  identifier: string;
  name: string;
}

const claimReference = (handoffId: string, member: string) => `baton-team:claim:${handoffId}:${member}`;
const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
const createdAt = (note: CwNote) => (note.dateCreated ? Date.parse(note.dateCreated) : 0);

function alreadyClaimed(name: string, at: number | null): AppError {
  return new AppError('ALREADY_CLAIMED', `Already claimed by ${name}`, {
    claimedById: null,
    claimedByName: name,
    claimedAt: at,
  });
}

export async function claimThroughTicket(input: {
  client: ConnectWiseClient;
  actor: User;
  member: PsaMember;
  handoffId: string;
  ticketId: number;
  escalated: ConnectWiseStatusRef | null;
  claimed: ConnectWiseStatusRef | null;
}): Promise<{ ticket: CwTicket }> {
  const { client, actor, member, handoffId, ticketId } = input;
  return interactive(async () => {
    // 1. Is it still up for grabs?
    const before = await client.getTicket(ticketId);
    const lastUpdated = before._info?.lastUpdated ? Date.parse(before._info.lastUpdated) : null;
    if (before.owner && !same(before.owner.identifier, member.identifier))
      throw alreadyClaimed(before.owner.name ?? before.owner.identifier, lastUpdated);
    if (before.owner) return { ticket: before }; // mine already: claiming again is idempotent
    if (before.closedFlag || (input.escalated && before.status.id !== input.escalated.id))
      throw new AppError('ALREADY_CLAIMED', `No longer waiting: ConnectWise shows "${before.status.name}"`, {
        claimedById: null,
        claimedByName: null,
        claimedAt: lastUpdated,
      });

    // 2. Say so on the ticket.
    const claim: ClaimTrailer = {
      v: 1,
      handoffId,
      by: { name: actor.name, email: actor.email, member: member.identifier },
    };
    const { note: mine } = await client.postNoteOnce(
      ticketId,
      {
        text: withTrailer(`${actor.name} is taking this escalation over in Baton.`, 'claim', claim),
        kind: 'internal',
      },
      claimReference(handoffId, member.identifier),
    );

    // 3. The first live claim wins.
    const notes = await client.listNotes(ticketId, { conditions: `text contains "${trailerTag('claim')}"` });
    const claims = notes
      .map((note) => ({ note, trailer: readTrailer(note.text, 'claim') }))
      .filter((c): c is { note: CwNote; trailer: ClaimTrailer } => c.trailer?.handoffId === handoffId)
      .sort((a, b) => a.note.id - b.note.id);
    const myTime = createdAt(mine);
    const live = claims.filter((c) => c.note.id === mine.id || myTime - createdAt(c.note) <= CLAIM_TTL_MS);
    const winner = live[0];
    if (!winner || winner.note.id !== mine.id) {
      // 4b. Lost: take the claim note back and name the winner.
      await client.deleteNote(ticketId, mine.id).catch(() => undefined);
      throw alreadyClaimed(winner?.trailer.by.name ?? 'someone else', winner ? createdAt(winner.note) : null);
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
    return { ticket };
  });
}
