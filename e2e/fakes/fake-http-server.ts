// Generic loopback HTTP fake (DESIGN §7): binds 127.0.0.1 only, starts on port 0, records every request,
// counts concurrency and injects faults. Protocol fakes (connectwise-fake.ts, …) supply the handler.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Fault, FaultHandle, RecordedRequest, RequestMatch } from './faults';
import { FaultList, faultLabel, requestMatches, retryAfterValue } from './faults';

export type { Fault, FaultHandle, RecordedRequest, RequestMatch } from './faults';

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** string/Buffer are sent as is; anything else (not undefined) as JSON. */
  body?: unknown;
}

/** Applies the request's side effect and returns the answer. Runs at most once per request. */
export type FakeHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeServerOptions {
  /** Port to listen on (default 0 = any free port). */
  port?: number;
  /** Added before every response is written (benchmarks). Can be changed later via `server.latencyMs`. */
  latencyMs?: number;
  /** Body of an injected status fault without its own body. */
  faultBody?: (status: number, request: RecordedRequest) => unknown;
  /** Used in error messages. */
  name?: string;
}

const HOST = '127.0.0.1';

export class FakeHttpServer {
  latencyMs: number;
  private readonly log: RecordedRequest[] = [];
  private readonly faults = new FaultList();
  private readonly listeners = new Set<(request: RecordedRequest) => void>();
  private readonly waiters = new Set<{ check: () => boolean; fail: (error: Error) => void }>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private server: Server | undefined;
  private seq = 0;
  private current = 0;
  private highWater = 0;
  private closed = false;
  /** Errors thrown by the handler (each answered with 500); tests should expect this to stay empty. */
  readonly handlerErrors: unknown[] = [];
  readonly name: string;
  port = 0;

  constructor(
    private readonly handler: FakeHandler,
    private readonly options: FakeServerOptions = {},
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    this.name = options.name ?? 'fake';
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }
  get isUp(): boolean {
    return this.server !== undefined;
  }
  /** Requests in arrival order (a request is logged once it has been applied or a fault took it). */
  get requests(): readonly RecordedRequest[] {
    return this.log;
  }
  /** Requests received whose response has not finished and whose connection is still open. */
  get inFlight(): number {
    return this.current;
  }
  /** Highest `inFlight` seen since start or the last `resetMaxInFlight()`. */
  get maxInFlight(): number {
    return this.highWater;
  }
  resetMaxInFlight(): void {
    this.highWater = this.current;
  }
  clearRequests(): void {
    this.log.length = 0;
  }

  inject(fault: Fault): FaultHandle {
    return this.faults.add(fault);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  get pendingFaults(): number {
    return this.faults.size;
  }

  /** Called for every request once it is logged (applied or taken by a fault). Returns an unsubscribe. */
  onRequest(listener: (request: RecordedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the first logged request matching `match`, looking at the log from index `since` (default 0,
   * i.e. requests that already arrived count; pass `since: server.requests.length` to wait for a new one).
   * A request is logged after the handler applied it (or a fault took it), so its effect is visible.
   */
  waitForRequest(match: RequestMatch, timeoutMs = 5_000, { since = 0 } = {}): Promise<RecordedRequest> {
    let found: RecordedRequest | undefined;
    return this.waitUntil(
      () => (found = this.log.slice(since).find((r) => requestMatches(match, r))) !== undefined,
      timeoutMs,
      'a matching request',
    ).then(() => found!);
  }

  /** Resolves once no request is in flight (e.g. after a client aborted a held request). */
  waitForIdle(timeoutMs = 5_000): Promise<void> {
    return this.waitUntil(() => this.current === 0, timeoutMs, 'no requests in flight');
  }

  /** Resolves when `condition` holds, re-checked on every request/connection event. No polling. */
  waitUntil(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error(`${this.name}: closed`));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => waiter.fail(new Error(`${this.name}: timed out waiting for ${what}`)),
        timeoutMs,
      );
      const waiter = {
        check: () => {
          if (!condition()) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
          return true;
        },
        fail: (error: Error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  async listen(): Promise<void> {
    if (this.closed) throw new Error(`${this.name}: closed`);
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port || (this.options.port ?? 0), HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('unexpected server address');
    this.port = address.port;
    this.server = server;
  }

  /** Stops listening and destroys every open connection: new connections get ECONNREFUSED. */
  async goDown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Listens again on the same port. */
  comeBack(): Promise<void> {
    return this.listen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.goDown();
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
    for (const waiter of [...this.waiters]) waiter.fail(new Error(`${this.name}: closed`));
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.current += 1;
    this.highWater = Math.max(this.highWater, this.current);
    res.once('close', () => {
      this.current -= 1;
      this.changed();
    });
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return; // the client went away while sending
    }
    const url = new URL(req.url ?? '/', this.url);
    const request: RecordedRequest = {
      seq: ++this.seq,
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      at: Date.now(),
      applied: false,
    };
    const fault = this.faults.take(request);
    if (fault) request.fault = faultLabel(fault);

    if (fault && 'status' in fault) {
      this.record(request);
      await this.sleep(fault.delayMs ?? 0);
      const headers = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = retryAfterValue(fault.retryAfter);
      const faultBody = fault.body ?? this.options.faultBody?.(fault.status, request);
      return this.send(res, request, {
        status: fault.status,
        headers,
        body: faultBody ?? { fault: fault.status },
      });
    }
    if (fault && 'kind' in fault) {
      if (fault.kind === 'hold' || (fault.kind === 'drop' && fault.afterApply)) await this.apply(request);
      this.record(request);
      if (fault.kind !== 'drop') return; // timeout/hold: never answer; goDown/close destroys the socket
      await this.sleep(fault.delayMs ?? 0);
      req.socket.destroy();
      return;
    }
    const response = await this.apply(request);
    this.record(request);
    await this.sleep(fault?.delayMs ?? 0);
    return this.send(res, request, response);
  }

  private async apply(request: RecordedRequest): Promise<FakeResponse> {
    request.applied = true;
    try {
      return await this.handler(request);
    } catch (error) {
      this.handlerErrors.push(error);
      return { status: 500, body: { code: 'FakeHandlerError', message: String(error) } };
    }
  }

  private record(request: RecordedRequest): void {
    this.log.push(request);
    for (const listener of this.listeners) listener(request);
    this.changed();
  }

  private async send(res: ServerResponse, request: RecordedRequest, response: FakeResponse): Promise<void> {
    await this.sleep(this.latencyMs);
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = { ...response.headers };
    let payload: string | Buffer = '';
    if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
      payload = response.body;
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'text/plain; charset=utf-8';
    } else if (response.body !== undefined) {
      payload = JSON.stringify(response.body);
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    request.status = response.status;
    res.writeHead(response.status, headers);
    res.end(payload);
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('client went away before sending the whole request'));
    });
  });
}

/** Starts a loopback fake on 127.0.0.1 (port 0 unless `opts.port`). */
export async function startFakeServer(
  handler: FakeHandler,
  opts: FakeServerOptions = {},
): Promise<FakeHttpServer> {
  const server = new FakeHttpServer(handler, opts);
  await server.listen();
  return server;
}
