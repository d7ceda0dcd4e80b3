// Linking a session to the ConnectWise ticket it works on: the ticket is looked up first (so a typo
// is caught and the technician sees the summary, board and status), then its id is stored.
import type { PsaTicketView, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSessionRow, setSessionTicket, toSessionSummary } from '../store/repos/sessions';
import { rememberTicketBoard } from '../store/repos/ticket-boards';
import { followOfSession } from '../store/repos/team-follows';
import type { ConnectWiseClient } from './connectwise/client';
import { interactive } from './connectwise/errors';
import type { CwTicket } from './connectwise/wire';

export const ticketView = (t: CwTicket): PsaTicketView => ({
  id: t.id,
  summary: t.summary,
  board: t.board.name,
  status: t.status.name,
  owner: t.owner ? (t.owner.name ?? t.owner.identifier) : null,
  closed: t.closedFlag ?? false,
});

export function createTicketLinks(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  client: () => Promise<ConnectWiseClient>;
}) {
  const { db, clock, events } = deps;

  async function fetchTicket(ticketId: number): Promise<CwTicket> {
    const client = await deps.client();
    return interactive(() => client.getTicket(ticketId));
  }

  async function link(
    actor: User,
    sessionId: string,
    ticketId: number | null,
  ): Promise<PsaTicketView | null> {
    const session = getSessionRow(db, sessionId);
    if (!session) throw notFound('Session', sessionId);
    if (session.status === 'resolved' && ticketId !== null)
      throw new AppError('CONFLICT', 'Session is already resolved');
    if (followOfSession(db, sessionId) && ticketId !== session.psaTicketId)
      throw new AppError(
        'CONFLICT',
        `This session's team escalation runs through ticket #${session.psaTicketId}: it stays linked`,
      );
    const ticket = ticketId === null ? null : await fetchTicket(ticketId);
    const now = clock.now();
    inTransaction(db, () => {
      setSessionTicket(db, sessionId, ticketId, now);
      if (ticket) rememberTicketBoard(db, ticket.id, ticket.board, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: ticketId === null ? 'session.unlink-ticket' : 'session.link-ticket',
          entityType: 'session',
          entityId: sessionId,
          details: { ticketId: ticketId ?? session.psaTicketId },
        },
        now,
      );
    });
    events.emit('session_updated', toSessionSummary(getSessionRow(db, sessionId)!));
    events.emit('session_changed', { sessionId });
    return ticket && ticketView(ticket);
  }

  async function ticket(sessionId: string): Promise<PsaTicketView | null> {
    const session = getSessionRow(db, sessionId);
    if (!session) throw notFound('Session', sessionId);
    return session.psaTicketId === null ? null : ticketView(await fetchTicket(session.psaTicketId));
  }

  return { link, ticket };
}
