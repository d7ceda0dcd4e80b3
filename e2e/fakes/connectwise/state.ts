// In-memory ConnectWise data: tickets, notes (ids in commit order), boards with their statuses, members
// and the workflow rules that may move a ticket's status after a PATCH.
import type {
  BoardSeed,
  CwBoard,
  CwBoardStatus,
  CwMember,
  CwMemberRef,
  CwNote,
  CwTicket,
  MemberSeed,
  NoteSeed,
  TicketSeed,
  WorkflowRule,
} from './types';
import { cwTimestamp } from './types';

export const DEFAULT_BOARD = { id: 1, name: 'Service Board' };
export const DEFAULT_STATUS = { id: 1, name: 'New' };
/** The default board's statuses. Status ids are global in CW (unique across boards). */
export const DEFAULT_BOARDS: BoardSeed[] = [
  {
    ...DEFAULT_BOARD,
    statuses: [
      { id: 1, name: 'New', sortOrder: 0, defaultFlag: true, escalationStatus: 'NotResponded' },
      { id: 5, name: 'In Progress', sortOrder: 1, escalationStatus: 'Responded' },
      { id: 7, name: 'Escalated', sortOrder: 2, escalationStatus: 'Responded' },
      { id: 8, name: 'Assigned', sortOrder: 3, escalationStatus: 'Responded' },
      { id: 9, name: 'Resolved', sortOrder: 4, closedStatus: true, escalationStatus: 'Resolved' },
      { id: 10, name: 'Closed', sortOrder: 5, closedStatus: true, escalationStatus: 'Resolved' },
      { id: 11, name: 'Waiting (retired)', sortOrder: 6, inactive: true },
    ],
  },
];
/** Note ids start far from ticket ids so a client mixing them up is caught. */
export const FIRST_NOTE_ID = 9001;

interface ActiveRule {
  rule: WorkflowRule;
  remaining: number;
}

export class CwState {
  private readonly tickets = new Map<number, CwTicket>();
  private readonly noteList: CwNote[] = [];
  private readonly boardMap = new Map<number, { board: CwBoard; statuses: CwBoardStatus[] }>();
  private readonly memberMap = new Map<number, CwMember>();
  private rules: ActiveRule[] = [];
  private nextTicketId = 1;
  private nextNoteId = FIRST_NOTE_ID;
  /**
   * Whether a note write moves its ticket's `_info.lastUpdated`. Unconfirmed for the real ConnectWise
   * (API-NOTES), so by default it does not: Baton must read a followed ticket's notes directly.
   */
  notesMoveTicket = false;

  constructor(
    private readonly now: () => Date,
    readonly apiMember: CwMemberRef,
  ) {
    this.addMember({ ...apiMember, firstName: 'Baton', lastName: 'API', licenseClass: 'A' });
  }

  timestamp(): string {
    return cwTimestamp(this.now());
  }

  private info() {
    return { lastUpdated: this.timestamp(), updatedBy: this.apiMember.identifier };
  }

  /** A write to the ticket itself (PATCH) moves its _info.lastUpdated. */
  touch(ticket: CwTicket): void {
    ticket._info.lastUpdated = this.timestamp();
    ticket._info.updatedBy = this.apiMember.identifier;
  }

  addTicket(seed: TicketSeed = {}): CwTicket {
    const id = seed.id ?? this.nextTicketId;
    if (this.tickets.has(id)) throw new Error(`ticket ${id} already exists`);
    this.nextTicketId = Math.max(this.nextTicketId, id + 1);
    const at = this.timestamp();
    const by = this.apiMember.identifier;
    const ticket: CwTicket = {
      ...seed.extra,
      id,
      summary: seed.summary ?? `Ticket ${id}`,
      status: { ...(seed.status ?? DEFAULT_STATUS) },
      board: { ...(seed.board ?? DEFAULT_BOARD) },
      closedFlag: seed.closedFlag ?? false,
      _info: { lastUpdated: at, updatedBy: by, dateEntered: at, enteredBy: by },
    };
    if (seed.owner) ticket.owner = { ...seed.owner };
    if (seed.closedDate ?? ticket.closedFlag) ticket.closedDate = seed.closedDate ?? at;
    this.tickets.set(id, ticket);
    return structuredClone(ticket);
  }

  /** The live ticket (route handlers mutate it); seeding helpers hand out copies. */
  ticketRecord(id: number): CwTicket | undefined {
    return this.tickets.get(id);
  }

  allTickets(): CwTicket[] {
    return [...this.tickets.values()];
  }

  /** Sets the status; closedFlag/closedDate follow the status's closedStatus on the ticket's board. */
  setStatus(ticket: CwTicket, statusId: number): void {
    const status = this.boardStatus(ticket.board.id, statusId);
    if (!status) throw new Error(`status ${statusId} is not on board ${ticket.board.id}`);
    ticket.status = { id: status.id, name: status.name };
    if (status.closedStatus && !ticket.closedFlag) ticket.closedDate = this.timestamp();
    if (!status.closedStatus) delete ticket.closedDate;
    ticket.closedFlag = status.closedStatus;
  }

  /** Commits a note (ids in commit order, global across tickets). The ticket must exist. */
  addNote(ticketId: number, seed: NoteSeed): CwNote {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) throw new Error(`ticket ${ticketId} does not exist`);
    const member = seed.member ?? this.apiMember;
    const at = seed.dateCreated ?? this.timestamp();
    const note: CwNote = {
      id: this.nextNoteId++,
      ticketId,
      text: seed.text,
      detailDescriptionFlag: seed.detailDescriptionFlag ?? false,
      internalAnalysisFlag: seed.internalAnalysisFlag ?? false,
      resolutionFlag: seed.resolutionFlag ?? false,
      customerUpdatedFlag: seed.customerUpdatedFlag ?? false,
      dateCreated: at,
      createdBy: member.identifier,
      member: { ...member },
      _info: { lastUpdated: at, updatedBy: member.identifier },
    };
    this.noteList.push(note);
    if (this.notesMoveTicket) this.touch(ticket);
    return structuredClone(note);
  }

  notesFor(ticketId: number): CwNote[] {
    return this.noteList.filter((note) => note.ticketId === ticketId);
  }

  /** Removes a note; false when the ticket has no such note. */
  deleteNote(ticketId: number, noteId: number): boolean {
    const index = this.noteList.findIndex((n) => n.ticketId === ticketId && n.id === noteId);
    if (index < 0) return false;
    this.noteList.splice(index, 1);
    const ticket = this.tickets.get(ticketId);
    if (ticket && this.notesMoveTicket) this.touch(ticket);
    return true;
  }

  addBoard(seed: BoardSeed): CwBoard {
    if (this.boardMap.has(seed.id)) throw new Error(`board ${seed.id} already exists`);
    for (const status of seed.statuses) {
      if (this.statusById(status.id)) throw new Error(`status ${status.id} already exists on a board`);
    }
    const board: CwBoard = {
      id: seed.id,
      name: seed.name,
      inactiveFlag: seed.inactiveFlag ?? false,
      projectFlag: false,
      _info: this.info(),
    };
    const statuses = seed.statuses.map((s, index): CwBoardStatus => ({
      id: s.id,
      name: s.name,
      board: { id: seed.id, name: seed.name },
      sortOrder: s.sortOrder ?? index,
      closedStatus: s.closedStatus ?? false,
      inactive: s.inactive ?? false,
      defaultFlag: s.defaultFlag ?? false,
      escalationStatus: s.escalationStatus ?? 'NoEscalation',
      _info: this.info(),
    }));
    this.boardMap.set(seed.id, { board, statuses });
    return structuredClone(board);
  }

  boards(): CwBoard[] {
    return [...this.boardMap.values()].map((b) => b.board);
  }
  board(id: number): CwBoard | undefined {
    return this.boardMap.get(id)?.board;
  }
  /** Undefined when the board does not exist. */
  boardStatuses(boardId: number): CwBoardStatus[] | undefined {
    return this.boardMap.get(boardId)?.statuses;
  }
  boardStatus(boardId: number, statusId: number): CwBoardStatus | undefined {
    return this.boardMap.get(boardId)?.statuses.find((s) => s.id === statusId);
  }
  private statusById(statusId: number): CwBoardStatus | undefined {
    for (const { statuses } of this.boardMap.values()) {
      const found = statuses.find((s) => s.id === statusId);
      if (found) return found;
    }
    return undefined;
  }

  addMember(seed: MemberSeed): CwMember {
    if (this.memberMap.has(seed.id)) throw new Error(`member ${seed.id} already exists`);
    const email = seed.email ?? `${seed.identifier.toLowerCase()}@example.com`;
    const member: CwMember = {
      id: seed.id,
      identifier: seed.identifier,
      firstName: seed.firstName ?? seed.identifier,
      lastName: seed.lastName ?? '',
      officeEmail: email,
      primaryEmail: seed.primaryEmail ?? email,
      inactiveFlag: seed.inactiveFlag ?? false,
      licenseClass: seed.licenseClass ?? 'F',
      _info: this.info(),
    };
    this.memberMap.set(member.id, member);
    return structuredClone(member);
  }

  members(): CwMember[] {
    return [...this.memberMap.values()];
  }
  /** By id, or by identifier (case-insensitive, as CW compares). */
  findMember(key: { id?: number; identifier?: string }): CwMember | undefined {
    if (key.id !== undefined) return this.memberMap.get(key.id);
    const wanted = key.identifier?.toLowerCase();
    return this.members().find((m) => m.identifier.toLowerCase() === wanted);
  }

  addWorkflowRule(rule: WorkflowRule): { remove(): void; readonly remaining: number } {
    const active: ActiveRule = { rule, remaining: rule.times ?? Infinity };
    this.rules.push(active);
    return {
      remove: () => (this.rules = this.rules.filter((r) => r !== active)),
      get remaining() {
        return active.remaining;
      },
    };
  }

  /**
   * Runs the first matching rule after a PATCH that set `requestedStatusId`; `before` is the ticket as
   * it was before the PATCH. Returns whether a rule acted.
   */
  runWorkflow(ticket: CwTicket, requestedStatusId: number, before: CwTicket): boolean {
    const active = this.rules.find(
      ({ rule }) =>
        (rule.ticketId === undefined || rule.ticketId === ticket.id) &&
        (rule.whenStatusId === undefined || rule.whenStatusId === requestedStatusId),
    );
    if (!active) return false;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    if (active.rule.then === 'revert') {
      ticket.status = { ...before.status };
      ticket.closedFlag = before.closedFlag;
      if (before.closedDate === undefined) delete ticket.closedDate;
      else ticket.closedDate = before.closedDate;
    } else {
      this.setStatus(ticket, active.rule.then.statusId);
    }
    this.touch(ticket);
    return true;
  }
}
