// The outbox against loopback fakes: real SQLite, real HTTP, real timers.
import { afterEach, describe, expect, it } from 'vitest';
import type { EchoFake } from '../../e2e/fakes/echo-fake';
import { startEchoFake } from '../../e2e/fakes/echo-fake';
import type { FakeHttpServer } from '../../e2e/fakes/fake-http-server';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type { QueueStatus } from '../../src-preload/contract';
import { inTransaction } from '../store/database';
import { outboxCore } from './test-support/outbox-harness';
import { seedProfile } from '../test-support/profiles';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function echoSetup(opts: { timeoutMs?: number } = {}) {
  const echo: EchoFake = await startEchoFake();
  cleanups.push(() => echo.close());
  const h = outboxCore({ echoUrl: echo.server.url, ...opts });
  cleanups.push(() => h.core.dispose());
  seedProfile(h.core, { name: 'Jane Doe', email: 'jane@example.com', role: 'technician' });
  const session = (await h.core.dispatch('sessions:create', {})) as { ok: true; value: { id: string } };
  const addNote = async (body: string) => {
    const reply = await h.core.dispatch('messages:add', { sessionId: session.value.id, body });
    if (!reply.ok) throw new Error(reply.error.message);
  };
  return { echo, h, addNote, sessionId: session.value.id };
}

async function postSetup(opts: { limit?: number; maxAttempts?: number; latencyMs?: number } = {}) {
  const server: FakeHttpServer = await startFakeServer(() => ({ status: 200, body: { ok: true } }), {
    latencyMs: opts.latencyMs ?? 0,
  });
  cleanups.push(() => server.close());
  const h = outboxCore({ postUrl: server.url, ...opts });
  cleanups.push(() => h.core.dispose());
  return { server, h };
}

describe('enqueue', () => {
  it('writes the job in the transaction of the change: a rolled-back change leaves no job and no effect', async () => {
    const { h, echo, sessionId } = await echoSetup();
    expect(() =>
      inTransaction(h.core.db, () => {
        h.core.services.sessions.addMessage(h.core.services.profiles.require(), sessionId, 'will roll back');
        throw new Error('injected failure after the enqueue');
      }),
    ).toThrow('injected failure');
    expect(h.jobs()).toHaveLength(0);
    expect(h.core.sqlite.prepare('select count(*) from messages').pluck().get()).toBe(0);
    expect(() => h.core.enqueue({ kind: 'diagnostics.echo', payload: {}, idempotencyKey: 'x' })).toThrow(
      /inside the transaction/,
    );
    await h.core.dispatch('queue:status', undefined);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('treats the same idempotency key as one job', async () => {
    const { h } = await postSetup();
    inTransaction(h.core.db, () => {
      h.core.enqueue({ kind: 'test.post', payload: { n: 1 }, idempotencyKey: 'same' });
      h.core.enqueue({ kind: 'test.post', payload: { n: 1 }, idempotencyKey: 'same' });
    });
    expect(h.jobs()).toHaveLength(1);
  });
});

describe('worker', () => {
  it('sends a note through the outbox once and marks the job done', async () => {
    const { h, echo, addNote } = await echoSetup();
    await addNote('Printer on floor 3 is offline');
    const [job] = h.jobs();
    await h.waitForJob(job!.id, ['done']);
    expect(echo.records.map((r) => r.text)).toEqual(['Printer on floor 3 is offline']);
    expect(echo.records[0]!.reference).toMatch(/^baton-ref:echo:/);
  });

  it('obeys Retry-After on 429: the second try waits as long as the server asked', async () => {
    const { server, h } = await postSetup();
    server.inject({ status: 429, retryAfter: '1', match: { method: 'POST' } });
    h.enqueuePosts(1);
    const [job] = h.jobs();
    await h.waitForJob(job!.id, ['done']);
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    const waited = posts[1]!.at - posts[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2_000);
    expect(h.jobs()[0]).toMatchObject({ attempts: 2, last_error: null });
  });

  it('retries a 500 with backoff and succeeds', async () => {
    const { server, h } = await postSetup();
    server.inject({ status: 500, times: 2 });
    h.enqueuePosts(1);
    await h.waitForAllDone();
    expect(server.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(h.jobs()[0]).toMatchObject({ state: 'done', attempts: 3 });
  });

  it('gives up after the configured attempts and keeps the last error; a 4xx fails at once', async () => {
    const { server, h } = await postSetup({ maxAttempts: 3 });
    server.inject({ status: 500, times: Infinity, match: (r) => r.body.includes('"n":0') });
    server.inject({
      status: 400,
      body: { message: 'ticket object is invalid' },
      times: Infinity,
      match: (r) => r.body.includes('"n":1'),
    });
    h.enqueuePosts(2);
    await h.waitForAllDone();
    const [gaveUp, rejected] = h.jobs();
    expect(gaveUp).toMatchObject({ state: 'dead', attempts: 3 });
    expect(gaveUp!.last_error).toMatch(/^Gave up after 3 tries: HTTP 500/);
    expect(rejected).toMatchObject({ state: 'dead', attempts: 1 });
    expect(rejected!.last_error).toMatch(/HTTP 400 .*ticket object is invalid/);
    const status = (await h.core.dispatch('queue:status', undefined)) as { ok: true; value: QueueStatus };
    expect(status.value).toMatchObject({ dead: 2, waiting: 0 });
  });

  it('a timeout counts as offline; the job is not charged for it and goes out once the service answers', async () => {
    const { h, echo, addNote } = await echoSetup({ timeoutMs: 300 });
    echo.server.inject({ kind: 'timeout', match: { method: 'GET' } });
    await addNote('VPN drops every 10 minutes');
    await h.waitForConnection(false);
    expect(h.core.services.connectivity.state().reason).toMatch(/did not answer in time/);
    await h.waitForAllDone();
    expect(h.core.services.connectivity.state().online).toBe(true);
    expect(echo.records).toHaveLength(1);
    expect(h.jobs()[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('connection refused flips to offline, nothing is lost, and reconnecting drains the queue', async () => {
    const { h, echo, addNote } = await echoSetup();
    await echo.server.goDown();
    await addNote('first');
    await h.waitForConnection(false);
    await addNote('second');
    await addNote('third');
    const status = (await h.core.dispatch('queue:status', undefined)) as { ok: true; value: QueueStatus };
    expect(status.value.connection).toMatchObject({ online: false });
    expect(status.value.connection.reason).toMatch(/refused the connection/);
    expect(status.value.waiting + status.value.running).toBe(3);

    await echo.server.comeBack();
    await h.waitForAllDone();
    expect(echo.records.map((r) => r.text).sort()).toEqual(['first', 'second', 'third']);
    expect(h.jobs().every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    expect(h.connectionChanges()).toEqual([false, true]);
  });

  it('never has more than the service limit in flight while draining 1,000 jobs', async () => {
    const { server, h } = await postSetup({ limit: 3, latencyMs: 2 });
    h.enqueuePosts(1_000);
    await h.waitForAllDone(60_000);
    expect(server.requests.filter((r) => r.status === 200)).toHaveLength(1_000);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThanOrEqual(2);
  });

  it('waits while "Work offline" is on and drains with progress when it is turned off', async () => {
    const { server, h } = await postSetup({ latencyMs: 20 });
    seedProfile(h.core, { name: 'Jane', email: 'jane@example.com', role: 'technician' });
    await h.core.dispatch('connection:set-work-offline', { workOffline: true });
    h.enqueuePosts(20);
    const waiting = (await h.core.dispatch('queue:status', undefined)) as { ok: true; value: QueueStatus };
    expect(waiting.value).toMatchObject({ waiting: 20, connection: { workOffline: true } });
    expect(server.requests).toHaveLength(0);

    const resumed = (await h.core.dispatch('connection:set-work-offline', { workOffline: false })) as {
      ok: true;
      value: QueueStatus;
    };
    expect(resumed.value.drain).toEqual({ total: 20, done: 0 });
    await server.waitUntil(() => server.requests.length >= 8);
    const midway = (await h.core.dispatch('queue:status', undefined)) as { ok: true; value: QueueStatus };
    expect(midway.value.drain!.total).toBe(20);
    expect(midway.value.drain!.done).toBeGreaterThan(0);
    expect(midway.value.drain!.done).toBeLessThan(20);
    await h.waitForAllDone();
    expect(server.requests).toHaveLength(20);
    const after = (await h.core.dispatch('queue:status', undefined)) as { ok: true; value: QueueStatus };
    expect(after.value.drain).toBeNull();
  });

  it('on stop, aborts in-flight work and leaves the job queued without charging the attempt', async () => {
    const { server, h } = await postSetup();
    server.inject({ kind: 'timeout' });
    h.enqueuePosts(1);
    await server.waitForRequest({ method: 'POST' });
    await h.core.services.worker.stop();
    expect(h.jobs()[0]).toMatchObject({ state: 'queued', attempts: 0 });
  });
});

describe('Retry and Discard', () => {
  it('retries a dead job from the start and discards only dead jobs, both audited', async () => {
    const { server, h } = await postSetup({ maxAttempts: 1 });
    seedProfile(h.core, { name: 'Jane', email: 'jane@example.com', role: 'technician' });
    server.inject({ status: 503, times: 2 });
    h.enqueuePosts(2);
    await h.waitForAllDone();
    const [first, second] = h.jobs();
    expect([first!.state, second!.state]).toEqual(['dead', 'dead']);

    const retried = await h.core.dispatch('queue:retry', { id: first!.id });
    expect(retried).toMatchObject({
      ok: true,
      value: { state: 'queued', attempts: 0, label: 'Test post 0' },
    });
    await h.waitForJob(first!.id, ['done']);
    expect(await h.core.dispatch('queue:discard', { id: first!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await h.core.dispatch('queue:discard', { id: second!.id })).toEqual({ ok: true, value: null });
    expect(await h.core.dispatch('queue:retry', { id: second!.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const audit = h.core.sqlite
      .prepare("select action from audit_log where entity_type = 'job' order by id")
      .pluck()
      .all();
    expect(audit).toEqual(['job.retry', 'job.discard']);
  });
});

describe('start-up', () => {
  it('requeues jobs a crash left running and prunes sent jobs older than a week', async () => {
    const { server, h } = await postSetup();
    await h.core.services.worker.stop();
    h.enqueuePosts(2);
    const [stuck, old] = h.jobs();
    h.core.sqlite.prepare("update jobs set state = 'running', attempts = 1 where id = ?").run(stuck!.id);
    h.core.sqlite
      .prepare("update jobs set state = 'done', updated_at = ? where id = ?")
      .run(Date.now() - 8 * 86_400_000, old!.id);
    h.core.services.worker.start();
    await h.waitForJob(stuck!.id, ['done']);
    expect(h.jobs().map((j) => j.id)).toEqual([stuck!.id]);
    expect(server.requests).toHaveLength(1);
  });
});
