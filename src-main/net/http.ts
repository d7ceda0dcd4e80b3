// All outbound HTTP goes through here, so tests and fakes plug in at one place, every request has a
// timeout, plain http is refused except to loopback, and failures come back classified: a
// NetworkError means "we could not talk to anyone" (offline), an HttpStatusError means the server
// answered and said no. Every body passes the redaction gate (outbound-gate.ts) on its way out: each
// request declares what it carries.
import type { Carries } from './outbound-gate';
import { gateFetch, gateRequestBody } from './outbound-gate';

export type { Carries } from './outbound-gate';

export type NetworkFailure = 'refused' | 'dns' | 'timeout' | 'reset' | 'tls' | 'other';

export class NetworkError extends Error {
  constructor(
    readonly failure: NetworkFailure,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
    /** From Retry-After (seconds or an HTTP date), when the server sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status} from ${new URL(url).host}${summarizeBody(body)}`);
    this.name = 'HttpStatusError';
  }

  /** 408, 425, 429 and 5xx are worth another try; other 4xx will fail the same way again. */
  get retryable(): boolean {
    return this.status === 408 || this.status === 425 || this.status === 429 || this.status >= 500;
  }
}

export interface HttpRequest {
  url: string;
  /** What the body carries: content is redacted before it is sent (see outbound-gate.ts). */
  carries: Carries;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  json<T>(): T;
}

export interface HttpClient {
  /** Resolves for 2xx; throws HttpStatusError for other statuses and NetworkError when nobody answered. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /**
   * A fetch for SDKs that speak their own protocol (the AI providers' streaming, the Graph client):
   * same URL policy and redaction gate for what its bodies carry, and a failure to connect comes back
   * as a NetworkError the SDK keeps as its error's cause.
   */
  fetchFor(carries: Carries): typeof fetch;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  defaultTimeoutMs?: number;
  now?: () => number;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? fetch;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const guardedFetch = (carries: Carries) =>
    (async (input: string | URL | Request, init?: RequestInit) => {
      const url = assertAllowedUrl(input instanceof Request ? input.url : input.toString()).toString();
      const [gatedInput, gatedInit] = await gateFetch(carries, input, init);
      try {
        return await doFetch(gatedInput, gatedInit);
      } catch (err) {
        if (gatedInit?.signal?.aborted) throw err;
        throw toNetworkError(err, url, false);
      }
    }) as typeof fetch;

  return {
    fetchFor: guardedFetch,
    async request(req) {
      const url = assertAllowedUrl(req.url).toString();
      const timeout = AbortSignal.timeout(req.timeoutMs ?? defaultTimeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      const headers: Record<string, string> = { ...req.headers };
      const contentType =
        Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
      const gated = await gateRequestBody(req.carries, {
        json: req.json,
        body: req.body,
        contentType: req.json !== undefined ? 'application/json' : contentType,
      });
      let body = gated.body;
      if (gated.json !== undefined) {
        body = JSON.stringify(gated.json);
        if (contentType === null) headers['Content-Type'] = 'application/json';
      }
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: req.method ?? (body ? 'POST' : 'GET'),
          headers,
          body,
          signal,
        });
        text = await response.text();
      } catch (err) {
        if (req.signal?.aborted) throw req.signal.reason ?? err;
        throw toNetworkError(err, url, timeout.aborted);
      }
      if (response.status < 200 || response.status > 299) {
        throw new HttpStatusError(
          response.status,
          url,
          text,
          parseRetryAfter(response.headers.get('retry-after'), now()),
        );
      }
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: <T>() => JSON.parse(text) as T,
      };
    },
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;

/** https anywhere; plain http only to this machine (tests, local AI servers such as Ollama). */
export function assertAllowedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`Not a valid URL: ${raw}`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return url;
  throw new TypeError(
    `Only https:// addresses are allowed (plain http only for this computer): ${url.origin}`,
  );
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function toNetworkError(err: unknown, url: string, timedOut: boolean): NetworkError {
  const host = new URL(url).host;
  if (timedOut) return new NetworkError('timeout', `${host} did not answer in time`, url);
  const code = findCode(err);
  switch (code) {
    case 'ECONNREFUSED':
      return new NetworkError('refused', `${host} refused the connection`, url);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NetworkError('dns', `Cannot resolve ${host}`, url);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new NetworkError('reset', `The connection to ${host} was cut`, url);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new NetworkError('timeout', `${host} did not answer in time`, url);
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
      return new NetworkError('refused', `No route to ${host}`, url);
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
        return new NetworkError('tls', `Secure connection to ${host} failed (${code})`, url);
      }
      return new NetworkError('other', `Could not reach ${host}${code ? ` (${code})` : ''}`, url);
  }
}

function findCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function summarizeBody(body: string): string {
  if (!body) return '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
    const message = parsed.message ?? parsed.error?.message;
    if (typeof message === 'string') return `: ${message.slice(0, 300)}`;
  } catch {
    // not JSON: fall through to the raw text
  }
  return `: ${body.slice(0, 200)}`;
}
