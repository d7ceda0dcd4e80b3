// The contract every fetch under http.ts must keep, run against each adapter: Node's fetch (the browser
// host, tests) and Electron's net.fetch (src-main/electron/net-fetch.ts, through the recording double).
// Same loopback fake, same assertions: a failure means the same thing whichever network stack sent it.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type { FakeHttpServer } from '../../e2e/fakes/fake-http-server';
import { createHttpClient, HttpStatusError, NetworkError } from './http';

export function describeHttpContract(
  name: string,
  makeFetch: () => typeof fetch,
  /** Requests the adapter itself saw (the double's net.fetch records them), when it can tell. */
  sentThroughAdapter?: () => string[],
): void {
  describe(`http.ts over ${name}`, () => {
    let server: FakeHttpServer | null = null;
    afterEach(async () => {
      await server?.close();
      server = null;
    });
    const client = () => createHttpClient({ fetch: makeFetch(), defaultTimeoutMs: 400 });

    it('sends JSON and reads JSON, through this adapter', async () => {
      server = await startFakeServer((r) => ({
        status: 201,
        body: { got: JSON.parse(r.body) as unknown, type: r.headers['content-type'], method: r.method },
      }));
      const res = await client().request({
        url: `${server.url}/tickets`,
        method: 'POST',
        carries: { content: 'psa' },
        json: { a: 1 },
      });
      expect(res.status).toBe(201);
      expect(res.json()).toEqual({ got: { a: 1 }, type: 'application/json', method: 'POST' });
      if (sentThroughAdapter) expect(sentThroughAdapter()).toContain(`${server.url}/tickets`);
    });

    it('a refusal with Retry-After is an HttpStatusError that says when to try again', async () => {
      server = await startFakeServer(() => ({ status: 200, body: {} }));
      server.inject({ status: 429, retryAfter: '7', body: { message: 'Slow down' } });
      const err = await client()
        .request({ url: `${server.url}/x`, carries: 'nothing' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpStatusError);
      expect(err).toMatchObject({ status: 429, retryAfterMs: 7_000, retryable: true });
      expect((err as Error).message).toMatch(/Slow down/);
    });

    it('no answer in time is a timeout; a cut connection and a closed port are network errors', async () => {
      server = await startFakeServer(() => ({ status: 200, body: {} }));
      server.inject({ kind: 'timeout' });
      expect(
        await client()
          .request({ url: `${server.url}/x`, carries: 'nothing' })
          .catch((e: unknown) => e),
      ).toMatchObject({ name: 'NetworkError', failure: 'timeout' });

      server.inject({ kind: 'drop' });
      const dropped = await client()
        .request({ url: `${server.url}/x`, carries: 'nothing' })
        .catch((e: unknown) => e);
      expect(dropped).toBeInstanceOf(NetworkError);
      expect(['reset', 'other']).toContain((dropped as NetworkError).failure);

      // A port nobody listens on (a fresh one: no pooled connection to it).
      const closed = await startFakeServer(() => ({ status: 200 }));
      const closedUrl = closed.url;
      await closed.close();
      expect(
        await client()
          .request({ url: `${closedUrl}/x`, carries: 'nothing' })
          .catch((e: unknown) => e),
      ).toMatchObject({ name: 'NetworkError', failure: 'refused' });
    });

    it('a name that does not resolve is a DNS failure', async () => {
      const err = await client()
        .request({ url: 'https://baton-contract-test.invalid/x', carries: 'nothing', timeoutMs: 5_000 })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'NetworkError', failure: 'dns' });
    });

    it("the caller's abort is the caller's, not a network failure", async () => {
      server = await startFakeServer(() => ({ status: 200, body: {} }));
      server.inject({ kind: 'timeout' });
      const controller = new AbortController();
      const pending = client()
        .request({ url: `${server.url}/x`, carries: 'nothing', signal: controller.signal, timeoutMs: 5_000 })
        .catch((e: unknown) => e);
      controller.abort(new Error('the user cancelled'));
      expect(await pending).toMatchObject({ message: 'the user cancelled' });
    });

    it('streams a response body through fetch (the AI providers read replies this way)', async () => {
      server = await startFakeServer(() => ({
        status: 200,
        headers: { 'Content-Type': 'text/event-stream' },
        body: 'data: {"text":"one"}\n\ndata: {"text":"two"}\n\ndata: [DONE]\n\n',
      }));
      const res = await client().fetchFor({ content: 'ai' })(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        body: '{}',
      });
      const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      let text = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        text += new TextDecoder().decode(chunk.value);
      expect(text).toContain('data: [DONE]');
    });

    it('refuses plain http to another computer before anything is sent', async () => {
      const before = sentThroughAdapter?.().length ?? 0;
      await expect(
        client().request({ url: 'http://intranet.example/x', carries: 'nothing' }),
      ).rejects.toThrow(/Only https/);
      await expect(client().fetchFor('nothing')('http://intranet.example/x')).rejects.toThrow(/Only https/);
      if (sentThroughAdapter) expect(sentThroughAdapter()).toHaveLength(before);
    });
  });
}
