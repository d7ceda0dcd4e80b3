// The team poll (DESIGN §6), built only on what ConnectWise is documented to do (API-NOTES):
// - one ticket query, filtered by `_info/lastUpdated` since the saved cursor, finds tickets whose own
//   fields changed: new escalations (the escalated status, open, on the watched boards — only where a
//   senior works) and changes to tickets this machine watches (imported handoffs still waiting here,
//   tickets it follows). With nothing changed it is one small request; with nothing to watch, none.
// - whether a new note moves a ticket's lastUpdated is unconfirmed, so the machines that follow a
//   ticket (the escalating technician, the claimer) read its new notes directly: one small request per
//   followed open ticket per poll, and they stop following once the ticket closes.
// - "waiting for a senior" is decided from Baton's own notes and the status (waiting-rule.ts), never
//   from the owner, since escalated tickets are usually assigned.
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { CwNote, CwTicketLite } from '../psa/connectwise/wire';
import type { Db } from '../store/database';
import { closeHandoffRow, getHandoff, openPsaHandoffs } from '../store/repos/handoffs';
import { rememberTicketBoard } from '../store/repos/ticket-boards';
import { getSessionRow, toSessionSummary } from '../store/repos/sessions';
import { getSetting, putSetting } from '../store/repos/settings';
import { listFollows, unfollowTicket } from '../store/repos/team-follows';
import { importHandoff } from './import-handoff';
import type { TeamNotes } from './team-notes';
import { noteBody, readTrailer } from './trailer';
import { waitingState } from './waiting-rule';

export const TEAM_CURSOR_KEY = 'team.cursor';
export const TEAM_POLL_SECONDS_KEY = 'team.pollSeconds';
export const TEAM_BOARDS_KEY = 'team.boardIds';
export const DEFAULT_POLL_SECONDS = 20;

interface Cursor {
  /** ConnectWise's lastUpdated (second resolution) of the newest change seen. */
  at: string;
  /**
   * Tickets handled at exactly `at` (the poll asks `>=`, so a second change within the same second
   * is not lost): when this machine first and last handled each. A ticket is settled, and skipped,
   * once it was handled again at least SETTLE_MS after it was first seen — by then its second is over.
   */
  seen: Record<string, { first: number; last: number }>;
}
const SETTLE_MS = 2_000;
/** Ids per `id in (…)`: keeps each query string well under the 2 KB some IIS front ends allow. */
const IDS_PER_QUERY = 100;
const TICKET_FIELDS =
  'id,summary,board/id,board/name,status/id,status/name,owner/identifier,owner/name,closedFlag,_info/lastUpdated';

const cwDate = (iso: string) => `[${iso}]`;
const secondAfter = (iso: string) =>
  new Date(Date.parse(iso) + 1_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const key = (t: CwTicketLite) => `${t.id}@${t._info?.lastUpdated ?? ''}`;

export interface PollResult {
  imported: string[];
  closed: string[];
  /** Requests made to ConnectWise (1 when nothing changed). */
  requests: number;
}

export function createTeamPoller(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  enqueue: (request: EnqueueRequest) => unknown;
  client: () => Promise<ConnectWiseClient>;
  escalatedStatus: () => ConnectWiseStatusRef | null;
  boardIds: () => number[];
  /** Whether someone who takes escalations works on this machine (else it only follows its own). */
  discovers: () => boolean;
  notes: TeamNotes;
  log: (message: string, err?: unknown) => void;
  /** Overrides the interval from Settings (tests). */
  intervalMs?: number;
}) {
  const { db, clock, events } = deps;
  let running: Promise<PollResult> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /**
   * The tickets changed since the cursor that this machine may care about. A senior's Baton asks for
   * every change on the watched boards (any status: a claimed, resolved or re-routed escalation must
   * leave the queue) — a handful of tickets per poll even on a busy board, and one request; before it
   * has a cursor, only the tickets escalated now. Followed tickets elsewhere are asked for by id
   * (chunked `id in`, a few per technician).
   */
  async function changedTickets(
    client: ConnectWiseClient,
    cursor: Cursor | null,
    escalated: ConnectWiseStatusRef,
    followed: number[],
  ): Promise<{ tickets: CwTicketLite[]; requests: number }> {
    const boards = deps.boardIds();
    const onBoards = boards.length ? `board/id in (${boards.join(',')})` : null;
    const groups: string[][] = [];
    if (deps.discovers()) {
      const escalatedNow = `status/id = ${escalated.id} and closedFlag = false${onBoards ? ` and ${onBoards}` : ''}`;
      // Every change on the boards once there is a cursor (no boards chosen: every board).
      groups.push([cursor ? (onBoards ?? 'id > 0') : `(${escalatedNow})`]);
    }
    const chunks: number[][] = [];
    for (let i = 0; i < followed.length; i += IDS_PER_QUERY)
      chunks.push(followed.slice(i, i + IDS_PER_QUERY));
    chunks.forEach((chunk, i) => {
      const ids = `id in (${chunk.join(',')})`;
      if (i === 0 && groups[0]) groups[0].push(ids);
      else groups.push([ids]);
    });
    const since = cursor ? ` and _info/lastUpdated >= ${cwDate(cursor.at)}` : '';
    const tickets = new Map<number, CwTicketLite>();
    for (const group of groups) {
      const found = await client.listTickets({
        conditions: `(${group.map((g) => `(${g})`).join(' or ')})${since}`,
        fields: TICKET_FIELDS,
        // Small pages keep each answer small; a quiet poll is one page either way.
        pageSize: 200,
      });
      for (const t of found) tickets.set(t.id, t);
    }
    return { tickets: [...tickets.values()], requests: groups.length };
  }

  async function pollOnce(): Promise<PollResult> {
    const result: PollResult = { imported: [], closed: [], requests: 0 };
    const escalated = deps.escalatedStatus();
    if (!escalated) return result;
    const cursor = getSetting<Cursor>(db, TEAM_CURSOR_KEY) ?? null;
    const waitingHere = openPsaHandoffs(db);
    const follows = listFollows(db);
    // Imported handoffs are on the watched boards; a senior's query sees their changes already.
    const byId = [
      ...new Set([
        ...follows.map((f) => f.ticketId),
        ...(deps.discovers() ? [] : waitingHere.map((h) => h.ticketId!)),
      ]),
    ];
    if (!deps.discovers() && byId.length === 0) return result;

    const client = await deps.client();
    const { tickets, requests } = await changedTickets(client, cursor, escalated, byId);
    result.requests += requests;
    const now = clock.now();
    const settled = (t: CwTicketLite) => {
      const seen = cursor?.seen[key(t)];
      return seen !== undefined && seen.last - seen.first >= SETTLE_MS;
    };
    const fresh = new Map(tickets.filter((t) => !settled(t)).map((t) => [t.id, t]));

    const boards = deps.boardIds();
    for (const ticket of fresh.values()) {
      const mine = waitingHere.filter((h) => h.ticketId === ticket.id);
      const candidate =
        deps.discovers() &&
        ticket.status?.id === escalated.id &&
        !ticket.closedFlag &&
        (boards.length === 0 || boards.includes(ticket.board?.id ?? -1)) &&
        mine.length === 0;
      if (mine.length === 0 && !candidate) continue;
      if (ticket.board) rememberTicketBoard(db, ticket.id, ticket.board, now);
      // Every note from the handoff note on: since the one this machine imported, or (a new escalation)
      // newest first until the newest handoff note.
      const oldest = Math.min(...mine.map((h) => h.psaNoteId ?? 0));
      const notes: CwNote[] =
        mine.length > 0
          ? await client.listNotes(ticket.id, { after: oldest - 1 })
          : await client.readNotesBackwards(ticket.id, (read) =>
              read.some((n) => readTrailer(n.text, 'handoff') !== null),
            );
      result.requests++;
      const state = waitingState(
        {
          closed: ticket.closedFlag === true,
          statusId: ticket.status?.id ?? null,
          owner: ticket.owner?.identifier ?? null,
        },
        escalated.id,
        notes,
      );
      const waitingId = state.kind === 'waiting' ? state.handoff.trailer.handoffId : null;
      for (const handoff of mine) {
        // Claimed, no longer escalated, closed, or escalated again: it leaves this queue.
        if (handoff.id !== waitingId && closeHandoffRow(db, handoff.id, now)) {
          result.closed.push(handoff.id);
          events.emit('handoff_closed', { id: handoff.id, sessionId: handoff.sessionId });
        }
      }
      if (state.kind === 'waiting' && !mine.some((h) => h.id === waitingId)) {
        const { handoff } = state;
        const isNew = importHandoff(
          db,
          deps.enqueue,
          {
            ticketId: ticket.id,
            noteId: handoff.noteId,
            noteCreatedAt: handoff.at || now,
            packageText: noteBody(handoff.text),
            trailer: handoff.trailer,
          },
          now,
        );
        if (isNew) {
          result.imported.push(handoff.trailer.handoffId);
          // Announced as each lands (not all at the end): a first poll of hundreds never holds main.
          announceImport(handoff.trailer.handoffId);
        }
      }
    }

    for (const follow of follows) {
      const ticket = fresh.get(follow.ticketId);
      result.requests += await deps.notes.sync(client, follow, ticket);
      // The conversation ends with the ticket: its last notes were read just now.
      if (ticket?.closedFlag) unfollowTicket(db, follow.handoffId);
    }

    const newest = tickets.reduce<string | null>((max, t) => {
      const at = t._info?.lastUpdated;
      return at && (!max || at > max) ? at : max;
    }, null);
    if (newest) {
      const seen: Cursor['seen'] = {};
      for (const t of tickets.filter((x) => x._info?.lastUpdated === newest)) {
        const before = cursor?.at === newest ? cursor.seen[key(t)] : undefined;
        seen[key(t)] = { first: before?.first ?? now, last: now };
      }
      // Everything in that second settled: the next poll starts after it, so a quiet poll is empty.
      const allSettled = Object.values(seen).every((x) => x.last - x.first >= SETTLE_MS);
      const next: Cursor = allSettled ? { at: secondAfter(newest), seen: {} } : { at: newest, seen };
      putSetting(db, TEAM_CURSOR_KEY, next, clock.now(), null);
    }
    return result;
  }

  function announceImport(id: string) {
    const handoff = getHandoff(db, id, '');
    if (!handoff) return;
    const session = getSessionRow(db, handoff.sessionId);
    if (session) events.emit('session_created', toSessionSummary(session));
    events.emit('handoff_created', handoff);
  }

  /** One poll at a time; a poll asked for while one runs gets that one's result. */
  function poll(): Promise<PollResult> {
    running ??= pollOnce().finally(() => (running = null));
    return running;
  }

  const intervalMs = () =>
    deps.intervalMs ??
    Math.max(5, getSetting<number>(db, TEAM_POLL_SECONDS_KEY) ?? DEFAULT_POLL_SECONDS) * 1_000;

  // A short tick that polls when due: a new interval (or a mapping saved just now) applies within a second.
  let lastPoll = 0;
  function schedule() {
    timer = setTimeout(
      () => {
        const due = Date.now() - lastPoll >= intervalMs();
        const next = due && deps.escalatedStatus() ? ((lastPoll = Date.now()), poll()) : Promise.resolve();
        next.catch((err: unknown) => deps.log('team poll failed', err)).finally(() => timer && schedule());
      },
      Math.min(1_000, intervalMs()),
    );
    timer.unref();
  }

  return {
    poll,
    start() {
      if (timer) return;
      schedule();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type TeamPoller = ReturnType<typeof createTeamPoller>;
