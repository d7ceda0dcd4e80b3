// Service boards and their statuses (Settings dropdowns), members (PSA member mapping by email) and
// /system/info (a cheap authenticated call for "Test connection").
import { cwErrors } from './errors';
import { listResponse, project, queryParam } from './query';
import type { CwRoute } from './router';
import { idParam } from './router';
import { BOARD_FIELDS, BOARD_STATUS_FIELDS, MEMBER_FIELDS } from './types';

export const directoryRoutes: CwRoute[] = [
  {
    method: 'GET',
    pattern: /^\/service\/boards\/?$/i,
    handle: (ctx) => listResponse(ctx.state.boards(), ctx.request, ctx.siteUrl, BOARD_FIELDS),
  },
  {
    method: 'GET',
    pattern: /^\/service\/boards\/(\d+)\/?$/i,
    handle: (ctx) => {
      const board = ctx.state.board(idParam(ctx));
      if (!board) throw cwErrors.notFound(`Board ${idParam(ctx)} not found`);
      return { status: 200, body: project(board, queryParam(ctx.request, 'fields')) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/service\/boards\/(\d+)\/statuses\/?$/i,
    handle: (ctx) => {
      const statuses = ctx.state.boardStatuses(idParam(ctx));
      if (!statuses) throw cwErrors.notFound(`Board ${idParam(ctx)} not found`);
      return listResponse(statuses, ctx.request, ctx.siteUrl, BOARD_STATUS_FIELDS);
    },
  },
  {
    method: 'GET',
    pattern: /^\/system\/members\/?$/i,
    handle: (ctx) => listResponse(ctx.state.members(), ctx.request, ctx.siteUrl, MEMBER_FIELDS),
  },
  {
    method: 'GET',
    pattern: /^\/system\/info\/?$/i,
    handle: () => ({
      status: 200,
      body: {
        version: 'v2025.1.10101',
        isCloud: false,
        serverTimeZone: 'UTC',
        licenseBits: [],
      },
    }),
  },
];
