// The browser host survives what the network and other web pages can throw at it (issue 13, item 2):
// unparsable request paths (sent before any token check), malformed %-escapes, planted cookies,
// WebSocket protocol errors, frames over the limit, invalid UTF-8, `null` and other non-requests —
// and the core still answers afterwards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_REQUEST_BYTES } from '../../src-preload/contract';
import { tempCore, tempDir } from '../test-support/temp-core';
import type { BrowserHost } from './browser-host';
import { rawText, startBrowserHost } from './browser-host';

let core: ReturnType<typeof tempCore>;
let host: BrowserHost;
let renderer: ReturnType<typeof tempDir>;
const logged: string[] = [];

beforeEach(async () => {
  core = tempCore();
  renderer = tempDir('baton-renderer-');
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Baton</title>');
  host = await startBrowserHost(core, { rendererDir: renderer.path, log: (m) => logged.push(m) });
});
afterEach(async () => {
  await host.close();
  await core.dispose();
  renderer.remove();
  logged.length = 0;
});

const origin = () => `http://127.0.0.1:${host.port}`;
const token = () => new URL(host.url).searchParams.get('token')!;
const cookieName = () => `baton_host_token_${host.port}`;

/** Sends raw bytes as an HTTP request and resolves with the status line (or '' when the socket closed). */
function rawRequest(head: string): Promise<string> {
  return new Promise((resolve) => {
    // write, not end: a half-closed client gets no streamed answer. `Connection: close` ends it.
    const socket = connect(host.port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
  });
}

async function stillServes() {
  const page = await fetch(`${origin()}/`, { headers: { cookie: `${cookieName()}=${token()}` } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Baton</title>');
}

async function openBridge() {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token()}`, { origin: origin() });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const replies = new Map<number, { ok: boolean; error?: { code: string; message: string } }>();
  const waiters = new Map<number, () => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(rawText(data)) as { id?: number; reply?: { ok: boolean } };
    if (typeof message.id === 'number' && message.reply) {
      replies.set(message.id, message.reply);
      waiters.get(message.id)?.();
    }
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const reply = (id: number) =>
    replies.has(id)
      ? Promise.resolve(replies.get(id)!)
      : new Promise<NonNullable<ReturnType<typeof replies.get>>>((resolve) =>
          waiters.set(id, () => resolve(replies.get(id)!)),
        );
  const call = (id: number, channel: string, input?: unknown) => {
    ws.send(JSON.stringify({ id, channel, input }));
    return reply(id);
  };
  return { ws, reply, call, closed };
}

describe('HTTP requests that do not parse', () => {
  it('answers `//[` (an <img> on any web page can send it) and malformed escapes, and keeps serving', async () => {
    const hostHeader = `Host: 127.0.0.1:${host.port}\r\n`;
    expect(await rawRequest(`GET //[ HTTP/1.1\r\n${hostHeader}Connection: close\r\n\r\n`)).toMatch(
      /^HTTP\/1.1 403/,
    );
    expect(await rawRequest(`GET http://[ HTTP/1.1\r\n${hostHeader}Connection: close\r\n\r\n`)).toMatch(
      /^HTTP\/1.1 (400|403)/,
    );
    const cookie = `Cookie: ${cookieName()}=${token()}\r\n`;
    for (const path of ['/%E0%A4%A', '/%', '/assets/%00.js', '//[/..'])
      expect(
        await rawRequest(`GET ${path} HTTP/1.1\r\n${hostHeader}${cookie}Connection: close\r\n\r\n`),
      ).toMatch(/^HTTP\/1.1 (400|404|200)/);
    // The same path on the WebSocket upgrade.
    expect(
      await rawRequest(
        `GET //[ HTTP/1.1\r\n${hostHeader}Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1.1 403/);
    await stillServes();
  });

  it('a cookie planted by another loopback port does not lock the UI out, nor does a cookie flood', async () => {
    const planted = `${cookieName()}=planted-by-another-port; baton_host_token=old`;
    const page = await fetch(`${origin()}/`, {
      headers: { cookie: `${planted}; ${cookieName()}=${token()}` },
    });
    expect(page.status).toBe(200);
    // ~180 cookies of 4 KB: what a browser keeps for 127.0.0.1 at most.
    const flood = Array.from({ length: 180 }, (_, i) => `junk${i}=${'x'.repeat(4000)}`).join('; ');
    const flooded = await fetch(`${origin()}/`, {
      headers: { cookie: `${flood}; ${cookieName()}=${token()}` },
    });
    expect(flooded.status).toBe(200);
    expect((await fetch(`${origin()}/`, { headers: { cookie: planted } })).status).toBe(403);
  });
});

describe('the WebSocket bridge', () => {
  it('answers null, arrays, numbers and frames without an id by ignoring them, and keeps answering', async () => {
    const bridge = await openBridge();
    for (const frame of [
      'null',
      '[]',
      '42',
      '"text"',
      '{}',
      '{"id":"1","channel":"app:info"}',
      '{"id":1e400}',
    ])
      bridge.ws.send(frame);
    expect(await bridge.call(1, 'app:info')).toMatchObject({ ok: true });
    expect(await bridge.call(2, 42 as unknown as string)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await bridge.call(3, '__proto__')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    bridge.ws.send('{"id":4,"channel":"app:info", broken');
    expect(await bridge.reply(4)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    bridge.ws.close();
  });

  it('answers invalid UTF-8 with an error envelope instead of dropping the connection', async () => {
    const bridge = await openBridge();
    const frame = Buffer.concat([
      Buffer.from('{"id":7,"channel":"app:info","input":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    bridge.ws.send(frame, { binary: false });
    expect(await bridge.reply(7)).toMatchObject({ ok: false, error: { message: /UTF-8/ } });
    expect(await bridge.call(8, 'app:info')).toMatchObject({ ok: true });
    bridge.ws.close();
  });

  it('answers a frame over the limit (a 9 MB paste) with TOO_LARGE the UI can show, and stays connected', async () => {
    await core.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });
    const bridge = await openBridge();
    const session = (await bridge.call(1, 'sessions:create', {})) as unknown as { value: { id: string } };
    const paste = 'x'.repeat(9 * 1024 * 1024);
    const refused = await bridge.call(2, 'messages:add', { sessionId: session.value.id, body: paste });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: /too large to send/ } });
    // The largest valid message (100,000 characters that JSON escapes to six bytes each) is still accepted.
    const largest = '\u0001'.repeat(99_999) + 'x';
    expect(JSON.stringify(largest).length).toBeLessThan(MAX_REQUEST_BYTES);
    expect(
      await bridge.call(3, 'messages:add', { sessionId: session.value.id, body: largest }),
    ).toMatchObject({
      ok: true,
    });
    expect(await bridge.call(4, 'app:info')).toMatchObject({ ok: true });
    bridge.ws.close();
  });

  it('survives a WebSocket protocol error and a frame past the hard limit: that socket closes, the host stays', async () => {
    const broken = await openBridge();
    // An unmasked frame with a reserved opcode: a protocol error the server must close on.
    (broken.ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(
      Buffer.from([0x8f, 0x00]),
    );
    expect(await broken.closed).toBeGreaterThanOrEqual(1000);

    const huge = await openBridge();
    huge.ws.send(Buffer.alloc(65 * 1024 * 1024, 0x20), { binary: false });
    expect(await huge.closed).toBe(1009); // "message too big"

    const fresh = await openBridge();
    expect(await fresh.call(1, 'app:info')).toMatchObject({ ok: true });
    fresh.ws.close();
    await stillServes();
  });

  it('answers settings with bad URLs with VALIDATION (they used to kill the host)', async () => {
    await core.dispatch('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });
    const bridge = await openBridge();
    const bad: [string, unknown][] = [
      ['settings:ai-save', { provider: 'anthropic', baseUrl: '', model: 'm' }],
      ['settings:ai-test', { provider: 'openai-compatible', baseUrl: 'not a url', model: 'm' }],
      ['settings:webhooks-save', { teams: 'hooks.slack.com/services/x' }],
      ['settings:webhooks-save', { slack: 'http://[::1' }],
      ['settings:microsoft-save', { graphBaseUrl: 'graph' }],
      ['settings:microsoft-save', { authority: '' }],
      ['settings:microsoft-save', { authority: 'https://' }],
      ['settings:connectwise-save', { site: '//[', companyId: 'x', clientId: 'y' }],
    ];
    let id = 1;
    for (const [channel, input] of bad)
      expect(await bridge.call(id++, channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    expect(await bridge.call(id, 'app:info')).toMatchObject({ ok: true });
    bridge.ws.close();
  });
});
