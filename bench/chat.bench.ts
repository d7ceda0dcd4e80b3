// Streaming latency as the technician feels it: from the moment the (fake) model writes its first
// byte to the moment the renderer's WebSocket receives the first token, through the real core,
// the real SDK, the outbox worker and the browser host, all in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startOpenAiFake } from '../e2e/fakes/ai/openai-fake';
import { createCore } from '../src-main/core';
import { startBrowserHost } from '../src-main/host/browser-host';
import type { SecretVault } from '../src-main/vault/secret-vault';
import { migrationsDir } from './lib/env';
import { msRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { summarize } from './lib/stats';

const ROUNDS = 30;

/** The bench measures streaming, not the keychain: an in-memory vault keeps it runnable anywhere. */
function memoryVault(): SecretVault {
  const store = new Map<string, string>();
  return {
    get: (s, a) => Promise.resolve(store.get(`${s}/${a}`) ?? null),
    set: (s, a, v) => Promise.resolve(void store.set(`${s}/${a}`, v)),
    delete: (s, a) => Promise.resolve(store.delete(`${s}/${a}`)),
    list: (s) =>
      Promise.resolve(
        [...store.keys()].filter((k) => k.startsWith(`${s}/`)).map((k) => k.slice(s.length + 1)),
      ),
  };
}

register('chat.first-token', async (ctx: BenchContext) => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-chat-'));
  const fake = await startOpenAiFake({ apiKey: null });
  fake.setDefaultReply('Restart the Print Spooler service and try again.', { chunkSize: 8, chunkDelayMs: 5 });
  const core = createCore({
    dataDir: dir,
    migrationsDir,
    vault: memoryVault(),
    host: 'browser',
    version: 'bench',
    log: () => undefined,
  });
  const host = await startBrowserHost(core, { rendererDir: dir });
  try {
    const call = async (channel: string, input?: unknown) => {
      const reply = await core.dispatch(channel, input);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as { id: string };
    };
    await call('profile:create', { name: 'Bench', email: 'bench@example.com', role: 'owner' });
    await call('settings:ai-save', {
      provider: 'openai-compatible',
      baseUrl: `${fake.url}/v1`,
      model: 'bench-model',
    });
    const session = await call('sessions:create', {});

    const token = new URL(host.url).searchParams.get('token')!;
    const origin = `http://127.0.0.1:${host.port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, { origin });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    // The first token of the reply to the message just sent (deltas of the previous reply may still be in flight).
    let waitingFor: { messageId: string; resolve: (at: number) => void } | null = null;
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      if (!waitingFor || !data.toString('utf8', 0, 40).includes('"message_delta"')) return;
      const { payload } = JSON.parse(data.toString('utf8')) as { payload: { replyToId: string } };
      if (payload.replyToId === waitingFor.messageId) {
        waitingFor.resolve(at);
        waitingFor = null;
      }
    });

    ctx.log(`chat: ${ROUNDS} replies streamed to a WebSocket client`);
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const callIndex = fake.calls.length;
      let resolveDelta: (at: number) => void = () => undefined;
      const firstDelta = new Promise<number>((resolve) => (resolveDelta = resolve));
      const sent = await call('messages:add', { sessionId: session.id, body: `Nothing prints (${i})` });
      waitingFor = { messageId: sent.id, resolve: resolveDelta };
      const receivedAt = await firstDelta;
      const firstByteAt = await fake.waitForFirstByte(callIndex);
      await fake.waitForOutcome(callIndex);
      samples.push(receivedAt - firstByteAt);
    }
    ws.close();
    const s = summarize(samples.slice(5)); // the first rounds warm up the SDK and the JIT
    return [
      msRow('first token: fake first byte → renderer socket p50', s.p50, 50),
      msRow('first token: fake first byte → renderer socket p95', s.p95, 50),
    ];
  } finally {
    await host.close();
    await core.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
