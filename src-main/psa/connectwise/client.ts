// ConnectWise Manage, the calls Baton makes (DESIGN §3 Posting, §6): tickets, notes, the verified
// status/owner change, boards and statuses for Settings, members for the PSA member mapping.
import { AppError } from '../../errors';
import { cwString } from './config';
import { explain } from './errors';
import type { CwTransportOptions } from './transport';
import { createCwTransport } from './transport';
import type { CwBoard, CwBoardStatus, CwMember, CwNote, CwTicket, CwTicketLite } from './wire';
import {
  CwBoardSchema,
  CwBoardStatusSchema,
  CwMemberSchema,
  CwNoteSchema,
  CwSystemInfoSchema,
  CwTicketLiteSchema,
  CwTicketSchema,
} from './wire';

/** resolution: the customer-visible resolution note; internal: internal analysis (handoffs, claims, chat). */
export type NoteKind = 'resolution' | 'internal';

export interface TicketChanges {
  statusId?: number;
  ownerId?: number;
  ownerIdentifier?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}

export interface ConnectWiseClientOptions extends CwTransportOptions {
  /** Page size for collections (CW default 25, max 1000). */
  pageSize?: number;
}

/** Where a write to ConnectWise is recorded before it is sent (store/repos/psa-note-writes.ts). */
export interface NoteLedger {
  get(reference: string): { afterNoteId: number; noteId: number | null } | undefined;
  begin(reference: string, ticketId: number, afterNoteId: number): void;
  done(reference: string, noteId: number): void;
}

/** Whitespace ConnectWise may change (line endings, trailing spaces) does not make another note. */
const normalized = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

/** The note an earlier attempt of this post left on the ticket: the same text, posted as the same kind. */
function samePost(note: CwNote, input: { text: string; kind: NoteKind }): boolean {
  const flagged = input.kind === 'resolution' ? note.resolutionFlag : note.internalAnalysisFlag;
  return flagged === true && normalized(note.text) === normalized(input.text);
}

const noteFlags = (kind: NoteKind) => ({
  detailDescriptionFlag: false,
  internalAnalysisFlag: kind === 'internal',
  resolutionFlag: kind === 'resolution',
});

export function createConnectWiseClient(options: ConnectWiseClientOptions) {
  const cw = createCwTransport(options);
  const pageSize = options.pageSize ?? 100;
  const ticketPath = (id: number) => `/service/tickets/${id}`;

  const getTicket = (id: number): Promise<CwTicket> =>
    cw.request('GET', ticketPath(id), CwTicketSchema, 'ticket');

  /** Tickets matching `conditions`, every page, only the given `fields` (small answers for polling). */
  function listTickets(opts: {
    conditions: string;
    fields: string;
    pageSize?: number;
  }): Promise<CwTicketLite[]> {
    return cw.list('/service/tickets', CwTicketLiteSchema, 'ticket list', {
      conditions: opts.conditions,
      fields: opts.fields,
      orderBy: 'id asc',
      pageSize: opts.pageSize ?? 1_000,
    });
  }

  /**
   * The ticket's notes (every page), oldest first; `after`: only notes with a greater id (ConnectWise
   * numbers notes in commit order), which is how a follower reads what is new on a ticket.
   */
  function listNotes(ticketId: number, opts: { after?: number; pageSize?: number } = {}): Promise<CwNote[]> {
    return cw.list(`${ticketPath(ticketId)}/notes`, CwNoteSchema, 'note list', {
      conditions: opts.after !== undefined ? `id > ${opts.after}` : undefined,
      orderBy: 'id asc',
      pageSize: opts.pageSize ?? pageSize,
    });
  }

  /**
   * Notes newest first, a page at a time, until `enough` says the notes read so far suffice (e.g. the
   * newest handoff note was found): most tickets answer in one small page however long their history.
   */
  async function readNotesBackwards(
    ticketId: number,
    enough: (notesSoFar: readonly CwNote[]) => boolean,
    opts: { pageSize?: number } = {},
  ): Promise<CwNote[]> {
    const notes: CwNote[] = [];
    const pages = cw.pages(`${ticketPath(ticketId)}/notes`, CwNoteSchema, 'note list', {
      orderBy: 'id desc',
      pageSize: opts.pageSize ?? 25,
    });
    for await (const page of pages) {
      notes.push(...page);
      if (enough(notes)) break;
    }
    return notes;
  }

  function postNote(
    ticketId: number,
    input: { text: string; kind: NoteKind; notify?: boolean },
  ): Promise<CwNote> {
    return cw.request('POST', `${ticketPath(ticketId)}/notes`, CwNoteSchema, 'note', {
      json: {
        text: input.text,
        ...noteFlags(input.kind),
        customerUpdatedFlag: false,
        // CW may e-mail the contact/resources about a new note: only when the caller asks for it.
        processNotifications: input.notify ?? false,
      },
    });
  }

  /**
   * Posts the note unless an earlier attempt already did (a lost answer, a crash): the write is recorded
   * in `ledger` before the POST, and a retry looks for the note among the ticket's notes newer than the
   * recorded `afterNoteId`, by its exact text and kind. Nothing is added to the text for this, so a
   * customer-visible note carries only what the technician approved.
   */
  async function postNoteOnce(
    ticketId: number,
    input: { text: string; kind: NoteKind; notify?: boolean },
    write: { reference: string; ledger: NoteLedger; afterNoteId?: number },
  ): Promise<{ noteId: number; note: CwNote | null; alreadyPosted: boolean }> {
    const { ledger, reference } = write;
    const earlier = ledger.get(reference);
    if (earlier?.noteId != null) return { noteId: earlier.noteId, note: null, alreadyPosted: true };
    if (earlier) {
      const found = (await listNotes(ticketId, { after: earlier.afterNoteId })).find((note) =>
        samePost(note, input),
      );
      if (found) {
        ledger.done(reference, found.id);
        return { noteId: found.id, note: found, alreadyPosted: true };
      }
    } else ledger.begin(reference, ticketId, write.afterNoteId ?? 0);
    const note = await postNote(ticketId, input);
    ledger.done(reference, note.id);
    return { noteId: note.id, note, alreadyPosted: false };
  }

  async function deleteNote(ticketId: number, noteId: number): Promise<void> {
    await cw.send('DELETE', `${ticketPath(ticketId)}/notes/${noteId}`);
  }

  /**
   * PATCH, then read the ticket back: workflow rules may change a status after the write, so only the
   * re-fetched ticket says whether the change stuck. The caller decides what an unverified change means.
   */
  async function updateTicket(
    id: number,
    changes: TicketChanges,
  ): Promise<{ verified: boolean; ticket: CwTicket; patched: CwTicket }> {
    const ops: { op: 'replace'; path: string; value: number | Record<string, number | string> }[] = [];
    if (changes.statusId !== undefined)
      ops.push({ op: 'replace', path: 'status/id', value: changes.statusId });
    // The documented form (API-NOTES): `owner` with {id} or {identifier}; `owner/identifier` as a path
    // is unconfirmed.
    if (changes.ownerId !== undefined)
      ops.push({ op: 'replace', path: 'owner', value: { id: changes.ownerId } });
    else if (changes.ownerIdentifier !== undefined) {
      ops.push({ op: 'replace', path: 'owner', value: { identifier: changes.ownerIdentifier } });
    }
    if (ops.length === 0) throw new AppError('VALIDATION', 'Nothing to change on the ticket');
    const patched = await cw.request('PATCH', ticketPath(id), CwTicketSchema, 'ticket', { json: ops });
    const ticket = await getTicket(id);
    const verified =
      (changes.statusId === undefined || ticket.status.id === changes.statusId) &&
      (changes.ownerId === undefined || ticket.owner?.id === changes.ownerId) &&
      (changes.ownerId !== undefined ||
        changes.ownerIdentifier === undefined ||
        ticket.owner?.identifier.toLowerCase() === changes.ownerIdentifier.toLowerCase());
    return { verified, ticket, patched };
  }

  /** Sets the status and verifies it; throws PSA_STATUS_NOT_VERIFIED naming what CW shows instead. */
  async function changeStatusVerified(
    ticketId: number,
    statusId: number,
    opts: { expectedName?: string } = {},
  ): Promise<CwTicket> {
    const { verified, ticket, patched } = await updateTicket(ticketId, { statusId });
    if (verified) return ticket;
    const expectedName =
      opts.expectedName ??
      (patched.status.id === statusId ? patched.status.name : await statusName(ticket.board.id, statusId));
    const expected = { id: statusId, name: expectedName };
    const actual = { id: ticket.status.id, name: ticket.status.name };
    throw new AppError(
      'PSA_STATUS_NOT_VERIFIED',
      `ConnectWise shows "${actual.name}" (id ${actual.id}) instead of ` +
        `${expected.name ? `"${expected.name}" ` : 'status '}(id ${expected.id})`,
      { ticketId, expected, actual },
    );
  }

  /** Best effort, for a message only. */
  async function statusName(boardId: number, statusId: number): Promise<string | null> {
    try {
      return (await listBoardStatuses(boardId)).find((s) => s.id === statusId)?.name ?? null;
    } catch {
      return null;
    }
  }

  const listBoards = (): Promise<CwBoard[]> =>
    cw.list('/service/boards', CwBoardSchema, 'board list', { orderBy: 'id asc', pageSize });

  const getBoard = (id: number): Promise<CwBoard> =>
    cw.request('GET', `/service/boards/${id}`, CwBoardSchema, 'board');

  /** A board's statuses in the board's own order (sortOrder, then id). */
  async function listBoardStatuses(boardId: number): Promise<CwBoardStatus[]> {
    const statuses = await cw.list(
      `/service/boards/${boardId}/statuses`,
      CwBoardStatusSchema,
      'status list',
      {
        orderBy: 'id asc',
        pageSize,
      },
    );
    return statuses.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.id - b.id);
  }

  /** The member whose office e-mail this is (active ones first), or null. */
  async function findMemberByEmail(email: string): Promise<CwMember | null> {
    const members = await cw.list('/system/members', CwMemberSchema, 'member list', {
      conditions: `officeEmail = ${cwString(email.trim())}`,
      orderBy: 'id asc',
      pageSize,
    });
    return members.find((m) => !m.inactiveFlag) ?? members[0] ?? null;
  }

  /** Every member, for Settings → ConnectWise → People (active ones; CW keeps departed staff inactive). */
  async function listMembers(): Promise<CwMember[]> {
    const members = await cw.list('/system/members', CwMemberSchema, 'member list', {
      conditions: 'inactiveFlag = false',
      orderBy: 'id asc',
      pageSize: 1_000,
    });
    return members;
  }

  /** companyinfo (when the codebase is not set) and one authenticated call; never throws. */
  async function testConnection(): Promise<ConnectionTestResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const codebase = await cw.codebase();
      const info = await cw.request('GET', '/system/info', CwSystemInfoSchema, 'system info');
      const latencyMs = elapsed();
      const version = info.version ? ` ${info.version}` : '';
      return {
        ok: true,
        message: `Connected to ConnectWise${version} at ${new URL(cw.origin).host} (company ${options.connection.companyId}, ${codebase}) in ${latencyMs} ms`,
        latencyMs,
      };
    } catch (err) {
      return { ok: false, message: explain(err), latencyMs: elapsed() };
    }
  }

  return {
    /** The API base once the codebase is known, e.g. https://site/v4_6_release/apis/3.0. */
    apiBase: cw.apiBase,
    getTicket,
    listTickets,
    listNotes,
    readNotesBackwards,
    postNote,
    postNoteOnce,
    deleteNote,
    updateTicket,
    changeStatusVerified,
    listBoards,
    getBoard,
    listBoardStatuses,
    findMemberByEmail,
    listMembers,
    testConnection,
  };
}

export type ConnectWiseClient = ReturnType<typeof createConnectWiseClient>;

export { explain } from './errors';
