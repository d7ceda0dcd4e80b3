// /service/tickets: list and read (PATCH lives in ticket-patch.ts).
import { cwErrors } from './errors';
import { listResponse, project, queryParam } from './query';
import type { CwContext, CwRoute } from './router';
import { idParam } from './router';
import type { CwTicket } from './types';
import { TICKET_FIELDS } from './types';

export function requireTicket(ctx: CwContext, id: number): CwTicket {
  const ticket = ctx.state.ticketRecord(id);
  if (!ticket) throw cwErrors.notFound(`Ticket ${id} not found`);
  return ticket;
}

/** The static fields plus whatever extra fields (and one level below them) the seeded tickets carry. */
function ticketFields(tickets: readonly CwTicket[]): string[] {
  const fields = new Set<string>(TICKET_FIELDS);
  for (const ticket of tickets) {
    for (const [key, value] of Object.entries(ticket as unknown as Record<string, unknown>)) {
      fields.add(key);
      if (value && typeof value === 'object')
        for (const sub of Object.keys(value)) fields.add(`${key}/${sub}`);
    }
  }
  return [...fields];
}

export const ticketRoutes: CwRoute[] = [
  {
    method: 'GET',
    pattern: /^\/service\/tickets\/?$/i,
    handle: (ctx) => {
      const tickets = ctx.state.allTickets();
      return listResponse(tickets, ctx.request, ctx.siteUrl, ticketFields(tickets));
    },
  },
  {
    method: 'GET',
    pattern: /^\/service\/tickets\/(\d+)\/?$/i,
    handle: (ctx) => {
      const ticket = requireTicket(ctx, idParam(ctx));
      return { status: 200, body: project(ticket, queryParam(ctx.request, 'fields')) };
    },
  },
];
