// ConnectWise Manage fake (API-NOTES.md, ConnectWise section) on the loopback fake server.
// Wire: /{codebase}/apis/3.0/..., Basic "{companyId}+{publicKey}:{privateKey}" + clientId on every call.
// Areas live in ./connectwise/*: auth, tickets (+ ticket-patch), notes, directory (boards, statuses,
// members, system info), query (conditions/orderBy/paging), errors, state (incl. workflow rules).
import type { Fault, FaultHandle, FakeHttpServer, RecordedRequest, RequestMatch } from './fake-http-server';
import { startFakeServer } from './fake-http-server';
import { basicAuthorization } from './connectwise/auth';
import { directoryRoutes } from './connectwise/directory';
import { cwErrors, cwFaultBody } from './connectwise/errors';
import { noteRoutes } from './connectwise/notes';
import type { CwSettings } from './connectwise/router';
import { createCwHandler } from './connectwise/router';
import { CwState, DEFAULT_BOARDS } from './connectwise/state';
import { ticketPatchRoutes } from './connectwise/ticket-patch';
import { ticketRoutes } from './connectwise/tickets';
import type {
  BoardSeed,
  CwBoard,
  CwBoardStatus,
  CwCredentials,
  CwMember,
  CwMemberRef,
  CwNote,
  CwTicket,
  MemberSeed,
  NoteSeed,
  TicketSeed,
  WorkflowRule,
} from './connectwise/types';

export type {
  BoardSeed,
  BoardStatusSeed,
  CwBoard,
  CwBoardStatus,
  CwCredentials,
  CwMember,
  MemberSeed,
  WorkflowRule,
  CwMemberRef,
  CwNote,
  CwRef,
  CwTicket,
  NoteSeed,
  TicketSeed,
} from './connectwise/types';
export { cwErrors } from './connectwise/errors';
export { DEFAULT_BOARDS } from './connectwise/state';

export const DEFAULT_CODEBASE = 'v4_6_release';
export const DEFAULT_CW_CREDENTIALS: CwCredentials = {
  companyId: 'batontest',
  publicKey: 'pub-key-0001',
  privateKey: 'priv-key-0001',
  clientId: '3f2a9c4e-1b7d-4e8a-9c51-7d0e6b2f8a13',
};
export const DEFAULT_API_MEMBER: CwMemberRef = { id: 150, identifier: 'BatonAPI', name: 'Baton API' };

export interface ConnectWiseFakeOptions {
  codebase?: string;
  credentials?: Partial<CwCredentials>;
  /** The member the API keys belong to: `createdBy`/`member` of notes posted through the API. */
  apiMember?: CwMemberRef;
  /** Reject notes with none of the three flags set (400 InvalidObject). Default true. */
  requireNoteFlag?: boolean;
  /** `text contains|like` on notes: refused with 400 by default (unconfirmed in API-NOTES). */
  noteTextConditions?: 'refuse' | 'allow';
  /** `owner/identifier` as a PATCH path: refused with 400 by default (unconfirmed in API-NOTES). */
  ownerIdentifierPath?: 'refuse' | 'allow';
  /** Whether note writes move the ticket's `_info.lastUpdated` (unconfirmed; default false). */
  notesMoveTicket?: boolean;
  /** Service boards with their statuses (default: DEFAULT_BOARDS, board 1 "Service Board"). */
  boards?: BoardSeed[];
  /** Members besides the API member (which always exists). */
  members?: MemberSeed[];
  /** Clock for dateCreated/_info timestamps. */
  now?: () => Date;
  port?: number;
  latencyMs?: number;
}

export class ConnectWiseFake {
  constructor(
    readonly server: FakeHttpServer,
    readonly state: CwState,
    readonly settings: CwSettings,
  ) {}

  /** Site root, e.g. http://127.0.0.1:PORT — what a user types as the ConnectWise site. */
  get siteUrl(): string {
    return this.server.url;
  }
  /** http://127.0.0.1:PORT/{codebase}/apis/3.0 (no trailing slash). */
  get apiBase(): string {
    return `${this.server.url}/${this.settings.codebase}/apis/3.0`;
  }
  get credentials(): CwCredentials {
    return this.settings.credentials;
  }

  /** Headers a correct client sends (Authorization, clientId, Accept, Content-Type); override to break them. */
  authHeaders(override: Partial<CwCredentials> = {}): Record<string, string> {
    const credentials = { ...this.settings.credentials, ...override };
    return {
      Authorization: basicAuthorization(credentials),
      clientId: credentials.clientId,
      Accept: 'application/vnd.connectwise.com+json; version=2025.1',
      'Content-Type': 'application/json',
    };
  }

  /** Matches API requests by method and resource path (after /{codebase}/apis/3.0), case-insensitively. */
  match(method: string, resource: string | RegExp): RequestMatch {
    const prefix = `/${this.settings.codebase}/apis/3.0`.toLowerCase();
    return (request: RecordedRequest) => {
      if (request.method !== method.toUpperCase()) return false;
      if (!request.path.toLowerCase().startsWith(prefix)) return false;
      const rest = request.path.slice(prefix.length).replace(/\/$/, '');
      if (typeof resource !== 'string') return resource.test(rest);
      return rest.toLowerCase() === `/${resource.replace(/^\/|\/$/g, '')}`.toLowerCase();
    };
  }

  addTicket(seed: TicketSeed = {}): CwTicket {
    return this.state.addTicket(seed);
  }
  /** A copy of the ticket as the fake holds it, or undefined. */
  ticket(id: number): CwTicket | undefined {
    const ticket = this.state.ticketRecord(id);
    return ticket && structuredClone(ticket);
  }
  /** Copies of the ticket's notes in commit order. */
  notes(ticketId: number): CwNote[] {
    return structuredClone(this.state.notesFor(ticketId));
  }
  /** Seeds a note as if it had been posted earlier (e.g. by a run that crashed before recording it). */
  addNote(ticketId: number, seed: NoteSeed): CwNote {
    return this.state.addNote(ticketId, seed);
  }

  /** Removes a note as if someone deleted it in CW. */
  deleteNote(ticketId: number, noteId: number): boolean {
    return this.state.deleteNote(ticketId, noteId);
  }

  addBoard(seed: BoardSeed): CwBoard {
    return this.state.addBoard(seed);
  }
  /** Copies of a board's statuses, or undefined for an unknown board. */
  boardStatuses(boardId: number): CwBoardStatus[] | undefined {
    const statuses = this.state.boardStatuses(boardId);
    return statuses && structuredClone(statuses);
  }
  addMember(seed: MemberSeed): CwMember {
    return this.state.addMember(seed);
  }

  /** A workflow rule that acts after a PATCH set a status (see WorkflowRule). */
  addWorkflowRule(rule: WorkflowRule): { remove(): void; readonly remaining: number } {
    return this.state.addWorkflowRule(rule);
  }
  /** "The status change that does not stick": the next `times` status PATCHes of the ticket revert. */
  statusWillNotStick(ticketId?: number, times = 1) {
    return this.addWorkflowRule({ ticketId, then: 'revert', times });
  }

  /** The next `times` matching API calls get CW's 403 Security body (missing role permission). */
  forbid(method: string, resource: string | RegExp, times = 1): FaultHandle {
    return this.inject({
      status: 403,
      body: cwErrors.security().body,
      match: this.match(method, resource),
      times,
    });
  }

  // The underlying fake server, for convenience.
  get requests(): readonly RecordedRequest[] {
    return this.server.requests;
  }
  inject(fault: Fault): FaultHandle {
    return this.server.inject(fault);
  }
  clearFaults(): void {
    this.server.clearFaults();
  }
  waitForRequest(
    match: RequestMatch,
    timeoutMs?: number,
    opts?: { since?: number },
  ): Promise<RecordedRequest> {
    return this.server.waitForRequest(match, timeoutMs, opts);
  }
  goDown(): Promise<void> {
    return this.server.goDown();
  }
  comeBack(): Promise<void> {
    return this.server.comeBack();
  }
  close(): Promise<void> {
    return this.server.close();
  }
}

export async function startConnectWiseFake(opts: ConnectWiseFakeOptions = {}): Promise<ConnectWiseFake> {
  const settings: CwSettings = {
    codebase: opts.codebase ?? DEFAULT_CODEBASE,
    credentials: { ...DEFAULT_CW_CREDENTIALS, ...opts.credentials },
    requireNoteFlag: opts.requireNoteFlag ?? true,
    noteTextConditions: opts.noteTextConditions ?? 'refuse',
    ownerIdentifierPath: opts.ownerIdentifierPath ?? 'refuse',
  };
  const state = new CwState(opts.now ?? (() => new Date()), opts.apiMember ?? DEFAULT_API_MEMBER);
  state.notesMoveTicket = opts.notesMoveTicket ?? false;
  for (const board of opts.boards ?? DEFAULT_BOARDS) state.addBoard(board);
  for (const member of opts.members ?? []) state.addMember(member);
  let siteUrl = '';
  const routes = [...ticketRoutes, ...ticketPatchRoutes, ...noteRoutes, ...directoryRoutes];
  const handler = createCwHandler(routes, state, settings, () => siteUrl);
  const server = await startFakeServer(handler, {
    name: 'connectwise-fake',
    port: opts.port,
    latencyMs: opts.latencyMs,
    faultBody: (status) => cwFaultBody(status),
  });
  siteUrl = server.url;
  return new ConnectWiseFake(server, state, settings);
}
