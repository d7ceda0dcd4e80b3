// ConnectWise Manage wire shapes used by the fake (../shared/API-NOTES.md, ConnectWise section).

export interface CwRef {
  id: number;
  name: string;
}

export interface CwMemberRef {
  id: number;
  identifier: string;
  name: string;
}

/** `{companyId}+{publicKey}:{privateKey}` for Basic auth, plus the `clientId` header. */
export interface CwCredentials {
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
}

export interface CwTicket {
  id: number;
  summary: string;
  status: CwRef;
  board: CwRef;
  /** Absent (not null) when unassigned. */
  owner?: CwMemberRef;
  closedFlag: boolean;
  /** Present only when closed. */
  closedDate?: string;
  _info: { lastUpdated: string; updatedBy: string; dateEntered: string; enteredBy: string };
}

export interface CwNote {
  id: number;
  ticketId: number;
  text: string;
  detailDescriptionFlag: boolean;
  internalAnalysisFlag: boolean;
  resolutionFlag: boolean;
  customerUpdatedFlag: boolean;
  dateCreated: string;
  createdBy: string;
  member: CwMemberRef;
  _info: { lastUpdated: string; updatedBy: string };
}

export interface TicketSeed {
  id?: number;
  summary?: string;
  status?: CwRef;
  board?: CwRef;
  /** null or omitted = unassigned (the field is then absent from the wire). */
  owner?: CwMemberRef | null;
  closedFlag?: boolean;
  closedDate?: string;
  /** Extra wire fields (company, priority, …) copied onto the ticket as is. */
  extra?: Record<string, unknown>;
}

export interface NoteSeed {
  text: string;
  detailDescriptionFlag?: boolean;
  internalAnalysisFlag?: boolean;
  resolutionFlag?: boolean;
  customerUpdatedFlag?: boolean;
  member?: CwMemberRef;
  dateCreated?: string;
}

/** Fields a `conditions`/`orderBy` may name, per resource (unknown field → 400, to catch client typos). */
export const TICKET_FIELDS = [
  'id',
  'summary',
  'status/id',
  'status/name',
  'board/id',
  'board/name',
  'owner/id',
  'owner/identifier',
  'owner/name',
  'closedFlag',
  'closedDate',
  '_info/lastUpdated',
  '_info/updatedBy',
  '_info/dateEntered',
  '_info/enteredBy',
];

export const NOTE_FIELDS = [
  'id',
  'ticketId',
  'text',
  'detailDescriptionFlag',
  'internalAnalysisFlag',
  'resolutionFlag',
  'customerUpdatedFlag',
  'dateCreated',
  'createdBy',
  'member/id',
  'member/identifier',
  'member/name',
  '_info/lastUpdated',
  '_info/updatedBy',
];

/** CW writes UTC timestamps without milliseconds: 2026-01-10T12:00:00Z. */
export function cwTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
