// The public surface both AI fakes share (AnthropicFake, OpenAiFake extend it): the server, the reply
// script, recorded calls and the waits tests use instead of sleeping.
import type { FakeHttpServer, FaultHandle } from '../fake-http-server';
import type { AiCall, AiScript, Reply, StreamOptions } from './script';

/** What both fakes expose; the protocol classes add their own helpers. */
export class AiFakeBase {
  constructor(
    readonly server: FakeHttpServer,
    readonly script: AiScript,
    /** The model-call endpoint, e.g. /v1/messages. */
    readonly callPath: string,
    private readonly onClose: () => void,
  ) {}

  get url(): string {
    return this.server.url;
  }
  /** Parsed model calls in arrival order (recorded before the reply is written). */
  get calls(): readonly AiCall[] {
    return this.script.calls;
  }
  /** Mutable defaults for every reply (chunkSize, chunkDelayMs, …). */
  get streamDefaults(): StreamOptions {
    return this.script.streamDefaults;
  }
  /** Queues a reply (text, exact chunks, or a function of the call); queued replies are used in order. */
  replyWith(reply: Reply, options?: StreamOptions): this {
    this.script.replyWith(reply, options);
    return this;
  }
  /** The reply used when the queue is empty. */
  setDefaultReply(reply: Reply, options?: StreamOptions): this {
    this.script.setDefaultReply(reply, options);
    return this;
  }
  releaseHeld(): number {
    return this.script.releaseHeld();
  }
  /**
   * Answers the next model call(s) (`times`, default 1; not /v1/models) with `status` and the API's error
   * body, plus a lowercase `retry-after` as the APIs send it. Shorthand for `server.inject`.
   */
  failCalls(status: number, opts: { retryAfter?: string | number; times?: number } = {}): FaultHandle {
    const headers = opts.retryAfter === undefined ? undefined : { 'retry-after': String(opts.retryAfter) };
    return this.server.inject({
      status,
      headers,
      times: opts.times,
      match: { method: 'POST', path: this.callPath },
    });
  }
  /** Resolves with call `index` (default: the next one) once its request has been parsed. */
  waitForCall(index = this.script.calls.length, timeoutMs?: number): Promise<AiCall> {
    return this.script.waitFor(() => this.script.calls[index], timeoutMs, `call #${index}`);
  }
  /** Resolves once `count` calls are held before their first byte. */
  waitForHeld(count = 1, timeoutMs?: number): Promise<void> {
    const probe = () => (this.script.heldCount >= count ? true : undefined);
    return this.script.waitFor(probe, timeoutMs, `${count} held call(s)`).then(() => undefined);
  }
  /** Resolves with call `index`'s firstByteAt (performance.now()) once its first body byte was written. */
  waitForFirstByte(index: number, timeoutMs?: number): Promise<number> {
    return this.script.waitFor(
      () => this.script.calls[index]?.firstByteAt,
      timeoutMs,
      `first byte #${index}`,
    );
  }
  /** Resolves with call `index` once the fake is done with it (see `AiCall.outcome`). */
  waitForOutcome(index: number, timeoutMs?: number): Promise<AiCall> {
    const probe = () => (this.script.calls[index]?.outcome ? this.script.calls[index] : undefined);
    return this.script.waitFor(probe, timeoutMs, `the end of call #${index}`);
  }
  async close(): Promise<void> {
    const closing = this.server.close(); // destroys the connections first, so released holds write nothing
    this.script.close();
    this.onClose();
    await closing;
  }
}
