// Property-based tests over EVERY channel of the contract (issue 13, item 2): inputs generated from
// the channel's zod schema plus hostile variants (huge strings, deep nesting, __proto__, wrong types,
// invalid URLs of every kind), sent to a real core by its owner. Each reply is a `{ ok: false }`
// envelope with a known code or a valid reply — never a throw, never INTERNAL (an unexpected throw
// inside a handler) — and the core still answers afterwards. The same through the browser host's
// WebSocket, where the input is whatever JSON a page can send.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, Envelope, SessionDetail } from '../../src-preload/contract';
import { CHANNELS, ERROR_CODES, contract } from '../../src-preload/contract';
import { startBrowserHost } from '../host/browser-host';
import type { BrowserHost } from '../host/browser-host';
import { createHttpClient, NetworkError } from '../net/http';
import { inputArbitrary } from '../test-support/contract-arbitraries';
import { tempCore, tempDir } from '../test-support/temp-core';

const RUNS_PER_CHANNEL = Number(process.env.BATON_FUZZ_RUNS ?? 40);

let core: ReturnType<typeof tempCore>;
let sessionId: string;
let ownerId: string;
const internalErrors: string[] = [];

// No network at all: every outbound call fails at once the way a refused connection does, so the
// credential tests, sign-in and the outbox exercise their failure paths instead of the internet.
const offlineFetch = ((input: string | URL) =>
  Promise.reject(
    new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect ECONNREFUSED ${String(input).slice(0, 60)}`), {
        code: 'ECONNREFUSED',
      }),
    }),
  )) as typeof fetch;

beforeAll(async () => {
  core = tempCore({
    http: createHttpClient({ fetch: offlineFetch, defaultTimeoutMs: 1_000 }),
    openExternal: () => Promise.reject(new NetworkError('refused', 'no browser in tests', 'about:blank')),
    postWaitMs: 20,
    aiTimeoutMs: 200,
    teamPoll: false,
    log: (message) => {
      if (message.startsWith('handler ')) internalErrors.push(message);
    },
  });
  const owner = await core.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });
  expect(owner.ok).toBe(true);
  ownerId = (owner as { ok: true; value: { id: string } }).value.id;
  const session = await core.dispatch('sessions:create', { title: 'Fuzzed session' });
  sessionId = (session as { ok: true; value: SessionDetail }).value.id;
  await core.dispatch('messages:add', { sessionId, body: 'Printer offline on floor 3' });
});
afterAll(async () => {
  // Whatever the fuzzed settings stored in the (test) keychain goes with the core.
  for (const [service, account] of [
    ['ai', 'anthropic'],
    ['ai', 'openai-compatible'],
    ['connectwise', 'publicKey'],
    ['connectwise', 'privateKey'],
    ['webhooks', 'teams'],
    ['webhooks', 'slack'],
  ] as const)
    await core.services.vault.delete(service, account).catch(() => undefined);
  await core.dispose();
});

/** Ids that exist, so generated inputs reach past "not found" into the handlers. */
function knownIds(): string[] {
  const pluck = (sql: string) => core.sqlite.prepare(sql).pluck().all() as string[];
  return [
    ...pluck('select id from sessions limit 5'),
    ...pluck('select id from users limit 5'),
    ...pluck('select id from handoffs limit 5'),
    ...pluck('select id from steps limit 3'),
    ...pluck('select id from facts limit 3'),
    ...pluck('select id from hypotheses limit 3'),
    ...pluck('select id from messages limit 3'),
    ...pluck('select id from suggested_fixes limit 3'),
  ];
}
const ctx = { ids: knownIds };

function expectEnvelope(channel: string, input: unknown, reply: Envelope<unknown>) {
  const shown = () => `${channel} ${safeJson(input).slice(0, 300)}`;
  expect(typeof reply, shown()).toBe('object');
  expect(JSON.stringify(reply).length, shown()).toBeGreaterThan(0);
  if (reply.ok) return;
  expect(ERROR_CODES, shown()).toContain(reply.error.code);
  expect(reply.error.code, `${shown()}: ${reply.error.message}`).not.toBe('INTERNAL');
  expect(typeof reply.error.message, shown()).toBe('string');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

async function stillAnswers() {
  expect(await core.dispatch('app:info', undefined)).toMatchObject({ ok: true });
  expect(await core.dispatch('sessions:get', { id: sessionId })).toMatchObject({ ok: true });
}

describe('every channel, generated and hostile input, through the dispatcher', () => {
  // As the owner, who may call everything (profile:switch may have moved to someone else).
  beforeEach(() => void core.services.profiles.switchTo(ownerId));

  it('covers the whole contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(60);
  });

  for (const channel of CHANNELS) {
    it(channel, async () => {
      await fc.assert(
        fc.asyncProperty(inputArbitrary(contract[channel].input, ctx), async (input) => {
          const reply = await core.dispatch(channel, input);
          expectEnvelope(channel, input, reply);
        }),
        { numRuns: RUNS_PER_CHANNEL, timeout: 10_000, markInterruptAsFailure: true },
      );
      expect(internalErrors).toEqual([]);
      await stillAnswers();
    });
  }
});

describe('through the browser host', () => {
  let host: BrowserHost;
  let renderer: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    renderer = tempDir('baton-renderer-');
    mkdirSync(join(renderer.path, 'assets'));
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Baton</title>');
    host = await startBrowserHost(core, { rendererDir: renderer.path, log: () => undefined });
  });
  afterAll(async () => {
    await host.close();
    renderer.remove();
  });

  it('any channel name and any JSON input get an answer; the connection stays open', async () => {
    const token = new URL(host.url).searchParams.get('token')!;
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, {
      origin: `http://127.0.0.1:${host.port}`,
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const pending = new Map<number, (reply: Envelope<unknown>) => void>();
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; reply?: Envelope<unknown> };
      if (message.id !== undefined && message.reply) pending.get(message.id)?.(message.reply);
    });
    let nextId = 1;
    const call = (channel: string, input: unknown) => {
      const id = nextId++;
      const answered = new Promise<Envelope<unknown>>((resolve) => pending.set(id, resolve));
      ws.send(JSON.stringify({ id, channel, input }));
      return answered;
    };
    const channelArb = fc.oneof(
      { arbitrary: fc.constantFrom(...CHANNELS), weight: 5 },
      { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'app:', ':', ''), weight: 1 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(
        channelArb.chain((channel) =>
          fc.tuple(
            fc.constant(channel),
            Object.hasOwn(contract, channel)
              ? inputArbitrary(contract[channel as Channel].input, ctx)
              : fc.anything({ maxDepth: 3 }),
          ),
        ),
        async ([channel, input]) => {
          expectEnvelope(channel, input, await call(channel, input));
        },
      ),
      { numRuns: 300, timeout: 10_000, markInterruptAsFailure: true },
    );
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(await call('app:info', undefined)).toMatchObject({ ok: true });
    ws.close();
    expect(internalErrors).toEqual([]);
  });
});
