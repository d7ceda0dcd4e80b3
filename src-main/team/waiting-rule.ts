// "Waiting for a senior" (DESIGN §6), decided only from what Baton itself writes on a ticket — the
// handoff trailer, the claim notes — and the ticket's status, never from the owner being empty:
// escalated tickets are usually still assigned, often to the technician who escalated them.
//
//   A ticket is waiting for a senior when it is open, in the escalated status, and the newest handoff
//   note on it has no winning claim.
//   A claim wins when its claimer became the ticket's owner and no earlier claim note of the same
//   handoff was still live when it was posted (the crash rule: a claim note more than CLAIM_TTL_MS older
//   than a later one, whose claimer did not become the owner, is stale and skipped).
//
// The claim protocol (remote-claim.ts) and every observer — the seniors' queues, the escalating
// technician, the claimer — use these same functions.
import type { CwNote } from '../psa/connectwise/wire';
import type { ClaimTrailer, HandoffTrailer } from './trailer';
import { readTrailer } from './trailer';

export const CLAIM_TTL_MS = 2 * 60_000;

export interface ClaimNote {
  noteId: number;
  at: number;
  trailer: ClaimTrailer;
}

export interface HandoffNote {
  noteId: number;
  at: number;
  trailer: HandoffTrailer;
  text: string;
}

export const noteTime = (note: CwNote) => (note.dateCreated ? Date.parse(note.dateCreated) : 0);

const sameMember = (a: string | undefined | null, b: string | undefined | null) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** The claim notes of one handoff, in id order (ConnectWise numbers notes in commit order). */
export function claimNotes(notes: readonly CwNote[], handoffId: string): ClaimNote[] {
  return notes
    .flatMap((note) => {
      const trailer = readTrailer(note.text, 'claim');
      return trailer?.handoffId === handoffId ? [{ noteId: note.id, at: noteTime(note), trailer }] : [];
    })
    .sort((a, b) => a.noteId - b.noteId);
}

/** The newest handoff note among `notes`, or null. */
export function newestHandoffNote(notes: readonly CwNote[]): HandoffNote | null {
  let newest: HandoffNote | null = null;
  for (const note of notes) {
    const trailer = readTrailer(note.text, 'handoff');
    if (trailer && (!newest || note.id > newest.noteId))
      newest = { noteId: note.id, at: noteTime(note), trailer, text: note.text };
  }
  return newest;
}

/** Whether the claim `mine` wins: every earlier claim is stale by its time and never became the owner. */
export function winsClaim(
  claims: readonly ClaimNote[],
  mine: ClaimNote,
  owner: string | null,
): ClaimNote | true {
  for (const earlier of claims) {
    if (earlier.noteId >= mine.noteId) break;
    if (sameMember(earlier.trailer.by.member, owner)) return earlier;
    if (mine.at - earlier.at <= CLAIM_TTL_MS) return earlier;
  }
  return true;
}

/**
 * The claim that won, as an observer sees it: the first claim whose claimer owns the ticket, unless an
 * earlier claim is still deciding (not the owner, and nobody claimed after it went stale). Null while
 * nobody has won yet.
 */
export function claimWinner(claims: readonly ClaimNote[], owner: string | null): ClaimNote | null {
  for (const [i, claim] of claims.entries()) {
    if (sameMember(claim.trailer.by.member, owner)) return claim;
    const staleForLater = claims.slice(i + 1).some((later) => later.at - claim.at > CLAIM_TTL_MS);
    if (!staleForLater) return null;
  }
  return null;
}

export interface TicketFacts {
  closed: boolean;
  statusId: number | null;
  owner: string | null;
}

export type WaitingState =
  | { kind: 'none' }
  | { kind: 'waiting'; handoff: HandoffNote }
  | { kind: 'claimed'; handoff: HandoffNote; winner: ClaimNote }
  | { kind: 'not-waiting'; handoff: HandoffNote };

/**
 * The ticket's state for the team, from its facts and its notes (at least every note from its newest
 * handoff note on).
 */
export function waitingState(
  ticket: TicketFacts,
  escalatedStatusId: number,
  notes: readonly CwNote[],
): WaitingState {
  const handoff = newestHandoffNote(notes);
  if (!handoff) return { kind: 'none' };
  const winner = claimWinner(
    claimNotes(
      notes.filter((n) => n.id > handoff.noteId),
      handoff.trailer.handoffId,
    ),
    ticket.owner,
  );
  if (winner) return { kind: 'claimed', handoff, winner };
  if (ticket.closed || ticket.statusId !== escalatedStatusId) return { kind: 'not-waiting', handoff };
  return { kind: 'waiting', handoff };
}
