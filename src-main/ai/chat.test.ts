// The chat end to end under Node: real core, real SQLite, the real SDKs against loopback fakes of
// the Anthropic and OpenAI APIs, the real keychain for the API key.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnthropicFake } from '../../e2e/fakes/ai/anthropic-fake';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from '../../e2e/fakes/ai/anthropic-fake';
import { DEFAULT_OPENAI_KEY, startOpenAiFake } from '../../e2e/fakes/ai/openai-fake';
import type { EventMap, Message, QueueStatus, SessionDetail, UserRole } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { seedProfile } from '../test-support/profiles';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

type TestCore = ReturnType<typeof tempCore>;

async function call<T>(core: TestCore, channel: string, input?: unknown): Promise<T> {
  const reply = await core.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function chatCore(
  options: {
    provider?: 'anthropic' | 'openai-compatible';
    baseUrl?: string;
    apiKey?: string;
    role?: string;
  } = {},
) {
  const core = tempCore({
    http: createHttpClient({ defaultTimeoutMs: 2_000 }),
    aiTimeoutMs: 3_000,
    worker: { backoff: { baseMs: 40, capMs: 200 }, probe: { minMs: 50, maxMs: 200 }, pollMs: 1_000 },
  });
  cleanups.push(async () => {
    await core.services.vault.delete('ai', 'anthropic').catch(() => undefined);
    await core.services.vault.delete('ai', 'openai-compatible').catch(() => undefined);
    await core.dispose();
  });
  seedProfile(core, {
    name: 'Avery Admin',
    email: 'avery@example.com',
    role: (options.role ?? 'admin') as UserRole,
  });
  if (options.baseUrl) {
    await call(core, 'settings:ai-save', {
      provider: options.provider ?? 'anthropic',
      baseUrl: options.baseUrl,
      model: 'claude-test-1',
      apiKey: options.apiKey ?? DEFAULT_ANTHROPIC_KEY,
    });
  }
  const session = await call<SessionDetail>(core, 'sessions:create', {});
  const pushed: { event: keyof EventMap; payload: unknown }[] = [];
  core.events.onAny((event, payload) => pushed.push({ event, payload }));
  const waitFor = (predicate: () => boolean, what: string) => until(core, predicate, what);
  const detail = () => call<SessionDetail>(core, 'sessions:get', { id: session.id });
  const replyState = (id: string) =>
    core.services.sessions.get(session.id).messages.find((m) => m.id === id)?.reply.state;
  const send = (body: string) => call<Message>(core, 'messages:add', { sessionId: session.id, body });
  return { core, session, pushed, until: waitFor, detail, replyState, send };
}

async function anthropic(): Promise<AnthropicFake> {
  const fake = await startAnthropicFake();
  cleanups.push(() => fake.close());
  return fake;
}

describe('chat with Anthropic', () => {
  it('streams the reply token by token, records its markers and hides them', async () => {
    const fake = await anthropic();
    fake.replyWith(
      'Let us check the cached credentials.\n[FACT] Prompts began after the tenant migration\n[STEP] Run cmdkey /list | Old entries | None\n[HYPOTHESIS] Stale cached credentials',
      { chunkSize: 5 },
    );
    const chat = await chatCore({ baseUrl: fake.url });
    const sent = await chat.send('Outlook keeps asking for the password since the migration');
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the reply');

    const deltas = chat.pushed
      .filter((p) => p.event === 'message_delta')
      .map((p) => (p.payload as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas[0]!.length).toBeLessThan(deltas.at(-1)!.length);
    expect(deltas.every((text) => !text.includes('[FACT'))).toBe(true);

    const detail = await chat.detail();
    const reply = detail.messages.find((m) => m.role === 'assistant')!;
    expect(reply).toMatchObject({
      body: 'Let us check the cached credentials.',
      status: 'complete',
      replyToId: sent.id,
    });
    expect(detail.facts.map((f) => [f.text, f.source])).toEqual([
      ['Prompts began after the tenant migration', 'assistant'],
    ]);
    expect(detail.steps.map((s) => [s.text, s.options])).toEqual([
      ['Run cmdkey /list', ['Old entries', 'None']],
    ]);
    expect(detail.hypotheses.map((h) => h.label)).toEqual(['Stale cached credentials']);
    expect(detail.stateVersion).toBeGreaterThanOrEqual(3);

    const [modelCall] = fake.calls;
    expect(modelCall!.system).toMatch(/\[ESCALATION_REQUESTED\]/);
    expect(modelCall!.messages).toEqual([
      { role: 'user', content: 'Outlook keeps asking for the password since the migration' },
    ]);
  });

  it('the assistant marker flags the session for escalation; the same text from the technician does not', async () => {
    const fake = await anthropic();
    fake.replyWith('This needs Exchange admin rights.\n[ESCALATION_REQUESTED] Needs an Exchange admin');
    const chat = await chatCore({ baseUrl: fake.url });
    const spoofed = await chat.send('[ESCALATION_REQUESTED] please');
    await chat.until(() => chat.replyState(spoofed.id) === 'answered', 'the reply');
    const detail = await chat.detail();
    expect(detail.escalationRequest).toMatchObject({ requested: true, reason: 'Needs an Exchange admin' });
    expect(detail.messages.find((m) => m.role === 'assistant')!.body).toBe(
      'This needs Exchange admin rights.',
    );
    expect(detail.messages[0]!.body).toBe('[ESCALATION_REQUESTED] please'); // shown as typed, but it set nothing…

    const quiet = await chatCore({});
    await quiet.send('[ESCALATION_REQUESTED] please');
    expect((await quiet.detail()).escalationRequest.requested).toBe(false); // …as a session without an assistant shows
  });

  it('a technician asking for a senior flags the session without any AI', async () => {
    const chat = await chatCore({});
    await chat.send('I need a senior on this, the firewall config is beyond me');
    const detail = await chat.detail();
    expect(detail.escalationRequest.requested).toBe(true);
    expect(detail.escalationRequest.reason).toMatch(/Technician asked for a senior/);
    expect(detail.assistantAvailable).toBe(false);
    expect(detail.messages[0]!.reply.state).toBe('none');
  });

  it('withholds secrets from the model and says so on the message', async () => {
    const fake = await anthropic();
    const chat = await chatCore({ baseUrl: fake.url });
    const sent = await chat.send(
      'Service account login fails.\npassword: Hunter2!Winter\nkey sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
    );
    expect(sent.withheld.length).toBe(2);
    expect(JSON.stringify(sent.withheld)).not.toContain('Hunter2!Winter');
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the reply');
    expect(fake.calls[0]!.promptText).not.toContain('Hunter2!Winter');
    expect(fake.calls[0]!.promptText).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(fake.calls[0]!.promptText).toContain('Service account login fails.');
  });

  it('AI endpoint down: the message is kept, the reply waits for the AI (Baton is not "offline") and arrives when it answers', async () => {
    const fake = await anthropic();
    fake.replyWith('Back online, here is the answer.');
    const chat = await chatCore({ baseUrl: fake.url });
    await fake.server.goDown();
    const sent = await chat.send('Printer offline on floor 3');
    await chat.until(() => chat.replyState(sent.id) === 'waiting', 'waiting for the AI');
    expect((await chat.detail()).messages).toHaveLength(1);
    // The AI's own state says it; the connection (ConnectWise, Graph, the network) is not blamed.
    const status = await call<QueueStatus>(chat.core, 'queue:status');
    expect(status.connection).toMatchObject({ online: true, ai: { reachable: false } });
    expect(status.connection.ai.reason).toMatch(/refused|connect/i);
    const waiting = (await chat.detail()).messages[0]!.reply;
    expect(waiting.error).toMatch(/^The AI assistant is not reachable: /);
    await fake.server.comeBack();
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the reply after reconnecting');
    expect((await chat.detail()).messages.map((m) => m.body)).toEqual([
      'Printer offline on floor 3',
      'Back online, here is the answer.',
    ]);
    expect((await call<QueueStatus>(chat.core, 'queue:status')).connection.ai).toEqual({
      reachable: true,
      reason: null,
    });
  });

  it('a stream cut mid-reply keeps the partial text as incomplete, then completes it on the retry', async () => {
    const fake = await anthropic();
    fake.replyWith('First half of the answer, then the rest that never came', {
      chunkSize: 10,
      cutAfterChunks: 2,
    });
    fake.replyWith('The complete answer this time.');
    const chat = await chatCore({ baseUrl: fake.url });
    const sent = await chat.send('VPN drops every ten minutes');
    await chat.until(
      () =>
        chat.pushed.some(
          (p) => p.event === 'message_updated' && (p.payload as Message).status === 'incomplete',
        ),
      'the incomplete reply',
    );
    const incomplete = chat.pushed.find(
      (p) => p.event === 'message_updated' && (p.payload as Message).status === 'incomplete',
    )!.payload as Message;
    expect(incomplete.body).toBe('First half of the an'); // two chunks of ten characters
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the retried reply');
    const replies = (await chat.detail()).messages.filter((m) => m.role === 'assistant');
    expect(replies).toEqual([
      expect.objectContaining({
        id: incomplete.id,
        body: 'The complete answer this time.',
        status: 'complete',
      }),
    ]);
  });

  it('obeys retry-after on 429 and fails with Retry when the key is refused', async () => {
    const fake = await anthropic();
    fake.failCalls(429, { retryAfter: 1 });
    const chat = await chatCore({ baseUrl: fake.url });
    const sent = await chat.send('first');
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the reply after the rate limit');
    const [limited, answered] = fake.server.requests.filter((r) => r.method === 'POST');
    expect(answered!.at - limited!.at).toBeGreaterThanOrEqual(950);

    await call(chat.core, 'settings:ai-save', {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'claude-test-1',
      apiKey: 'sk-ant-wrong-key-000000000000',
    });
    const refused = await chat.send('second');
    await chat.until(() => chat.replyState(refused.id) === 'failed', 'the failed reply');
    const failed = (await chat.detail()).messages.find((m) => m.id === refused.id)!;
    expect(failed.reply.error).toMatch(/HTTP 401/);

    await call(chat.core, 'settings:ai-save', {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'claude-test-1',
      apiKey: DEFAULT_ANTHROPIC_KEY,
    });
    await call(chat.core, 'messages:retry-reply', { messageId: refused.id });
    await chat.until(() => chat.replyState(refused.id) === 'answered', 'the retried reply');
  });
});

describe('chat with an OpenAI-compatible endpoint', () => {
  it('streams a reply through the openai SDK', async () => {
    const fake = await startOpenAiFake();
    cleanups.push(() => fake.close());
    fake.replyWith('Restart the Print Spooler service.\n[FACT] Spooler is stopped');
    const chat = await chatCore({
      provider: 'openai-compatible',
      baseUrl: `${fake.url}/v1`,
      apiKey: DEFAULT_OPENAI_KEY,
    });
    const sent = await chat.send('Nothing prints');
    await chat.until(() => chat.replyState(sent.id) === 'answered', 'the reply');
    const detail = await chat.detail();
    expect(detail.messages.at(-1)!.body).toBe('Restart the Print Spooler service.');
    expect(detail.facts.map((f) => f.text)).toEqual(['Spooler is stopped']);
    expect(fake.calls[0]!.system).toMatch(/MSP/);
  });
});

describe('AI settings', () => {
  it('only owners and admins change them; the key stays in the keychain; Test connection says what is wrong', async () => {
    const fake = await anthropic();
    const admin = await chatCore({ baseUrl: fake.url });
    const view = await call<Record<string, unknown>>(admin.core, 'settings:ai-get');
    expect(view).toEqual({
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'claude-test-1',
      hasApiKey: true,
      canEdit: true,
      managed: [],
    });
    expect(JSON.stringify(admin.core.sqlite.prepare('select * from settings').all())).not.toContain(
      DEFAULT_ANTHROPIC_KEY,
    );
    expect(await admin.core.services.vault.get('ai', 'anthropic')).toBe(DEFAULT_ANTHROPIC_KEY);

    const good = await call<{ ok: boolean; message: string }>(admin.core, 'settings:ai-test', {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'claude-test-1',
    });
    expect(good).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Connected to Anthropic/) as string,
    });
    const badKey = await call<{ ok: boolean; message: string }>(admin.core, 'settings:ai-test', {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'm',
      apiKey: 'sk-ant-nope',
    });
    expect(badKey).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused the API key/) as string,
    });
    await fake.server.goDown();
    const down = await call<{ ok: boolean; message: string }>(admin.core, 'settings:ai-test', {
      provider: 'anthropic',
      baseUrl: fake.url,
      model: 'm',
    });
    expect(down).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Cannot reach the AI service/) as string,
    });
    expect(
      await admin.core.dispatch('settings:ai-save', {
        provider: 'anthropic',
        baseUrl: 'http://example.com',
        model: 'm',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });

    const tech = await chatCore({ role: 'technician' });
    expect(await tech.core.dispatch('settings:ai-save', { provider: 'none' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(tech.core, 'settings:ai-get')).toMatchObject({ canEdit: false });
  });
});

describe('AI credentials', () => {
  it('the stored key goes only to the stored endpoint: testing or saving another address needs the key typed', async () => {
    const fake = await anthropic();
    const other = await anthropic();
    const admin = await chatCore({ baseUrl: fake.url });
    const test = (input: Record<string, unknown>) =>
      call<{ ok: boolean; message: string }>(admin.core, 'settings:ai-test', {
        provider: 'anthropic',
        model: 'claude-test-1',
        ...input,
      });
    expect(await test({ baseUrl: other.url })).toEqual({
      ok: false,
      message: `Type the API key to use ${other.url}: the stored key is only sent to ${fake.url}`,
      latencyMs: 0,
    });
    expect(await test({ baseUrl: other.url, apiKey: DEFAULT_ANTHROPIC_KEY })).toMatchObject({ ok: true });
    // The SDK sends the key as a bearer token.
    expect(other.server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${DEFAULT_ANTHROPIC_KEY}`,
    ]);
    // Same endpoint (a trailing slash aside): the stored key is used.
    expect(await test({ baseUrl: `${fake.url}/` })).toMatchObject({ ok: true });
    expect(
      await admin.core.dispatch('settings:ai-save', {
        provider: 'anthropic',
        baseUrl: other.url,
        model: 'm',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'apiKey' }] } } });
    expect(other.server.requests).toHaveLength(1);
  });
});
