// Streaming (SSE) replies on top of the generic fake server. FakeHttpServer's handler returns one whole
// response, so a streamed reply writes to Node's ServerResponse itself: the response is found through the
// built-in `http.server.request.start` diagnostics channel (published before the server's 'request'
// event), keyed by the request's headers object, which FakeHttpServer keeps as is in
// RecordedRequest.headers. Once the handler has ended or destroyed the response, the server's own send()
// writes nothing. Faults, request logging, inFlight and goDown/close still come from FakeHttpServer.
import diagnostics from 'node:diagnostics_channel';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FakeResponse, RecordedRequest } from '../fake-http-server';
import type { AiCall, AiScript, ReplyPlan } from './script';

const CHANNEL = 'http.server.request.start';
const responses = new WeakMap<IncomingHttpHeaders, ServerResponse>();
const ports = new Map<number, number>();

function onRequestStart(message: unknown): void {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  if (ports.has(request.socket.localPort ?? -1)) responses.set(request.headers, response);
}

/** Makes the responses of requests to `port` findable by `responseFor`. Returns the undo. */
export function watchResponses(port: number): () => void {
  if (ports.size === 0) diagnostics.subscribe(CHANNEL, onRequestStart);
  ports.set(port, (ports.get(port) ?? 0) + 1);
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    const left = (ports.get(port) ?? 1) - 1;
    if (left > 0) ports.set(port, left);
    else ports.delete(port);
    if (ports.size === 0) diagnostics.unsubscribe(CHANNEL, onRequestStart);
  };
}

export function responseFor(request: RecordedRequest): ServerResponse | undefined {
  return responses.get(request.headers);
}

/** One API's event wire format for a single reply. */
export interface SseEncoder {
  /** Opening events; written together with the first text chunk. */
  open(): string;
  text(piece: string): string;
  /** Terminating events. */
  close(finish: 'stop' | 'length'): string;
  /** The API's in-stream error event (the response ends after it). */
  error(): string;
}

export interface StreamArgs {
  request: RecordedRequest;
  call: AiCall;
  plan: ReplyPlan;
  encoder: SseEncoder;
  script: AiScript;
  /** The server's latencyMs, applied before the head. */
  latencyMs: number;
  headers?: Record<string, string>;
}

/**
 * Writes the head, then (after firstByteDelayMs / the hold) the opening events with the first chunk, one
 * write per chunk with chunkDelayMs between them, then the terminating events — or cuts/errors as planned.
 */
export async function streamReply(args: StreamArgs): Promise<FakeResponse> {
  const { request, call, plan, encoder, script } = args;
  const res = responseFor(request);
  if (!res) {
    throw new Error(`no ServerResponse for request #${request.seq}: needs ${CHANNEL} and headers kept as is`);
  }
  const done = (outcome: NonNullable<AiCall['outcome']>): FakeResponse => {
    call.outcome = outcome;
    script.notify();
    return { status: 200 }; // ignored: the response is already ended or destroyed
  };
  const send = (payload: string, end = false): Promise<void> => {
    if (call.firstByteAt === undefined && payload !== '') {
      call.firstByteAt = performance.now();
      call.firstByteEpochMs = performance.timeOrigin + call.firstByteAt;
    }
    return new Promise<void>((resolve) => {
      const settle = () => {
        res.off('close', settle);
        resolve();
      };
      res.once('close', settle);
      if (end) res.end(payload, settle);
      else res.write(payload, settle);
      script.notify();
    });
  };

  await script.pause(args.latencyMs, res);
  if (res.destroyed) return done('client-closed');
  request.status = 200;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    ...args.headers,
  });
  res.flushHeaders();
  await script.beforeFirstByte(plan.options, res);

  const { chunks, options } = plan;
  const cutAt = options.cutAfterChunks === undefined ? -1 : Math.min(options.cutAfterChunks, chunks.length);
  const errorAt =
    options.errorAfterChunks === undefined ? -1 : Math.min(options.errorAfterChunks, chunks.length);
  let prefix = encoder.open();
  for (const [i, piece] of chunks.entries()) {
    if (i === cutAt || i === errorAt) break;
    if (i > 0) await script.pause(options.chunkDelayMs ?? 0, res);
    if (res.destroyed) return done('client-closed');
    await send(prefix + encoder.text(piece));
    prefix = '';
    call.chunksWritten.push(piece);
  }
  if (res.destroyed) return done('client-closed');
  const written = call.chunksWritten.length;
  if (written === cutAt) {
    if (options.cutMode === 'end') {
      await send(prefix, true);
      return done('cut');
    }
    if (prefix !== '') await send(prefix);
    res.destroy();
    return done('cut');
  }
  if (written === errorAt) {
    await send(prefix + encoder.error(), true);
    return done('error-event');
  }
  await send(prefix + encoder.close(options.finish ?? 'stop'), true);
  return done(res.destroyed && !res.writableFinished ? 'client-closed' : 'complete');
}

/** Helper for the encoders: one SSE event. */
export function sseEvent(data: unknown, event?: string): string {
  const line = `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  return event === undefined ? line : `event: ${event}\n${line}`;
}
