// Shared by the AI fakes (anthropic-fake.ts, openai-fake.ts): scripted replies, recorded calls, stream
// shaping (chunking, delays, holds, cuts) and signals tests can wait on instead of sleeping.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RecordedRequest } from '../fake-http-server';

/** How a reply is streamed. Per-reply options override the fake's `streamDefaults`. */
export interface StreamOptions {
  /** Characters (code points) per streamed text chunk. Default 8. */
  chunkSize?: number;
  /** Pause between two text chunks. Default 0. */
  chunkDelayMs?: number;
  /** Pause after the response head (streaming) or before the answer (non-streaming). Default 0. */
  firstByteDelayMs?: number;
  /** Wait for `releaseHeld()` before the first body byte (streaming: the head is already sent). */
  holdBeforeFirstByte?: boolean;
  /** Cut the stream after this many text chunks, with no terminating event (0: right after the opening events). */
  cutAfterChunks?: number;
  /** How to cut: 'destroy' the socket mid-body (default; clients see a network error) or 'end' the HTTP body cleanly. */
  cutMode?: 'destroy' | 'end';
  /** Send the API's in-stream error event after this many text chunks and end the response. */
  errorAfterChunks?: number;
  /** Why the model stopped: 'stop' (Anthropic end_turn) or 'length' (Anthropic max_tokens). Default 'stop'. */
  finish?: 'stop' | 'length';
}

/** A reply's text, or its exact chunks (joined they are the text; `chunkSize` is then ignored). */
export type ReplyText = string | readonly string[];
export type Reply = ReplyText | ((call: AiCall) => ReplyText | Promise<ReplyText>);

export interface AiMessage {
  role: string;
  /** As sent: a string or an array of content blocks/parts. */
  content: unknown;
}

/** One model call as the fake parsed it, plus what the fake did with it. */
export interface AiCall {
  /** 0-based position in `fake.calls`. */
  readonly index: number;
  readonly request: RecordedRequest;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readonly<Record<string, unknown>>;
  readonly model: string;
  /** Anthropic `system`, or the OpenAI system/developer messages' text. */
  readonly system: string | undefined;
  readonly messages: readonly AiMessage[];
  readonly stream: boolean;
  readonly maxTokens: number | undefined;
  /** The system text and every message's text joined by newlines: what a redaction test searches. */
  readonly promptText: string;
  /** The reply text chosen for this call (once the script ran). */
  reply?: string;
  /** Text chunks written so far (streaming). */
  readonly chunksWritten: string[];
  /** performance.now() (this process) when the first body byte was handed to the socket (streaming). */
  firstByteAt?: number;
  /** The same instant on the epoch clock (performance.timeOrigin + firstByteAt), comparable across processes. */
  firstByteEpochMs?: number;
  /** Set when the fake is done with the call. */
  outcome?: 'complete' | 'cut' | 'error-event' | 'client-closed';
}

export interface ReplyPlan {
  text: string;
  chunks: string[];
  options: StreamOptions;
}

export type CallFields = Omit<
  AiCall,
  'index' | 'request' | 'headers' | 'reply' | 'chunksWritten' | 'firstByteAt' | 'firstByteEpochMs' | 'outcome'
>;

export const DEFAULT_REPLY = 'Hello from the fake model.';

/** Concatenated text of a string or an array of `{type:'text', text}` blocks/parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string'
        ? part.text
        : '',
    )
    .join('');
}

export function splitChunks(text: string, size: number): string[] {
  const points = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < points.length; i += Math.max(1, size)) chunks.push(points.slice(i, i + size).join(''));
  return chunks;
}

/** Rough token count (4 characters a token, at least 1) for usage fields. */
export function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Parses the JSON object body, or undefined when it is not one. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function randomId(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/** Something that ends a wait early: a response closing (client went away) or the fake closing. */
interface Closable {
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

/** Reply queue, call log, holds and signals. One per fake. */
export class AiScript {
  readonly calls: AiCall[] = [];
  streamDefaults: StreamOptions;
  private readonly queue: { reply: Reply; options: StreamOptions }[] = [];
  private fallback: { reply: Reply; options: StreamOptions };
  private readonly held = new Set<() => void>();
  private readonly wakers = new Set<() => void>();
  private readonly waiters = new Set<{ check: () => void; fail: (error: Error) => void }>();
  private closed = false;

  constructor(
    private readonly name: string,
    defaults: StreamOptions = {},
    defaultReply: Reply = DEFAULT_REPLY,
  ) {
    this.streamDefaults = { chunkSize: 8, ...defaults };
    this.fallback = { reply: defaultReply, options: {} };
  }

  replyWith(reply: Reply, options: StreamOptions = {}): void {
    this.queue.push({ reply, options });
  }
  setDefaultReply(reply: Reply, options: StreamOptions = {}): void {
    this.fallback = { reply, options };
  }
  get pendingReplies(): number {
    return this.queue.length;
  }
  get heldCount(): number {
    return this.held.size;
  }
  /** Lets every call currently held before its first byte go on. Returns how many were released. */
  releaseHeld(): number {
    const gates = [...this.held];
    this.held.clear();
    for (const open of gates) open();
    return gates.length;
  }

  record(request: RecordedRequest, fields: CallFields): AiCall {
    const call: AiCall = {
      ...fields,
      index: this.calls.length,
      request,
      headers: request.headers,
      chunksWritten: [],
    };
    this.calls.push(call);
    this.notify();
    return call;
  }

  /** Takes the next scripted reply (or the default) and resolves it for `call`. */
  async plan(call: AiCall): Promise<ReplyPlan> {
    const step = this.queue.shift() ?? this.fallback;
    const reply = typeof step.reply === 'function' ? await step.reply(call) : step.reply;
    const options = { ...this.streamDefaults, ...step.options };
    const chunks = typeof reply === 'string' ? splitChunks(reply, options.chunkSize ?? 8) : [...reply];
    call.reply = chunks.join('');
    this.notify();
    return { text: call.reply, chunks, options };
  }

  /** `firstByteDelayMs`, then the hold gate if asked; both end early when `until` closes. */
  async beforeFirstByte(options: StreamOptions, until?: Closable): Promise<void> {
    await this.pause(options.firstByteDelayMs ?? 0, until);
    if (!options.holdBeforeFirstByte || this.closed || until?.destroyed) return;
    await new Promise<void>((resolve) => {
      const open = () => {
        this.held.delete(open);
        until?.off('close', open);
        resolve();
      };
      this.held.add(open);
      until?.once('close', open);
      this.notify();
    });
  }

  /** Resolves after `ms`, or early when `until` closes or the fake closes. */
  pause(ms: number, until?: Closable): Promise<void> {
    if (ms <= 0 || this.closed || until?.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        until?.off('close', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
      until?.once('close', wake);
    });
  }

  /** Re-checks every pending wait; the fakes call it after each change. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** Resolves with `probe()`'s first non-undefined value, re-checked on every change. No polling. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000, what = 'a condition'): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    if (this.closed) return Promise.reject(new Error(`${this.name}: closed`));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => waiter.fail(new Error(`${this.name}: timed out waiting for ${what}`)),
        timeoutMs,
      );
      const waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.releaseHeld();
    for (const wake of [...this.wakers]) wake();
    for (const waiter of [...this.waiters]) waiter.fail(new Error(`${this.name}: closed`));
  }
}
