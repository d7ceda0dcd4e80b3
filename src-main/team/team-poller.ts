// The team poll (DESIGN §6): one request asks ConnectWise for the tickets changed since the saved
// cursor that are either in the escalated status (new escalations to import) or followed here
// (imported ones that may have been claimed elsewhere, our own escalations, team conversations).
// With nothing new that is the whole poll: one small request. Only changed tickets cost more.
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { CwTicketLite } from '../psa/connectwise/wire';
import type { Db } from '../store/database';
import { closeHandoffRow, getHandoff, openPsaHandoffs } from '../store/repos/handoffs';
import { rememberTicketBoard } from '../store/repos/ticket-boards';
import { getSessionRow, toSessionSummary } from '../store/repos/sessions';
import { getSetting, putSetting } from '../store/repos/settings';
import { listFollows } from '../store/repos/team-follows';
import { importHandoff } from './import-handoff';
import type { TeamNotes } from './team-notes';
import { noteBody, readTrailer, trailerTag } from './trailer';

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
  notes: TeamNotes;
  log: (message: string, err?: unknown) => void;
  /** Overrides the interval from Settings (tests). */
  intervalMs?: number;
}) {
  const { db, clock, events } = deps;
  let running: Promise<PollResult> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function pollOnce(): Promise<PollResult> {
    const result: PollResult = { imported: [], closed: [], requests: 0 };
    const escalated = deps.escalatedStatus();
    if (!escalated) return result;
    const client = await deps.client();
    const cursor = getSetting<Cursor>(db, TEAM_CURSOR_KEY) ?? null;
    const imported = new Map(openPsaHandoffs(db).map((h) => [h.ticketId!, h]));
    const follows = listFollows(db);
    const watched = [...new Set([...imported.keys(), ...follows.map((f) => f.ticketId)])];
    const boards = deps.boardIds();
    const escalatedHere = `status/id = ${escalated.id} and closedFlag = false${boards.length ? ` and board/id in (${boards.join(',')})` : ''}`;
    const which = watched.length
      ? `((${escalatedHere}) or id in (${watched.join(',')}))`
      : `(${escalatedHere})`;
    const tickets = await client.listTickets({
      conditions: cursor ? `${which} and lastUpdated >= ${cwDate(cursor.at)}` : which,
      fields:
        'id,summary,status/id,status/name,board/id,board/name,owner/identifier,owner/name,closedFlag,_info/lastUpdated',
      // Small pages keep each answer small; a quiet poll is one page either way.
      pageSize: 200,
    });
    result.requests++;
    const now = clock.now();
    const settled = (t: CwTicketLite) => {
      const seen = cursor?.seen[key(t)];
      return seen !== undefined && seen.last - seen.first >= SETTLE_MS;
    };
    const fresh = tickets.filter((t) => !settled(t));

    for (const ticket of fresh) {
      if (ticket.board) rememberTicketBoard(db, ticket.id, ticket.board, now);
      const stillEscalated = ticket.status?.id === escalated.id && !ticket.closedFlag && !ticket.owner;
      const mine = imported.get(ticket.id);
      if (mine && !stillEscalated) {
        // Claimed or closed elsewhere: it leaves this queue.
        if (closeHandoffRow(db, mine.id, clock.now())) {
          result.closed.push(mine.id);
          events.emit('handoff_closed', { id: mine.id, sessionId: mine.sessionId });
        }
      }
      if (stillEscalated && !mine) {
        result.requests++;
        const id = await importFrom(client, ticket.id);
        if (id) result.imported.push(id);
      }
      const followed = follows.filter((f) => f.ticketId === ticket.id);
      if (followed.length) result.requests += await deps.notes.sync(client, ticket, followed);
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
    for (const id of result.imported) {
      const handoff = getHandoff(db, id, '');
      if (!handoff) continue;
      const session = getSessionRow(db, handoff.sessionId);
      if (session) events.emit('session_created', toSessionSummary(session));
      events.emit('handoff_created', handoff);
    }
    return result;
  }

  /** Reads the ticket's newest handoff note and imports it; the handoff id, or null. */
  async function importFrom(client: ConnectWiseClient, ticketId: number): Promise<string | null> {
    const notes = await client.listNotes(ticketId, {
      conditions: `text contains "${trailerTag('handoff')}"`,
    });
    for (const note of [...notes].reverse()) {
      const trailer = readTrailer(note.text, 'handoff');
      if (!trailer) continue;
      const created = note.dateCreated ? Date.parse(note.dateCreated) : clock.now();
      const isNew = importHandoff(
        db,
        deps.enqueue,
        { ticketId, noteId: note.id, noteCreatedAt: created, packageText: noteBody(note.text), trailer },
        clock.now(),
      );
      return isNew ? trailer.handoffId : null;
    }
    return null;
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
