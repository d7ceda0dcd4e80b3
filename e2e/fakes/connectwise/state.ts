// In-memory ConnectWise data. Later: boards with their statuses, workflow rules, member security.
import type { CwMemberRef, CwNote, CwTicket, NoteSeed, TicketSeed } from './types';
import { cwTimestamp } from './types';

export const DEFAULT_BOARD = { id: 1, name: 'Service Board' };
export const DEFAULT_STATUS = { id: 1, name: 'New' };
/** Note ids start far from ticket ids so a client mixing them up is caught. */
export const FIRST_NOTE_ID = 9001;

export class CwState {
  private readonly tickets = new Map<number, CwTicket>();
  private readonly noteList: CwNote[] = [];
  private nextTicketId = 1;
  private nextNoteId = FIRST_NOTE_ID;

  constructor(
    private readonly now: () => Date,
    readonly apiMember: CwMemberRef,
  ) {}

  timestamp(): string {
    return cwTimestamp(this.now());
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

  /** Commits a note (ids in commit order, global across tickets). The ticket must exist. */
  addNote(ticketId: number, seed: NoteSeed): CwNote {
    if (!this.tickets.has(ticketId)) throw new Error(`ticket ${ticketId} does not exist`);
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
    return structuredClone(note);
  }

  notesFor(ticketId: number): CwNote[] {
    return this.noteList.filter((note) => note.ticketId === ticketId);
  }
}
