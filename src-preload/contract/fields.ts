// The building blocks the domains' input schemas share (not part of the contract's exports).
import { z } from 'zod';

// Validation must never throw (issue 13): zod runs every refinement even after an earlier one failed,
// so each one takes what it is given and answers true/false. A throw here would escape the envelope.
const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parsed URL, or null when `value` is not one. */
export function urlOrNull(value: unknown): URL | null {
  return typeof value === 'string' && URL.canParse(value) ? new URL(value) : null;
}

/** https, or plain http to this computer only (local servers, tests' loopback fakes). */
export function httpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname));
}

/** A refinement that passes when the value is not a URL at all (the "enter a full URL" check says so). */
export const ifUrl = (check: (url: URL) => boolean) => (value: unknown) => {
  const url = urlOrNull(value);
  return url === null || check(url);
};

/** `id`: chosen by the renderer, so a retry after a lost answer stores the row once (idempotent). */
export const clientId = (what: string) => z.uuid(`Unknown ${what} id`).optional();

export const id = (what: string) => z.uuid(`Unknown ${what} id`);
export const shortText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} cannot be empty`).max(max, `${label} must be at most ${max} characters`);
