// PATCH /service/tickets/{id}: a JSON-Patch array on status and owner (and summary). Validation is all
// or nothing, like CW: a status not on the ticket's board or an unknown member is a 400 InvalidObject
// and nothing changes. Workflow rules run after the reply has been composed (see WorkflowRule).
import type { FakeResponse } from '../fake-http-server';
import type { CwFieldError } from './errors';
import { cwErrors } from './errors';
import type { CwContext, CwRoute } from './router';
import { idParam, jsonBody } from './router';
import { requireTicket } from './tickets';

const RESOURCE = 'ticket';

interface Changes {
  status?: { id?: number; name?: string };
  /** null = unassign. */
  owner?: { id?: number; identifier?: string } | null;
  summary?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A CW reference value: `{id: number}` or `{[textKey]: string}` (id wins), else undefined. */
function reference<K extends string>(
  value: unknown,
  textKey: K,
): ({ id: number } | { [key in K]: string }) | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.id === 'number') return { id: value.id };
  const text = value[textKey];
  return typeof text === 'string' ? ({ [textKey]: text } as { [key in K]: string }) : undefined;
}

/** Reads the operations; anything the fake does not model is a 400 (so a client bug is loud). */
function parseOperations(body: unknown, ownerIdentifierPath: 'refuse' | 'allow'): Changes {
  if (!Array.isArray(body) || body.length === 0) {
    throw cwErrors.badRequest('The request body must be a non-empty JSON-Patch array.');
  }
  const changes: Changes = {};
  for (const raw of body) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw cwErrors.badRequest('Each patch operation needs op, path and value.');
    }
    const op = raw.op.toLowerCase();
    const path = raw.path.replace(/^\//, '').toLowerCase();
    const value = raw.value;
    if (op === 'remove' && path === 'owner') {
      changes.owner = null;
      continue;
    }
    if (op !== 'replace' && op !== 'add') throw cwErrors.badRequest(`Unsupported patch op '${raw.op}'.`);
    if (path === 'status') {
      const ref = reference(value, 'name');
      if (!ref) throw cwErrors.badRequest('status needs {"id": number} or {"name": string}.');
      changes.status = ref;
    } else if (path === 'status/id' && typeof value === 'number') changes.status = { id: value };
    else if (path === 'status/name' && typeof value === 'string') changes.status = { name: value };
    else if (path === 'owner' && value === null) changes.owner = null;
    else if (path === 'owner') {
      const ref = reference(value, 'identifier');
      if (!ref) throw cwErrors.badRequest('owner needs {"id": number} or {"identifier": string}.');
      changes.owner = ref;
    } else if (path === 'owner/id' && typeof value === 'number') changes.owner = { id: value };
    else if (path === 'owner/identifier' && typeof value === 'string' && ownerIdentifierPath === 'allow')
      changes.owner = { identifier: value };
    else if (path === 'summary' && typeof value === 'string') changes.summary = value;
    else throw cwErrors.badRequest(`The ConnectWise fake does not support '${raw.path}' with that value.`);
  }
  return changes;
}

function patchTicket(ctx: CwContext): FakeResponse {
  const { state } = ctx;
  const ticket = requireTicket(ctx, idParam(ctx));
  const changes = parseOperations(jsonBody(ctx), ctx.settings.ownerIdentifierPath);
  const errors: CwFieldError[] = [];
  const fail = (field: string, message: string, code = 'NotFound') =>
    errors.push({ code, message, resource: RESOURCE, field });

  let statusId: number | undefined;
  if (changes.status) {
    const { id, name } = changes.status;
    const statuses = state.boardStatuses(ticket.board.id) ?? [];
    const found = statuses.find((s) =>
      id !== undefined ? s.id === id : s.name.toLowerCase() === String(name).toLowerCase(),
    );
    if (found) statusId = found.id;
    else
      fail(
        id !== undefined ? 'status/id' : 'status/name',
        `Service Status ${id ?? name} not found for Service Board ${ticket.board.id}`,
      );
  }
  let owner = undefined as ReturnType<typeof state.findMember> | null | undefined;
  if (changes.owner === null) owner = null;
  else if (changes.owner) {
    owner = state.findMember(changes.owner);
    if (!owner) {
      const byId = changes.owner.id !== undefined;
      fail(
        byId ? 'owner/id' : 'owner/identifier',
        `Member ${byId ? changes.owner.id : changes.owner.identifier} not found`,
      );
    }
  }
  if (changes.summary !== undefined && (changes.summary.trim() === '' || changes.summary.length > 100)) {
    fail('summary', 'summary must be 1 to 100 characters.', 'InvalidField');
  }
  if (errors.length > 0) throw cwErrors.invalidObject(RESOURCE, errors);

  const before = structuredClone(ticket);
  if (statusId !== undefined) state.setStatus(ticket, statusId);
  if (owner === null) delete ticket.owner;
  else if (owner) {
    ticket.owner = {
      id: owner.id,
      identifier: owner.identifier,
      name: `${owner.firstName} ${owner.lastName}`.trim(),
    };
  }
  if (changes.summary !== undefined) ticket.summary = changes.summary;
  // Whether a PATCH that changes nothing moves lastUpdated is unconfirmed: here it does not.
  const fieldsOf = (t: typeof ticket) => JSON.stringify({ ...t, _info: null });
  if (fieldsOf(before) !== fieldsOf(ticket)) state.touch(ticket);
  const reply = structuredClone(ticket);
  if (statusId !== undefined) state.runWorkflow(ticket, statusId, before);
  return { status: 200, body: reply };
}

export const ticketPatchRoutes: CwRoute[] = [
  { method: 'PATCH', pattern: /^\/service\/tickets\/(\d+)\/?$/i, handle: patchTicket },
];
