import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { tempCore, tempDir } from '../test-support/temp-core';
import type { BrowserHost } from './browser-host';
import { rawText, startBrowserHost } from './browser-host';

describe('browser host', () => {
  let core: ReturnType<typeof tempCore>;
  let host: BrowserHost;
  let renderer: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    core = tempCore();
    renderer = tempDir('baton-renderer-');
    mkdirSync(join(renderer.path, 'assets'));
    writeFileSync(
      join(renderer.path, 'index.html'),
      '<!doctype html><html lang="en"><title>Baton</title></html>',
    );
    writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
    host = await startBrowserHost(core, { rendererDir: renderer.path });
  });
  afterEach(async () => {
    await host.close();
    await core.dispose();
    renderer.remove();
  });

  const origin = () => `http://127.0.0.1:${host.port}`;
  const token = () => new URL(host.url).searchParams.get('token')!;

  it('listens on loopback only and refuses requests without the token', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const denied = await fetch(`${origin()}/`);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toMatch(/npm run serve/);
    expect((await fetch(`${origin()}/?token=wrong`)).status).toBe(403);
  });

  it('trades the token for an HttpOnly cookie and then serves the app with a strict CSP', async () => {
    const first = await fetch(host.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${origin()}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('<title>Baton</title>');
    const traversal = await fetch(`${origin()}/..%2f..%2fetc%2fpasswd`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(await traversal.text()).not.toMatch(/root:/);
  });

  it("serves the page in this store's appearance, so it is painted in the right theme before the app loads", async () => {
    const first = await fetch(host.url, { redirect: 'manual' });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const page = async () => (await fetch(`${origin()}/`, { headers: { cookie } })).text();
    expect(await page()).toContain('<html data-theme="system" data-sidebar="expanded" lang="en">');
    const me = core.services.profiles.create({
      name: 'Olive Owner',
      email: 'olive@example.com',
      role: 'owner',
    });
    core.services.appearance.save(me, { theme: 'dark', sidebar: 'collapsed' });
    expect(await page()).toContain('<html data-theme="dark" data-sidebar="collapsed" lang="en">');
    // Scripts and styles are served as they are.
    expect(await (await fetch(`${origin()}/assets/app.js`, { headers: { cookie } })).text()).toBe(
      'console.log(1)',
    );
  });

  it('refuses a forged Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/?token=${token()}`,
          headers: { host: 'evil.example:80' },
        },
        (res) => resolve(res.statusCode!),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('carries the contract over the WebSocket and pushes events, for the right origin only', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token()}`, {
      origin: 'http://evil.example',
    });
    await expect(
      new Promise((resolve, reject) => refused.on('open', resolve).on('error', reject)),
    ).rejects.toThrow(/403/);

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token()}`, { origin: origin() });
    await new Promise((resolve) => ws.on('open', resolve));
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(rawText(data)) as Record<string, unknown>));
    const waitFor = async (predicate: (m: Record<string, unknown>) => boolean) => {
      for (let i = 0; i < 100 && !messages.some(predicate); i++) await new Promise((r) => setTimeout(r, 10));
      return messages.find(predicate);
    };

    ws.send(
      JSON.stringify({
        id: 1,
        channel: 'profile:create',
        input: { name: 'Jane', email: 'jane@example.com' },
      }),
    );
    expect(await waitFor((m) => m.id === 1)).toMatchObject({ reply: { ok: true, value: { name: 'Jane' } } });
    ws.send(JSON.stringify({ id: 2, channel: 'sessions:create', input: {} }));
    expect(await waitFor((m) => m.id === 2)).toMatchObject({ reply: { ok: true } });
    expect(await waitFor((m) => m.event === 'session_created')).toMatchObject({
      payload: { title: 'New session' },
    });
    ws.send(JSON.stringify({ id: 3, channel: 'messages:add', input: { sessionId: 'x', body: '' } }));
    expect(await waitFor((m) => m.id === 3)).toMatchObject({
      reply: { ok: false, error: { code: 'VALIDATION' } },
    });
    ws.close();
  });
});
