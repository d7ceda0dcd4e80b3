// Routing for the ConnectWise fake: /login/companyinfo, then /{codebase}/apis/3.0/... behind auth.
import type { FakeHandler, FakeResponse, RecordedRequest } from '../fake-http-server';
import { checkAuth } from './auth';
import { CwHttpError, cwErrors } from './errors';
import type { CwState } from './state';
import type { CwCredentials } from './types';

/** Live settings: tests may flip them between requests (e.g. `cw.settings.requireNoteFlag = false`). */
export interface CwSettings {
  codebase: string;
  credentials: CwCredentials;
  /** Reject a note with none of detailDescription/internalAnalysis/resolution set (default true). */
  requireNoteFlag: boolean;
  /**
   * `text contains|like` in a note list's conditions: unconfirmed for the real ConnectWise, so by
   * default refused with 400 ('refuse'); 'allow' evaluates it.
   */
  noteTextConditions: 'refuse' | 'allow';
  /**
   * `owner/identifier` as a PATCH path: unconfirmed (the documented form is `owner` with
   * `{"identifier": …}` or `{"id": …}`), so by default refused with 400.
   */
  ownerIdentifierPath: 'refuse' | 'allow';
}

export interface CwContext {
  request: RecordedRequest;
  /** Capture groups of the route pattern. */
  params: string[];
  state: CwState;
  settings: CwSettings;
  /** http://127.0.0.1:PORT — for Link headers. */
  siteUrl: string;
}

export interface CwRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matched case-insensitively against the path after /{codebase}/apis/3.0, e.g. /service/tickets/12. */
  pattern: RegExp;
  handle(ctx: CwContext): FakeResponse;
}

/** Parses a JSON body; malformed JSON → 400. */
export function jsonBody(ctx: CwContext): unknown {
  try {
    return JSON.parse(ctx.request.body) as unknown;
  } catch {
    throw cwErrors.badRequest('The request body is not valid JSON.');
  }
}

export function idParam(ctx: CwContext, index = 0): number {
  return Number(ctx.params[index]);
}

const API_PREFIX = /^\/([^/]+)\/apis\/3\.0(\/.*)?$/i;
const COMPANY_INFO = /^\/login\/companyinfo\/([^/]+)\/?$/i;

function companyInfo(settings: CwSettings, siteUrl: string, companyId: string): FakeResponse {
  if (companyId.toLowerCase() !== settings.credentials.companyId.toLowerCase()) {
    throw cwErrors.notFound(`Company ${companyId} not found`);
  }
  return {
    status: 200,
    body: {
      CompanyName: settings.credentials.companyId,
      Codebase: `${settings.codebase}/`,
      VersionCode: 'v2025.1',
      VersionNumber: 'v4.6.0',
      CompanyID: settings.credentials.companyId,
      IsCloud: false,
      SiteUrl: new URL(siteUrl).host,
    },
  };
}

export function createCwHandler(
  routes: readonly CwRoute[],
  state: CwState,
  settings: CwSettings,
  siteUrl: () => string,
): FakeHandler {
  const dispatch = (request: RecordedRequest): FakeResponse => {
    const info = COMPANY_INFO.exec(request.path);
    if (info && request.method === 'GET')
      return companyInfo(settings, siteUrl(), decodeURIComponent(info[1]!));

    const api = API_PREFIX.exec(request.path);
    if (!api || api[1]!.toLowerCase() !== settings.codebase.toLowerCase()) {
      throw cwErrors.notFound(`No such path ${request.path} (codebase is ${settings.codebase})`);
    }
    checkAuth(request, settings.credentials);
    const resource = api[2] ?? '/';
    for (const route of routes) {
      const match = route.pattern.exec(resource);
      if (!match || route.method !== request.method) continue;
      return route.handle({ request, params: match.slice(1), state, settings, siteUrl: siteUrl() });
    }
    throw cwErrors.notFound(`The ConnectWise fake does not implement ${request.method} ${resource}`);
  };
  return (request) => {
    try {
      return dispatch(request);
    } catch (error) {
      if (error instanceof CwHttpError) return error.toResponse();
      throw error;
    }
  };
}
