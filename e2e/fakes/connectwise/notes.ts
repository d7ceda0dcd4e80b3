// /service/tickets/{id}/notes: list (conditions, orderBy, paging), read one, create, delete.
import type { CwFieldError } from './errors';
import { cwErrors } from './errors';
import { listResponse, project, queryParam } from './query';
import type { CwRoute } from './router';
import { idParam, jsonBody } from './router';
import { requireTicket } from './tickets';
import { NOTE_FIELDS } from './types';

const RESOURCE = 'ticketNote';
const FLAGS = [
  'detailDescriptionFlag',
  'internalAnalysisFlag',
  'resolutionFlag',
  'customerUpdatedFlag',
] as const;

export const noteRoutes: CwRoute[] = [
  {
    method: 'GET',
    pattern: /^\/service\/tickets\/(\d+)\/notes\/?$/i,
    handle: (ctx) => {
      const ticket = requireTicket(ctx, idParam(ctx));
      const conditions = queryParam(ctx.request, 'conditions') ?? '';
      if (
        ctx.settings.noteTextConditions === 'refuse' &&
        /\btext\s+(not\s+)?(contains|like)\b/i.test(conditions)
      )
        throw cwErrors.badRequest('conditions: text cannot be searched on ticket notes');
      return listResponse(ctx.state.notesFor(ticket.id), ctx.request, ctx.siteUrl, NOTE_FIELDS);
    },
  },
  {
    method: 'GET',
    pattern: /^\/service\/tickets\/(\d+)\/notes\/(\d+)\/?$/i,
    handle: (ctx) => {
      const ticket = requireTicket(ctx, idParam(ctx));
      const note = ctx.state.notesFor(ticket.id).find((n) => n.id === idParam(ctx, 1));
      if (!note) throw cwErrors.notFound(`Note ${idParam(ctx, 1)} not found on ticket ${ticket.id}`);
      return { status: 200, body: project(note, queryParam(ctx.request, 'fields')) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/service\/tickets\/(\d+)\/notes\/?$/i,
    handle: (ctx) => {
      const ticket = requireTicket(ctx, idParam(ctx));
      const body = jsonBody(ctx);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw cwErrors.badRequest('The request body must be a note object.');
      }
      const input = body as Record<string, unknown>;
      const errors: CwFieldError[] = [];
      const fail = (code: string, field: string, message: string) =>
        errors.push({ code, message, resource: RESOURCE, field });
      if (typeof input.text !== 'string' || input.text.trim() === '') {
        fail('MissingRequiredField', 'text', 'The text field is required.');
      }
      for (const flag of [...FLAGS, 'processNotifications']) {
        if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
          fail('InvalidField', flag, `The ${flag} field must be a boolean.`);
        }
      }
      const flagged = FLAGS.slice(0, 3).some((flag) => input[flag] === true);
      if (ctx.settings.requireNoteFlag && !flagged) {
        fail(
          'InvalidField',
          'detailDescriptionFlag',
          'At least one of detailDescriptionFlag, internalAnalysisFlag or resolutionFlag must be true.',
        );
      }
      if (errors.length > 0) throw cwErrors.invalidObject(RESOURCE, errors);
      const note = ctx.state.addNote(ticket.id, {
        text: input.text as string,
        detailDescriptionFlag: input.detailDescriptionFlag === true,
        internalAnalysisFlag: input.internalAnalysisFlag === true,
        resolutionFlag: input.resolutionFlag === true,
        customerUpdatedFlag: input.customerUpdatedFlag === true,
      });
      return { status: 201, body: note };
    },
  },
  {
    // The claim protocol (DESIGN §6) removes a losing claim note.
    method: 'DELETE',
    pattern: /^\/service\/tickets\/(\d+)\/notes\/(\d+)\/?$/i,
    handle: (ctx) => {
      const ticket = requireTicket(ctx, idParam(ctx));
      if (!ctx.state.deleteNote(ticket.id, idParam(ctx, 1))) {
        throw cwErrors.notFound(`Note ${idParam(ctx, 1)} not found on ticket ${ticket.id}`);
      }
      return { status: 204 };
    },
  },
];
