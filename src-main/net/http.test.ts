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
    expect((await http.request({ url: `${server.url}/x` })).json()).toEqual({ ok: true });

    server.inject({ status: 429, retryAfter: '7', body: { code: 'TooMany', message: 'Slow down' } });
    const limited = await http.request({ url: `${server.url}/x` }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(HttpStatusError);
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 7_000, retryable: true });
    expect((limited as Error).message).toMatch(/HTTP 429 .*Slow down/);

    server.inject({
      status: 403,
      body: { code: 'Security', message: 'You do not have security permission' },
    });
    expect(await http.request({ url: `${server.url}/x` }).catch((e: unknown) => e)).toMatchObject({
      status: 403,
      retryable: false,
    });

    server.inject({ kind: 'timeout' });
    expect(await http.request({ url: `${server.url}/x` }).catch((e: unknown) => e)).toMatchObject({
      failure: 'timeout',
    });

    server.inject({ kind: 'drop' });
    const dropped = await http.request({ url: `${server.url}/x` }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(NetworkError);

    await server.goDown();
    expect(await http.request({ url: `${server.url}/x` }).catch((e: unknown) => e)).toMatchObject({
      failure: 'refused',
    });
  });

  it('sends JSON bodies with a content type', async () => {
    server = await startFakeServer((r) => ({
      status: 201,
      body: { got: JSON.parse(r.body) as unknown, type: r.headers['content-type'] },
    }));
    const res = await createHttpClient().request({ url: `${server.url}/x`, method: 'POST', json: { a: 1 } });
    expect(res.json()).toEqual({ got: { a: 1 }, type: 'application/json' });
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
