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

/** A status of a service board (`GET /service/boards/{id}/statuses`). */
export interface CwBoardStatus {
  id: number;
  name: string;
  board: CwRef;
  sortOrder: number;
  /** A ticket in this status is closed: closedFlag follows it. */
  closedStatus: boolean;
  inactive: boolean;
  defaultFlag: boolean;
  /** CW's SLA stage for the status: NotResponded, Responded, ResolutionPlan, Resolved, NoEscalation. */
  escalationStatus: string;
  _info: { lastUpdated: string; updatedBy: string };
}

export interface CwBoard {
  id: number;
  name: string;
  inactiveFlag: boolean;
  projectFlag: boolean;
  _info: { lastUpdated: string; updatedBy: string };
}

/** The member fields the fake keeps (CW's member has many more). */
export interface CwMember {
  id: number;
  identifier: string;
  firstName: string;
  lastName: string;
  officeEmail: string;
  primaryEmail: string;
  inactiveFlag: boolean;
  licenseClass: string;
  _info: { lastUpdated: string; updatedBy: string };
}

export interface BoardStatusSeed {
  id: number;
  name: string;
  sortOrder?: number;
  closedStatus?: boolean;
  inactive?: boolean;
  defaultFlag?: boolean;
  escalationStatus?: string;
}

export interface BoardSeed {
  id: number;
  name: string;
  inactiveFlag?: boolean;
  statuses: BoardStatusSeed[];
}

export interface MemberSeed {
  id: number;
  identifier: string;
  firstName?: string;
  lastName?: string;
  /** officeEmail (and primaryEmail, unless given separately). */
  email?: string;
  primaryEmail?: string;
  inactiveFlag?: boolean;
  /** F = full member, A = API member. */
  licenseClass?: string;
}

/**
 * What a workflow rule does right after a PATCH that touched the status has been answered (CW runs
 * workflow rules after the save, so the PATCH reply still shows the requested status):
 * 'revert' puts back the status the ticket had before (a status change that does not stick);
 * `{ statusId }` moves the ticket on to another status of its board.
 */
export interface WorkflowRule {
  /** Only this ticket (default: every ticket). */
  ticketId?: number;
  /** Only when the PATCH asked for this status (default: any PATCH that set a status). */
  whenStatusId?: number;
  then: 'revert' | { statusId: number };
  /** How many PATCHes it acts on (default Infinity). */
  times?: number;
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

export const BOARD_FIELDS = ['id', 'name', 'inactiveFlag', 'projectFlag', '_info/lastUpdated'];

export const BOARD_STATUS_FIELDS = [
  'id',
  'name',
  'board/id',
  'board/name',
  'sortOrder',
  'closedStatus',
  'inactive',
  'defaultFlag',
  'escalationStatus',
  '_info/lastUpdated',
];

export const MEMBER_FIELDS = [
  'id',
  'identifier',
  'firstName',
  'lastName',
  'officeEmail',
  'primaryEmail',
  'inactiveFlag',
  'licenseClass',
  '_info/lastUpdated',
];

/** CW writes UTC timestamps without milliseconds: 2026-01-10T12:00:00Z. */
export function cwTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
