import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type { FakeHttpServer } from '../../e2e/fakes/fake-http-server';
import { backoffDelay } from '../jobs/backoff';
import { assertAllowedUrl, createHttpClient, HttpStatusError, NetworkError, parseRetryAfter } from './http';

let server: FakeHttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('http client', () => {
  it('refuses plain http except to this computer', () => {
    expect(assertAllowedUrl('https://api-na.myconnectwise.net/x').host).toBe('api-na.myconnectwise.net');
    expect(assertAllowedUrl('http://127.0.0.1:8080/').port).toBe('8080');
    expect(assertAllowedUrl('http://localhost:11434/v1').hostname).toBe('localhost');
    expect(() => assertAllowedUrl('http://example.com/')).toThrow(/Only https/);
    expect(() => assertAllowedUrl('http://10.0.0.5/')).toThrow(/Only https/);
    expect(() => assertAllowedUrl('ftp://127.0.0.1/')).toThrow(/Only https/);
    expect(() => assertAllowedUrl('not a url')).toThrow(/Not a valid URL/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('classifies what went wrong: status errors carry Retry-After and the server message; no answer is a NetworkError', async () => {
    server = await startFakeServer(() => ({ status: 200, body: { ok: true } }));
    const http = createHttpClient({ defaultTimeoutMs: 300 });
    expect((await http.request({ url: `${server.url}/x`, carries: 'nothing' })).json()).toEqual({ ok: true });

    server.inject({ status: 429, retryAfter: '7', body: { code: 'TooMany', message: 'Slow down' } });
    const limited = await http
      .request({ url: `${server.url}/x`, carries: 'nothing' })
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(HttpStatusError);
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 7_000, retryable: true });
    expect((limited as Error).message).toMatch(/HTTP 429 .*Slow down/);

    server.inject({
      status: 403,
      body: { code: 'Security', message: 'You do not have security permission' },
    });
    expect(
      await http.request({ url: `${server.url}/x`, carries: 'nothing' }).catch((e: unknown) => e),
    ).toMatchObject({
      status: 403,
      retryable: false,
    });

    server.inject({ kind: 'timeout' });
    expect(
      await http.request({ url: `${server.url}/x`, carries: 'nothing' }).catch((e: unknown) => e),
    ).toMatchObject({
      failure: 'timeout',
    });

    server.inject({ kind: 'drop' });
    const dropped = await http
      .request({ url: `${server.url}/x`, carries: 'nothing' })
      .catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(NetworkError);

    await server.goDown();
    expect(
      await http.request({ url: `${server.url}/x`, carries: 'nothing' }).catch((e: unknown) => e),
    ).toMatchObject({
      failure: 'refused',
    });
  });

  it('sends JSON bodies with a content type', async () => {
    server = await startFakeServer((r) => ({
      status: 201,
      body: { got: JSON.parse(r.body) as unknown, type: r.headers['content-type'] },
    }));
    const res = await createHttpClient().request({
      url: `${server.url}/x`,
      method: 'POST',
      carries: { content: 'psa' },
      json: { a: 1 },
    });
    expect(res.json()).toEqual({ got: { a: 1 }, type: 'application/json' });
  });
});

describe('the redaction gate at the transport seam', () => {
  const PASTE = 'Tried again with DB_PASSWORD=Summer2026! and the local admin password is Winter2026!x';
  const echo = async () => {
    server = await startFakeServer((r) => ({
      status: 200,
      body: { body: r.body, auth: r.headers['authorization'] },
    }));
    return server;
  };

  it('redacts content bodies (JSON strings and text) but never headers', async () => {
    const s = await echo();
    const http = createHttpClient();
    const json = await http.request({
      url: `${s.url}/note`,
      method: 'POST',
      carries: { content: 'psa' },
      headers: { Authorization: 'Basic Y29udG9zbytwdWI6cHJpdg==' },
      json: { text: PASTE, nested: [{ note: 'pw is Tr0ub4dor&3' }], flag: true, id: 7 },
    });
    const { body, auth } = json.json<{ body: string; auth: string }>();
    expect(auth).toBe('Basic Y29udG9zbytwdWI6cHJpdg==');
    expect(body).not.toContain('Summer2026!');
    expect(body).not.toContain('Winter2026!x');
    expect(body).not.toContain('Tr0ub4dor&3');
    expect(JSON.parse(body)).toEqual({
      text: 'Tried again with DB_PASSWORD=[REDACTED:password] and the local admin password is [REDACTED:password]',
      nested: [{ note: 'pw is [REDACTED:password]' }],
      flag: true,
      id: 7,
    });
    const text = await http.request({
      url: `${s.url}/text`,
      method: 'POST',
      carries: { content: 'webhook' },
      headers: { 'Content-Type': 'text/plain' },
      body: PASTE,
    });
    expect(text.json<{ body: string }>().body).toBe(
      'Tried again with DB_PASSWORD=[REDACTED:password] and the local admin password is [REDACTED:password]',
    );
  });

  it('sends a declared credential exchange whole, and refuses a body on a request that carries nothing', async () => {
    const s = await echo();
    const http = createHttpClient();
    const form =
      'grant_type=refresh_token&refresh_token=0.AXkA-secret-refresh&client_secret=abc8Q~0123456789abcdefghijklmnopqrstuvw';
    const res = await http.request({
      url: `${s.url}/token`,
      method: 'POST',
      carries: { credentials: 'oauth' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(res.json<{ body: string }>().body).toBe(form);
    await expect(
      http.request({ url: `${s.url}/x`, method: 'POST', carries: 'nothing', json: { text: PASTE } }),
    ).rejects.toThrow(/carries nothing/);
    expect(s.requests).toHaveLength(1);
  });

  it('gates an SDK fetch: string bodies and Request objects alike', async () => {
    const s = await echo();
    const http = createHttpClient();
    const fetchAi = http.fetchFor({ content: 'ai' });
    const viaInit = await fetchAi(`${s.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: PASTE }] }),
    });
    const sentInit = JSON.parse(((await viaInit.json()) as { body: string }).body) as {
      messages: { content: string }[];
    };
    expect(sentInit.messages[0]!.content).not.toContain('Summer2026!');
    const viaRequest = await fetchAi(
      new Request(`${s.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: PASTE }),
      }),
    );
    expect(((await viaRequest.json()) as { body: string }).body).not.toContain('Winter2026!x');
    await expect(
      http.fetchFor('nothing')(`${s.url}/x`, { method: 'POST', body: 'anything' }),
    ).rejects.toThrow(/carries nothing/);
  });

  it('keeps JSON that is embedded in a content string valid (a note trailer)', async () => {
    const s = await echo();
    const trailer = JSON.stringify({ v: 1, reason: 'pw "Xy!9abc" then DB_PASSWORD=Sum\\mer2026!' });
    const res = await createHttpClient().request({
      url: `${s.url}/note`,
      method: 'POST',
      carries: { content: 'psa' },
      json: { text: `Package\n\n[baton:handoff] ${trailer}` },
    });
    const sent = JSON.parse(res.json<{ body: string }>().body) as { text: string };
    const line = sent.text.split('\n').at(-1)!;
    const parsed = JSON.parse(line.slice('[baton:handoff] '.length)) as { reason: string };
    expect(parsed.reason).not.toContain('Xy!9abc');
    expect(parsed.reason).not.toContain('mer2026!');
    expect(parsed.reason).toContain('[REDACTED:password]');
  });
});

describe('backoff', () => {
  it('doubles per attempt within [window/2, window], capped', () => {
    const policy = { baseMs: 1_000, capMs: 8_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4_000);
    expect(backoffDelay(10, policy, () => 1)).toBe(8_000);
  });
});
