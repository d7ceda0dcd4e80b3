import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeHttpServer } from './fake-http-server';
import { startFakeServer } from './fake-http-server';

/** The `cause.code` of a rejected fetch (undici wraps network errors in `TypeError: fetch failed`). */
async function fetchErrorCode(promise: Promise<Response>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  return ((error as Error).cause as { code?: string } | undefined)?.code;
}

/** Tracks whether a promise has settled, without waiting for it. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('fake http server', () => {
  let server: FakeHttpServer;
  let counter: number;

  beforeEach(async () => {
    counter = 0;
    server = await startFakeServer((request) => {
      if (request.method === 'POST') counter += 1;
      return { status: 200, body: { counter, path: request.path } };
    });
  });
  afterEach(() => server.close());

  it('listens on loopback, logs requests with method, path, query, headers and body', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/things/1?x=1&y=two`, {
      method: 'POST',
      headers: { 'x-test': 'yes', 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ counter: 1, path: '/things/1' });
    const [logged] = server.requests;
    expect(logged).toMatchObject({
      seq: 1,
      method: 'POST',
      path: '/things/1',
      query: { x: '1', y: 'two' },
      body: '{"a":1}',
      applied: true,
      status: 200,
    });
    expect(logged!.headers['x-test']).toBe('yes');
    expect(typeof logged!.at).toBe('number');
  });

  it('answers 429 with Retry-After as configured, then resumes normal service', async () => {
    const handle = server.inject({ status: 429, retryAfter: '2', times: 2, match: { method: 'POST' } });
    const date = new Date('2030-01-01T00:00:00Z');
    server.inject({ status: 503, retryAfter: date, match: { path: '/dated' } });

    expect((await fetch(`${server.url}/a`)).status).toBe(200); // GET does not match the first fault
    for (let i = 0; i < 2; i++) {
      const limited = await fetch(`${server.url}/a`, { method: 'POST' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
    }
    expect(handle.hits).toBe(2);
    expect(handle.remaining).toBe(0);
    expect(counter).toBe(0); // faults answer without applying
    const ok = await fetch(`${server.url}/a`, { method: 'POST' });
    expect(ok.status).toBe(200);
    expect(counter).toBe(1);

    const dated = await fetch(`${server.url}/dated`);
    expect(dated.status).toBe(503);
    expect(dated.headers.get('retry-after')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    expect(server.requests.map((r) => r.fault ?? r.status)).toEqual([
      200,
      'status:429',
      'status:429',
      200,
      'status:503',
    ]);
  });

  it('keeps a persistent fault until it is cleared', async () => {
    server.inject({ status: 500, times: Infinity, match: { path: /^\/flaky/ } });
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/flaky/${i}`)).status).toBe(500);
    expect((await fetch(`${server.url}/fine`)).status).toBe(200);
    server.clearFaults();
    expect((await fetch(`${server.url}/flaky/4`)).status).toBe(200);
  });

  it('timeout: reads the request, never applies or answers, until the client aborts', async () => {
    server.inject({ kind: 'timeout' });
    const abort = new AbortController();
    const call = track(fetch(`${server.url}/slow`, { method: 'POST', body: 'x', signal: abort.signal }));
    const seen = await server.waitForRequest({ path: '/slow' });
    expect(seen).toMatchObject({ fault: 'timeout', applied: false, body: 'x' });
    expect(seen.status).toBeUndefined();
    expect(server.inFlight).toBe(1);
    expect(call.settled).toBe(false);
    abort.abort();
    await expect(call.promise).rejects.toThrow(/abort/i);
    await server.waitForIdle();
    expect(counter).toBe(0);
  });

  it('drop: destroys the socket after reading the request, the client gets a socket error', async () => {
    server.inject({ kind: 'drop' });
    expect(await fetchErrorCode(fetch(`${server.url}/x`, { method: 'POST', body: 'b' }))).toBe(
      'UND_ERR_SOCKET',
    );
    expect(counter).toBe(0);
    server.inject({ kind: 'drop', afterApply: true });
    expect(await fetchErrorCode(fetch(`${server.url}/x`, { method: 'POST', body: 'b' }))).toBe(
      'UND_ERR_SOCKET',
    );
    expect(counter).toBe(1);
    expect((await fetch(`${server.url}/x`)).status).toBe(200);
  });

  it('hold: applies the effect but never answers', async () => {
    server.inject({ kind: 'hold', match: { method: 'POST' } });
    const abort = new AbortController();
    const call = track(fetch(`${server.url}/commit`, { method: 'POST', signal: abort.signal }));
    const seen = await server.waitForRequest({ method: 'POST', path: '/commit' });
    expect(seen).toMatchObject({ fault: 'hold', applied: true });
    expect(counter).toBe(1);
    expect(call.settled).toBe(false);
    abort.abort();
    await expect(call.promise).rejects.toThrow(/abort/i);
  });

  it('goDown refuses connections (ECONNREFUSED); comeBack serves again on the same port', async () => {
    const port = server.port;
    expect((await fetch(`${server.url}/up`)).status).toBe(200);
    server.inject({ kind: 'hold' });
    const held = fetch(`${server.url}/held`);
    await server.waitForRequest({ path: '/held' });

    await server.goDown();
    expect(server.isUp).toBe(false);
    expect(await fetchErrorCode(held)).toBe('UND_ERR_SOCKET'); // open connections are cut
    expect(await fetchErrorCode(fetch(`${server.url}/down`))).toBe('ECONNREFUSED');

    await server.comeBack();
    expect(server.port).toBe(port);
    const res = await fetch(`http://127.0.0.1:${port}/back`);
    expect(res.status).toBe(200);
    expect(server.requests.map((r) => r.path)).toEqual(['/up', '/held', '/back']);
  });

  it('counts concurrent requests: maxInFlight reaches 20 under 20 parallel delayed requests', async () => {
    const delay = server.inject({ delayMs: 300, times: Infinity });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => fetch(`${server.url}/p/${i}`, { method: 'POST' })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(delay.hits).toBe(20);
    expect(server.maxInFlight).toBe(20);
    await server.waitForIdle();
    expect(server.inFlight).toBe(0);

    delay.remove();
    server.resetMaxInFlight();
    expect(server.maxInFlight).toBe(0);
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/s/${i}`);
    expect(server.maxInFlight).toBe(1);
  });

  it('applies the handler before a delayed answer and adds latency to every response', async () => {
    server.latencyMs = 20;
    server.inject({ delayMs: 50 });
    const call = fetch(`${server.url}/late`, { method: 'POST' });
    const seen = await server.waitForRequest({ path: '/late' });
    expect(seen).toMatchObject({ fault: 'delay', applied: true });
    expect(counter).toBe(1);
    expect((await call).status).toBe(200);
    expect(Date.now() - seen.at).toBeGreaterThanOrEqual(60); // 50 ms delay + 20 ms latency
  });

  it('waitForRequest sees past requests, or only new ones with `since`, and times out otherwise', async () => {
    await fetch(`${server.url}/first`);
    expect((await server.waitForRequest({ path: '/first' })).seq).toBe(1);
    const next = server.waitForRequest({ path: '/first' }, 5_000, { since: server.requests.length });
    const seen: string[] = [];
    const unsubscribe = server.onRequest((r) => seen.push(r.path));
    await fetch(`${server.url}/first`);
    expect((await next).seq).toBe(2);
    unsubscribe();
    await fetch(`${server.url}/other`);
    expect(seen).toEqual(['/first']);
    await expect(server.waitForRequest({ path: '/never' }, 50)).rejects.toThrow(/timed out/);
  });

  it('answers 500 when the handler throws and records the error', async () => {
    const broken = await startFakeServer(() => {
      throw new Error('boom');
    });
    try {
      const res = await fetch(`${broken.url}/`);
      expect(res.status).toBe(500);
      expect(broken.handlerErrors).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });
});
