// The AI fakes' wire format checked with plain fetch: SSE framing and event order, error bodies, auth
// headers, models lists, fault bodies, and that holds/cuts/goDown never leave the fake hanging.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnthropicFake } from './anthropic-fake';
import { startAnthropicFake } from './anthropic-fake';
import type { OpenAiFake } from './openai-fake';
import { startOpenAiFake } from './openai-fake';

interface Sse {
  event: string | undefined;
  data: string;
}

/** Splits an SSE body into events (the fakes write LF-only framing). */
function parseSse(body: string): Sse[] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .slice(0, -2)
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
      expect(lines.length).toBe(event === undefined ? 1 : 2);
      return { event, data: data.join('\n') };
    });
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('Anthropic fake on the wire', () => {
  let fake: AnthropicFake;
  afterEach(async () => {
    expect(fake.server.handlerErrors).toEqual([]);
    await fake.close();
  });
  const post = (body: unknown, headers = fake.headers()) =>
    fetch(`${fake.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
  const request = {
    model: 'claude-haiku-4-5-20251001',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'hi' }],
  };

  it('streams message_start, content_block_start, ping, deltas, content_block_stop, message_delta, message_stop', async () => {
    fake = await startAnthropicFake({ stream: { chunkSize: 3 } });
    fake.replyWith('Hello [ESCALATION_REQUESTED]');
    const res = await post({ ...request, stream: true });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array<string>(10).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const e of events) expect(json(e.data).type).toBe(e.event);
    const deltas = events.filter((e) => e.event === 'content_block_delta').map((e) => json(e.data));
    expect(deltas[0]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'Hel' },
    });
    expect(deltas.map((d) => (d.delta as { text: string }).text).join('')).toBe(
      'Hello [ESCALATION_REQUESTED]',
    );
    const start = json(events[0]!.data).message as Record<string, unknown>;
    expect(start).toMatchObject({ type: 'message', role: 'assistant', model: request.model, content: [] });
    expect(json(events.at(-2)!.data)).toMatchObject({
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 7 },
    });
  });

  it('checks x-api-key or Bearer, and anthropic-version, with Anthropic error bodies', async () => {
    fake = await startAnthropicFake({ apiKey: 'sk-ant-right' });
    const noKey = await post(request, { 'anthropic-version': '2023-06-01' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
    });
    const wrong = await post(request, fake.headers('sk-ant-wrong'));
    expect(await wrong.json()).toMatchObject({ error: { type: 'authentication_error' } });
    const bearer = await post(request, {
      authorization: 'Bearer sk-ant-right',
      'anthropic-version': '2026-10-21',
    });
    expect(bearer.status).toBe(200);
    const noVersion = await post(request, { 'x-api-key': 'sk-ant-right' });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const noMaxTokens = await post({ ...request, max_tokens: undefined });
    expect(await noMaxTokens.json()).toMatchObject({ error: { message: 'max_tokens: Field required' } });
    const message = (await (await post(request)).json()) as Record<string, unknown>;
    expect(message).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn' });
    expect(fake.calls.map((c) => c.headers['anthropic-version'])).toEqual(['2026-10-21', '2026-10-21']);
  });

  it('lists models; fault bodies match the API (429 rate_limit_error, 529 overloaded_error, 500 api_error)', async () => {
    fake = await startAnthropicFake({ rejectUnknownModels: true });
    const list: unknown = await (await fetch(`${fake.url}/v1/models`, { headers: fake.headers() })).json();
    expect(list).toMatchObject({
      data: [
        { id: 'claude-sonnet-4-6', type: 'model', display_name: 'Claude Sonnet 4.6' },
        { type: 'model' },
      ],
      has_more: false,
      first_id: 'claude-sonnet-4-6',
      last_id: 'claude-haiku-4-5-20251001',
    });
    expect((await post({ ...request, model: 'claude-nope' })).status).toBe(404);
    for (const [status, type] of [
      [429, 'rate_limit_error'],
      [529, 'overloaded_error'],
      [500, 'api_error'],
    ] as const) {
      fake.failCalls(status, { retryAfter: 2 });
      const res = await post(request);
      expect(res.status).toBe(status);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await res.json()).toMatchObject({ type: 'error', error: { type } });
    }
  });

  it('a held stream counts as in flight; goDown ends it and close never hangs', async () => {
    fake = await startAnthropicFake();
    fake.replyWith('never sent', { holdBeforeFirstByte: true });
    const res = await post({ ...request, stream: true }); // the head comes before the hold
    expect(res.status).toBe(200);
    await fake.waitForHeld();
    expect(fake.server.inFlight).toBe(1);
    const body = res.text();
    await fake.server.goDown();
    await expect(body).rejects.toThrow('terminated');
    expect((await fake.waitForOutcome(0)).outcome).toBe('client-closed');
    expect(fake.calls[0]?.firstByteAt).toBeUndefined();
  });
});

describe('OpenAI fake on the wire', () => {
  let fake: OpenAiFake;
  afterEach(async () => {
    expect(fake.server.handlerErrors).toEqual([]);
    await fake.close();
  });
  const post = (body: unknown, key: string | null = 'sk-proj-fake-key-0001') =>
    fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      },
      body: JSON.stringify(body),
    });
  const request = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

  it('streams data: chunks, a finish_reason chunk, then data: [DONE]', async () => {
    fake = await startOpenAiFake({ stream: { chunkSize: 4 } });
    fake.replyWith('Hi [ESCALATION_REQUESTED]', { finish: 'length' });
    const res = await post({ ...request, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = parseSse(await res.text());
    expect(events.every((e) => e.event === undefined)).toBe(true);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => json(e.data));
    for (const c of chunks)
      expect(c).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-4o-mini' });
    const choices = chunks.map((c) => (c.choices as Record<string, unknown>[])[0]);
    expect(choices[0]).toMatchObject({
      index: 0,
      delta: { role: 'assistant', content: '' },
      finish_reason: null,
    });
    const text = choices.map((c) => (c?.delta as { content?: string } | undefined)?.content ?? '').join('');
    expect(text).toBe('Hi [ESCALATION_REQUESTED]');
    expect(choices.at(-2)).toMatchObject({ delta: {}, finish_reason: 'length' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 7 } });
  });

  it('checks the Bearer key (none needed with apiKey: null) with OpenAI error bodies', async () => {
    fake = await startOpenAiFake();
    const wrong = await post(request, 'sk-wrong');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect((await post(request, null)).status).toBe(401);
    await fake.close();
    fake = await startOpenAiFake({ apiKey: null, rejectUnknownModels: true });
    const completion = (await (await post(request, null)).json()) as Record<string, unknown>;
    expect(completion).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello from the fake model.' },
          finish_reason: 'stop',
        },
      ],
    });
    const unknown = await post({ ...request, model: 'gpt-nope' });
    expect(await unknown.json()).toMatchObject({ error: { code: 'model_not_found' } });
  });

  it('lists models; fault bodies match the API (429 rate_limit_exceeded, 500 server_error)', async () => {
    fake = await startOpenAiFake();
    const headers = { authorization: 'Bearer sk-proj-fake-key-0001' };
    expect(await (await fetch(`${fake.baseURL}/models`, { headers })).json()).toEqual({
      object: 'list',
      data: [
        { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
        { id: 'gpt-4.1', object: 'model', created: 1744316542, owned_by: 'system' },
      ],
    });
    fake.server.inject({ status: 429, retryAfter: '3' });
    const limited = await post(request);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
    fake.server.inject({ status: 500 });
    expect(await (await post(request)).json()).toMatchObject({ error: { type: 'server_error', code: null } });
  });

  it('close() releases a held stream and fails pending waits instead of hanging', async () => {
    fake = await startOpenAiFake();
    fake.replyWith('never sent', { holdBeforeFirstByte: true });
    const res = await post({ ...request, stream: true });
    await fake.waitForHeld();
    const never = fake.waitForCall(5);
    const body = res.text().catch((e: unknown) => e);
    await fake.close();
    await expect(never).rejects.toThrow('openai-fake: closed');
    expect(await body).toBeInstanceOf(Error);
  });
});
