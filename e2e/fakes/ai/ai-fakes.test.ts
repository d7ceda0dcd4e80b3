// Both AI fakes driven by the official SDKs (@anthropic-ai/sdk, openai): the same scenarios for each,
// through a small harness that hides the two APIs' call shapes. Wire-level checks are in ai-wire.test.ts.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { AiFakeBase } from './base';
import { startAnthropicFake } from './anthropic-fake';
import { startOpenAiFake } from './openai-fake';

interface CallOpts {
  key?: string;
  baseURL?: string;
  signal?: AbortSignal;
  /** Called with every text delta as the SDK yields it. */
  onText?: (text: string) => void;
}
type ErrorClass = abstract new (...args: never[]) => Error;
/** What both SDKs' APIError carries. */
type HttpError = Error & { status?: number; headers?: Headers; error?: unknown };
interface Harness {
  start(): Promise<AiFakeBase>;
  /** SDK baseURL for a fake. */
  baseURL(fake: AiFakeBase): string;
  stream(fake: AiFakeBase, opts?: CallOpts): Promise<string>;
  complete(fake: AiFakeBase): Promise<string>;
  models(fake: AiFakeBase): Promise<string[]>;
  errors: Record<'auth' | 'rateLimit' | 'server' | 'connection' | 'userAbort' | 'api', ErrorClass>;
  /** The error `type` (Anthropic) or `code` (OpenAI) in an error body. */
  errorKind(body: unknown): unknown;
}

const SECRET = 'hunter2-db-password';
const prompt = {
  system: 'You are a helpdesk assistant.',
  user: 'Printer offline; the password is [redacted]',
};

const anthropic: Harness = {
  start: () => startAnthropicFake(),
  baseURL: (fake) => fake.url,
  async stream(fake, opts = {}) {
    const client = new Anthropic({
      apiKey: opts.key ?? KEY.a,
      baseURL: opts.baseURL ?? fake.url,
      maxRetries: 0,
    });
    const stream = await client.messages.create(
      {
        model: 'claude-sonnet-4-6',
        max_tokens: 512,
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        stream: true,
      },
      { signal: opts.signal },
    );
    let text = '';
    for await (const event of stream) {
      if (event.type !== 'content_block_delta' || event.delta.type !== 'text_delta') continue;
      text += event.delta.text;
      opts.onText?.(event.delta.text);
    }
    return text;
  },
  async complete(fake) {
    const client = new Anthropic({ apiKey: KEY.a, baseURL: fake.url, maxRetries: 0 });
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 512,
      messages: [{ role: 'user', content: prompt.user }],
    });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  },
  async models(fake) {
    const ids: string[] = [];
    const client = new Anthropic({ apiKey: KEY.a, baseURL: fake.url, maxRetries: 0 });
    for await (const model of client.models.list()) ids.push(`${model.id}=${model.display_name}`);
    return ids;
  },
  errors: {
    auth: Anthropic.AuthenticationError,
    rateLimit: Anthropic.RateLimitError,
    server: Anthropic.InternalServerError,
    connection: Anthropic.APIConnectionError,
    userAbort: Anthropic.APIUserAbortError,
    api: Anthropic.APIError,
  },
  errorKind: (body) => (body as { error?: { type?: string } }).error?.type,
};

const openai: Harness = {
  start: () => startOpenAiFake(),
  baseURL: (fake) => `${fake.url}/v1`,
  async stream(fake, opts = {}) {
    const client = new OpenAI({
      apiKey: opts.key ?? KEY.o,
      baseURL: opts.baseURL ?? `${fake.url}/v1`,
      maxRetries: 0,
    });
    const stream = await client.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        stream: true,
      },
      { signal: opts.signal },
    );
    let text = '';
    for await (const chunk of stream) {
      const piece = chunk.choices[0]?.delta.content;
      if (!piece) continue;
      text += piece;
      opts.onText?.(piece);
    }
    return text;
  },
  async complete(fake) {
    const client = new OpenAI({ apiKey: KEY.o, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: prompt.user }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    return completion.choices[0]?.message.content ?? '';
  },
  async models(fake) {
    const ids: string[] = [];
    const client = new OpenAI({ apiKey: KEY.o, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    for await (const model of client.models.list()) ids.push(`${model.id}=${model.owned_by}`);
    return ids;
  },
  errors: {
    auth: OpenAI.AuthenticationError,
    rateLimit: OpenAI.RateLimitError,
    server: OpenAI.InternalServerError,
    connection: OpenAI.APIConnectionError,
    userAbort: OpenAI.APIUserAbortError,
    api: OpenAI.APIError,
  },
  errorKind: (body) => (body as { code?: string | null }).code,
};

const KEY = { a: 'sk-ant-api03-fake-key-0001', o: 'sk-proj-fake-key-0001' };
const REPLY = 'The printer queue was stuck. [ESCALATION_REQUESTED] Handing over to Tier 2, ünïcødé 🖨️ ok.';

/** Asserts `promise` rejects with an instance of `cls` and returns the error. */
async function rejection<T extends Error>(promise: Promise<unknown>, cls: ErrorClass): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(cls);
  return error as T;
}

describe.each([
  // The last column: error.name of the SDK's errors (openai's error classes never set `name`).
  ['Anthropic', anthropic, 'rate_limit_error', 'api_error', 'authentication_error', 'APIConnectionError'],
  ['OpenAI', openai, 'rate_limit_exceeded', null, 'invalid_api_key', 'Error'],
] as const)('%s fake with the official SDK', (_name, h, rateLimitKind, serverKind, authKind, connName) => {
  let fake: AiFakeBase;
  afterEach(async () => {
    expect(fake.server.handlerErrors).toEqual([]);
    await fake.close();
  });
  const start = async () => (fake = await h.start());

  it('streams the scripted text intact and in order, in many chunks, and records the request', async () => {
    await start();
    fake.replyWith(REPLY, { chunkSize: 5 });
    const pieces: string[] = [];
    expect(await h.stream(fake, { onText: (t) => pieces.push(t) })).toBe(REPLY);
    expect(pieces).toEqual(fake.calls[0]?.chunksWritten);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.some((p) => p.includes('[ESCALATION_REQUESTED]'))).toBe(false); // the marker was split
    const call = fake.calls[0]!;
    expect(call).toMatchObject({ stream: true, system: prompt.system, reply: REPLY, outcome: 'complete' });
    expect(call.messages.at(-1)).toEqual({ role: 'user', content: prompt.user });
    expect(call.promptText).toContain('[redacted]');
    expect(call.promptText).not.toContain(SECRET);
  });

  it('uses queued replies in order, then the default; a reply can be a function of the call', async () => {
    await start();
    fake.replyWith('first').replyWith((call) => `echo: ${call.messages.length} message(s)`);
    fake.replyWith(['exact ', 'chunks']);
    fake.setDefaultReply('default');
    expect(await h.stream(fake)).toBe('first');
    expect(await h.stream(fake)).toMatch(/^echo: \d message\(s\)$/);
    expect(await h.stream(fake)).toBe('exact chunks');
    expect(fake.calls[2]?.chunksWritten).toEqual(['exact ', 'chunks']);
    expect(await h.stream(fake)).toBe('default');
    expect(await h.complete(fake)).toBe('default');
  });

  it('answers non-streaming calls and lists models', async () => {
    await start();
    fake.replyWith(REPLY);
    expect(await h.complete(fake)).toBe(REPLY);
    expect(fake.calls[0]?.stream).toBe(false);
    expect((await h.models(fake)).length).toBeGreaterThan(0);
  });

  it('refuses a wrong key with 401 in the API error shape', async () => {
    await start();
    const error = await rejection<HttpError>(h.stream(fake, { key: 'sk-wrong' }), h.errors.auth);
    expect(error.status).toBe(401);
    expect(h.errorKind(error.error)).toBe(authKind);
    expect(fake.calls).toHaveLength(0);
  });

  it('surfaces an injected 429 as RateLimitError with retry-after, and 500 as InternalServerError', async () => {
    await start();
    fake.server.inject({ status: 429, retryAfter: '1' });
    const limited = await rejection<HttpError>(h.stream(fake), h.errors.rateLimit);
    expect(limited.status).toBe(429);
    expect(limited.headers?.get('retry-after')).toBe('1');
    expect(h.errorKind(limited.error)).toBe(rateLimitKind);

    fake.failCalls(429, { retryAfter: 7 }); // lowercase header, like the APIs
    const again = await rejection<HttpError>(h.stream(fake), h.errors.rateLimit);
    expect(again.headers?.get('retry-after')).toBe('7');

    fake.server.inject({ status: 500 });
    const failed = await rejection<HttpError>(h.stream(fake), h.errors.server);
    expect(failed.status).toBe(500);
    expect(h.errorKind(failed.error)).toBe(serverKind);
    expect(await h.stream(fake)).toBe('Hello from the fake model.'); // faults are one-shot
  });

  it('a stream cut mid-body (socket destroyed) makes the SDK iteration throw TypeError "terminated"', async () => {
    await start();
    fake.replyWith(REPLY, { chunkSize: 4, cutAfterChunks: 3 });
    const pieces: string[] = [];
    const error = await rejection<TypeError>(h.stream(fake, { onText: (t) => pieces.push(t) }), TypeError);
    expect(error.message).toBe('terminated');
    expect((error.cause as { code?: string }).code).toBe('UND_ERR_SOCKET');
    expect(pieces.join('')).toBe(REPLY.slice(0, 12));
    expect((await fake.waitForOutcome(0)).outcome).toBe('cut');
  });

  it('a stream ended cleanly without its terminating events is NOT an error for the SDK', async () => {
    await start();
    fake.replyWith(REPLY, { chunkSize: 4, cutAfterChunks: 2, cutMode: 'end' });
    expect(await h.stream(fake)).toBe(REPLY.slice(0, 8)); // the app must check message_stop / finish_reason
  });

  it('an in-stream error event makes the iteration throw APIError', async () => {
    await start();
    fake.replyWith(REPLY, { chunkSize: 4, errorAfterChunks: 1 });
    const error = await rejection<HttpError>(h.stream(fake), h.errors.api);
    expect(error.status).toBeUndefined();
    expect((await fake.waitForOutcome(0)).outcome).toBe('error-event');
  });

  it('paces chunks by chunkDelayMs and holds the first byte until released, timing it', async () => {
    await start();
    fake.replyWith('aaaabbbbcccc', { chunkSize: 4, chunkDelayMs: 30, holdBeforeFirstByte: true });
    const arrivals: number[] = [];
    const done = h.stream(fake, { onText: () => arrivals.push(performance.now()) });
    await fake.waitForHeld();
    expect(fake.calls[0]?.firstByteAt).toBeUndefined();
    expect(fake.releaseHeld()).toBe(1);
    const firstByteAt = await fake.waitForFirstByte(0);
    expect(await done).toBe('aaaabbbbcccc');
    expect(arrivals).toHaveLength(3);
    expect(arrivals[0]! - firstByteAt).toBeGreaterThanOrEqual(0);
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(2 * 30 - 5);
    expect(fake.calls[0]!.firstByteEpochMs! - (performance.timeOrigin + firstByteAt)).toBeCloseTo(0, 3);
  });

  it('a client abort mid-stream ends the iteration quietly (no throw); before headers it throws APIUserAbortError', async () => {
    await start();
    fake.replyWith(REPLY, { chunkSize: 4, chunkDelayMs: 20 });
    const abort = new AbortController();
    expect(await h.stream(fake, { signal: abort.signal, onText: () => abort.abort() })).toBe(
      REPLY.slice(0, 4),
    );
    expect((await fake.waitForOutcome(0)).outcome).toBe('client-closed');

    fake.server.inject({ kind: 'timeout' });
    const early = new AbortController();
    const pending = h.stream(fake, { signal: early.signal });
    await fake.server.waitForRequest({ method: 'POST' }, 5_000, { since: fake.server.requests.length });
    early.abort();
    const error = await rejection(pending, h.errors.userAbort);
    expect(error.message).toBe('Request was aborted.');
    await fake.server.waitForIdle();
  });

  it('connection refused is APIConnectionError "Connection error." caused by ECONNREFUSED', async () => {
    await start();
    await fake.server.goDown();
    const error = await rejection(h.stream(fake, { baseURL: h.baseURL(fake) }), h.errors.connection);
    expect(error.message).toBe('Connection error.');
    expect(error.name).toBe(connName);
    const cause = error.cause as Error & { cause?: { code?: string } };
    expect(cause.message).toBe('fetch failed');
    expect(cause.cause?.code).toBe('ECONNREFUSED');
  });
});
