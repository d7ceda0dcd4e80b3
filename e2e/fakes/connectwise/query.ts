// List queries: conditions, orderBy, page/pageSize (Link header), pageId (forward-only), fields.
import type { FakeResponse, RecordedRequest } from '../fake-http-server';
import { ConditionError, fieldValue, parseConditions } from './conditions';
import { cwErrors } from './errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

/** Query parameters by lower-cased name (CW, on .NET, reads them case-insensitively). */
export function queryParam(request: RecordedRequest, name: string): string | undefined {
  const key = Object.keys(request.query).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : request.query[key];
}

function positiveInt(request: RecordedRequest, name: string, fallback: number): number {
  const raw = queryParam(request, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw cwErrors.badRequest(`${name} must be a positive integer`);
  return Number(raw);
}

function sorter(orderBy: string | undefined, knownFields: readonly string[]) {
  const keys = (orderBy?.trim() ? orderBy : 'id asc').split(',').map((part) => {
    const [field = '', direction = 'asc', ...extra] = part.trim().split(/\s+/);
    const dir = direction.toLowerCase();
    if (extra.length > 0 || (dir !== 'asc' && dir !== 'desc'))
      throw cwErrors.badRequest(`bad orderBy '${part}'`);
    if (!knownFields.some((k) => k.toLowerCase() === field.toLowerCase())) {
      throw cwErrors.badRequest(`orderBy: unknown field '${field}'`);
    }
    return { field, sign: dir === 'asc' ? 1 : -1 };
  });
  return (a: unknown, b: unknown): number => {
    for (const { field, sign } of keys) {
      const x = fieldValue(a, field) as string | number | boolean | null;
      const y = fieldValue(b, field) as string | number | boolean | null;
      if (x === y) continue;
      if (x === null) return -sign; // nulls first ascending
      if (y === null) return sign;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** `fields=id,member/identifier`: keep only those paths (unknown ones are ignored). */
export function project<T extends object>(record: T, fields: string | undefined): unknown {
  if (!fields?.trim()) return record;
  const out: Record<string, unknown> = {};
  for (const path of fields.split(',').map((f) => f.trim())) {
    const value = fieldValue(record, path);
    if (value === null) continue;
    const parts = path.split('/');
    let target = out;
    parts.slice(0, -1).forEach((part) => (target = (target[part] ??= {}) as Record<string, unknown>));
    target[parts.at(-1)!] = value;
  }
  return out;
}

function linkHeader(
  request: RecordedRequest,
  siteUrl: string,
  rels: [string, Record<string, string>][],
): string {
  return rels
    .map(([rel, params]) => {
      const url = new URL(request.path, siteUrl);
      for (const [k, v] of Object.entries(request.query)) url.searchParams.set(k, v);
      for (const [k, v] of Object.entries(params)) {
        const existing = [...url.searchParams.keys()].find((key) => key.toLowerCase() === k.toLowerCase());
        url.searchParams.set(existing ?? k, v);
      }
      return `<${url.toString()}>; rel="${rel}"`;
    })
    .join(', ');
}

/**
 * Answers a collection GET the way CW does. Navigable paging adds rel first/prev (after page 1) and
 * next/last (before the last page); `pageId` (forward-only) means id > pageId and only rel next.
 * A page past the end is an empty array.
 */
export function listResponse<T extends object>(
  all: readonly T[],
  request: RecordedRequest,
  siteUrl: string,
  knownFields: readonly string[],
): FakeResponse {
  let items = [...all];
  try {
    const conditions = queryParam(request, 'conditions');
    if (conditions !== undefined) items = items.filter(parseConditions(conditions, knownFields));
  } catch (error) {
    if (error instanceof ConditionError) throw cwErrors.badRequest(`conditions: ${error.message}`);
    throw error;
  }
  items.sort(sorter(queryParam(request, 'orderBy'), knownFields));
  const pageSize = Math.min(positiveInt(request, 'pageSize', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const fields = queryParam(request, 'fields');
  const headers: Record<string, string> = {};
  let pageItems: T[];

  const pageId = queryParam(request, 'pageId');
  if (pageId !== undefined) {
    if (!/^\d+$/.test(pageId)) throw cwErrors.badRequest('pageId must be an integer');
    items = items.filter((item) => (fieldValue(item, 'id') as number) > Number(pageId));
    pageItems = items.slice(0, pageSize);
    const last = pageItems.at(-1);
    if (items.length > pageSize && last) {
      headers.Link = linkHeader(request, siteUrl, [['next', { pageId: String(fieldValue(last, 'id')) }]]);
    }
  } else {
    const page = positiveInt(request, 'page', 1);
    const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
    pageItems = items.slice((page - 1) * pageSize, page * pageSize);
    const rels: [string, Record<string, string>][] = [];
    const at = (p: number) => ({ page: String(p), pageSize: String(pageSize) });
    if (page > 1) rels.push(['first', at(1)], ['prev', at(Math.min(page - 1, lastPage))]);
    if (page < lastPage) rels.push(['next', at(page + 1)], ['last', at(lastPage)]);
    if (rels.length > 0) headers.Link = linkHeader(request, siteUrl, rels);
  }
  return { status: 200, headers, body: pageItems.map((item) => project(item, fields)) };
}
