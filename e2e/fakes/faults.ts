// Fault injection for the loopback fakes (DESIGN §7): what a fake does instead of (or besides) answering.
import type { IncomingHttpHeaders } from 'node:http';

/** One request as the fake saw it. `status` is filled in once a response has been written. */
export interface RecordedRequest {
  /** 1-based arrival order across the server's life (survives goDown/comeBack and clearRequests). */
  readonly seq: number;
  readonly method: string;
  /** Path as sent on the wire (still percent-encoded), without the query string. */
  readonly path: string;
  /** Query parameters (last value wins for repeated keys), decoded. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** Raw body, decoded as UTF-8 ('' when none). */
  readonly body: string;
  /** Date.now() when the body had been read. */
  readonly at: number;
  /** Which injected fault handled the request, if any: 'status:429', 'timeout', 'drop', 'hold', 'delay'. */
  fault?: string;
  /** Whether the handler ran (its side effect happened). */
  applied: boolean;
  /** Status written to the client; absent while pending or when nothing was ever written. */
  status?: number;
}

/** Which requests a fault (or a wait) applies to: method and/or path (exact string or RegExp), or a predicate. */
export type RequestMatch =
  { method?: string; path?: string | RegExp } | ((request: RecordedRequest) => boolean);

interface FaultCommon {
  /** Only requests matching this are affected (default: every request). */
  match?: RequestMatch;
  /** How many matching requests this fault handles (default 1; Infinity = persistent until removed). */
  times?: number;
  /** Wait this long before acting: before the error status, before dropping, or before the answer. */
  delayMs?: number;
}

/** Answer with an error status instead of calling the handler (nothing is applied). */
export interface StatusFault extends FaultCommon {
  status: number;
  /** Retry-After header: seconds ('2' or 2) or an HTTP date (string or Date). */
  retryAfter?: string | number | Date;
  /** Response body; default is the server's `faultBody(status)`. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * - timeout: read the body, never apply, never answer (until the client gives up or the server goes down).
 * - hold: apply the handler's side effect, then never answer (a client killed after the server committed).
 * - drop: destroy the socket after reading the request; with `afterApply` the handler runs first.
 */
export interface ConnectionFault extends FaultCommon {
  kind: 'timeout' | 'hold' | 'drop';
  afterApply?: boolean;
}

/** Apply normally but answer `delayMs` late. */
export interface DelayFault extends FaultCommon {
  delayMs: number;
}

export type Fault = StatusFault | ConnectionFault | DelayFault;

/** Returned by `inject`: how often the fault fired and a way to withdraw it. */
export interface FaultHandle {
  readonly fault: Fault;
  readonly hits: number;
  readonly remaining: number;
  remove(): void;
}

export function requestMatches(match: RequestMatch | undefined, request: RecordedRequest): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(request);
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === request.path : match.path.test(request.path);
}

export function faultLabel(fault: Fault): string {
  if ('status' in fault) return `status:${fault.status}`;
  if ('kind' in fault) return fault.kind;
  return 'delay';
}

export function retryAfterValue(value: string | number | Date): string {
  return value instanceof Date ? value.toUTCString() : String(value);
}

/** FIFO list of active faults; the first one matching a request is consumed. */
export class FaultList {
  private entries: { fault: Fault; hits: number; remaining: number }[] = [];

  add(fault: Fault): FaultHandle {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error(`fault.times must be > 0 (got ${times})`);
    const entry = { fault, hits: 0, remaining: times };
    this.entries.push(entry);
    return {
      fault,
      get hits() {
        return entry.hits;
      },
      get remaining() {
        return entry.remaining;
      },
      remove: () => {
        entry.remaining = 0;
        this.entries = this.entries.filter((e) => e !== entry);
      },
    };
  }

  take(request: RecordedRequest): Fault | undefined {
    const entry = this.entries.find((e) => requestMatches(e.fault.match, request));
    if (!entry) return undefined;
    entry.hits += 1;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.fault;
  }

  clear(): void {
    for (const e of this.entries) e.remaining = 0;
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }
}
