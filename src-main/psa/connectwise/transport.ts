// The wire to one ConnectWise company: finds the codebase (companyinfo, cached), adds the auth headers,
// maps refusals to AppErrors (errors.ts), checks answers against wire.ts and follows Link rel="next".
import type { z } from 'zod';
import type { HttpClient, HttpResponse } from '../../net/http';
import { AppError } from '../../errors';
import { HttpStatusError } from '../../net/http';
import type { ConnectWiseConnection } from './config';
import { CW_API_VERSION, cwHeaders, normalizeCodebase, normalizeSite } from './config';
import { toPsaError, unexpectedAnswer } from './errors';
import { CwCompanyInfoSchema } from './wire';

export type Query = Record<string, string | number | undefined>;

export interface CwTransportOptions {
  http: HttpClient;
  connection: ConnectWiseConnection;
  /** Codebases by site and company; share one map so new clients need not ask companyinfo again. */
  codebaseCache?: Map<string, string>;
  timeoutMs?: number;
}

/** A runaway Link chain (a server bug) must not loop forever. */
const MAX_PAGES = 1_000;

export function createCwTransport(opts: CwTransportOptions) {
  const { http, connection } = opts;
  const origin = normalizeSite(connection.site);
  const givenCodebase = normalizeCodebase(connection.codebase);
  const cache = opts.codebaseCache ?? new Map<string, string>();
  const cacheKey = `${origin}|${connection.companyId.toLowerCase()}`;
  const headers = cwHeaders(connection);
  let lookup: Promise<string> | null = null;

  async function send(method: string, url: string, json?: unknown): Promise<HttpResponse> {
    try {
      // Everything Baton writes to ConnectWise is content (notes, patches): the gate reads all of it.
      const carries = json === undefined ? 'nothing' : { content: 'psa' as const };
      return await http.request({ url, method, carries, headers, json, timeoutMs: opts.timeoutMs });
    } catch (err) {
      throw toPsaError(err);
    }
  }

  /** GET /login/companyinfo/{companyId} at the site root (no auth): `Codebase` is e.g. "v4_6_release/". */
  async function lookUpCodebase(): Promise<string> {
    const url = `${origin}/login/companyinfo/${encodeURIComponent(connection.companyId)}`;
    let res: HttpResponse;
    try {
      res = await http.request({
        url,
        carries: 'nothing',
        headers: { Accept: `application/vnd.connectwise.com+json; version=${CW_API_VERSION}` },
        timeoutMs: opts.timeoutMs,
      });
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 404) throw unknownCompany();
      throw toPsaError(err);
    }
    let body: unknown;
    try {
      body = res.json();
    } catch {
      throw unexpectedAnswer('company lookup (not JSON)');
    }
    // Some sites answer an unknown company with 200 and null (or an empty object).
    const parsed = CwCompanyInfoSchema.safeParse(body);
    const codebase = parsed.success ? normalizeCodebase(parsed.data.Codebase) : undefined;
    if (!codebase) throw unknownCompany();
    return codebase;
  }

  function unknownCompany(): AppError {
    return new AppError(
      'PSA_FAILED',
      `ConnectWise at ${new URL(origin).host} does not know the company ID "${connection.companyId}" (check the site and the company ID)`,
      { status: 404, code: 'NotFound', errors: [] },
    );
  }

  async function codebase(): Promise<string> {
    if (givenCodebase) return givenCodebase;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    lookup ??= lookUpCodebase()
      .then((found) => {
        cache.set(cacheKey, found);
        return found;
      })
      .finally(() => (lookup = null));
    return lookup;
  }

  async function apiBase(): Promise<string> {
    return `${origin}/${await codebase()}/apis/3.0`;
  }

  async function url(resource: string, query: Query = {}): Promise<string> {
    const params = Object.entries(query)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return `${await apiBase()}${resource}${params ? `?${params}` : ''}`;
  }

  function parse<T>(res: HttpResponse, schema: z.ZodType<T>, what: string): T {
    let data: unknown;
    try {
      data = res.json();
    } catch {
      throw unexpectedAnswer(`${what} (not JSON)`);
    }
    const result = schema.safeParse(data);
    if (!result.success) throw unexpectedAnswer(what, result.error.message);
    return result.data;
  }

  return {
    origin,
    codebase,
    apiBase,
    async request<T>(
      method: string,
      resource: string,
      schema: z.ZodType<T>,
      what: string,
      options: { query?: Query; json?: unknown } = {},
    ): Promise<T> {
      return parse(await send(method, await url(resource, options.query), options.json), schema, what);
    },
    /** For calls whose answer Baton does not read (DELETE → 204). */
    async send(method: string, resource: string): Promise<void> {
      await send(method, await url(resource));
    },
    /** Every page of a collection, following Link rel="next" on the same API only. */
    async list<T>(resource: string, item: z.ZodType<T>, what: string, query: Query = {}): Promise<T[]> {
      const items: T[] = [];
      for await (const page of this.pages(resource, item, what, query)) items.push(...page);
      return items;
    },
    /** The pages of a collection one by one, so a caller that found what it wants can stop early. */
    async *pages<T>(
      resource: string,
      item: z.ZodType<T>,
      what: string,
      query: Query = {},
    ): AsyncGenerator<T[]> {
      const first = await url(resource, query);
      const seen = new Set<string>();
      for (let next: string | null = first; next;) {
        if (seen.has(next) || seen.size >= MAX_PAGES) throw unexpectedAnswer(`${what} paging (a loop)`);
        seen.add(next);
        const res = await send('GET', next);
        const page = parse(res, item.array(), what);
        yield page;
        next = page.length === 0 ? null : nextPage(res.headers.get('link'), next);
      }
    },
  };
}

export type CwTransport = ReturnType<typeof createCwTransport>;

/** rel="next" of a Link header, resolved against the current page; refused if it leaves this API path. */
export function nextPage(link: string | null, current: string): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/\brel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?/i.test(match[2]!)) continue;
    const here = new URL(current);
    const there = new URL(match[1]!, here);
    // The credentials go with every page: never follow a link to another host or resource.
    if (there.origin !== here.origin || there.pathname.toLowerCase() !== here.pathname.toLowerCase()) {
      throw unexpectedAnswer('next-page link', there.toString());
    }
    return there.toString();
  }
  return null;
}
