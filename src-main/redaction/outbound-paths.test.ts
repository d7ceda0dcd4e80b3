// One redaction gate on every path out (issue 14). Two halves:
// 1. No code talks to the network, raises an OS notification or writes a log line except through the
//    seams that pass the gate (src-main/net/http.ts, the notify() of electron/handoff-alerts.ts, the core's
//    log): a source scan fails on any other network primitive.
// 2. Every job kind the core runs, and every client that sends on its own (note drafts, "Test
//    connection"), is driven against loopback fakes with secrets planted in the store *behind the store's
//    own redaction* (as an older store or a forgetful writer would leave them): nothing that reaches a
//    fake holds one, and the gate counted what it withheld on each path. A job kind added without a
//    scenario here fails the test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAiFake } from '../../e2e/fakes/ai/openai-fake';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import { startMicrosoftAuthorityFake } from '../../e2e/fakes/microsoft/authority-fake';
import { fakeBrowser } from '../../e2e/fakes/microsoft/fake-browser';
import { startMicrosoftGraphFake } from '../../e2e/fakes/microsoft/graph-fake';
import { trustInThisProcess } from '../../e2e/fakes/microsoft/test-tls';
import type { HandoffConfirmation, MicrosoftSettings, SessionDetail, User } from '../../src-preload/contract';
import { TOKEN_CACHE_KEY } from '../microsoft/encrypted-token-cache';
import { createHttpClient } from '../net/http';
import { fakeConnection } from '../psa/connectwise/testing';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { SECRET_SAMPLES } from './corpus';
import type { OutboundPath } from './gate';
import { gateCounts, gateLogLine, gateNotification } from './gate';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the seams (source scan)', () => {
  const files = sourceFiles(join(ROOT, 'src-main')).map((f) => ({
    path: relative(ROOT, f),
    text: readFileSync(f, 'utf8'),
  }));

  it('nothing but src-main/net opens a connection', () => {
    // fetch(…) itself, Node's http/https/net/tls clients, undici, a WebSocket client, Electron's net.
    const NETWORK = [
      /(?<![.\w])fetch\(/,
      /globalThis\.fetch/,
      /from ['"](?:node:)?(?:https?|net|tls|http2)['"]/,
      /from ['"]undici['"]/,
      /new WebSocket\(/,
      /\bnet\.(?:request|fetch)\(/,
    ];
    // The browser host serves the UI on loopback (inbound only); test support is not shipped.
    const ALLOWED = [/^src-main\/net\//, /^src-main\/host\/browser-host\.ts$/, /^src-main\/test-support\//];
    const offenders = files
      .filter((f) => !ALLOWED.some((a) => a.test(f.path)))
      // A local helper that happens to be called fetch (search.ts) is not the network's.
      .map((f) => ({
        ...f,
        text: /const fetch = /.test(f.text) ? f.text.replace(/(?<![.\w])fetch\(/g, '') : f.text,
      }))
      .flatMap((f) => NETWORK.filter((n) => n.test(f.text)).map((n) => `${f.path}: ${n.source}`));
    expect(offenders).toEqual([]);
  });

  it('OS notifications and log lines go through the gate', () => {
    const notifying = files.filter((f) => /new Notification\(/.test(f.text));
    expect(notifying.map((f) => f.path)).toEqual(['src-main/electron/handoff-alerts.ts']);
    expect(notifying[0]!.text).toMatch(/new Notification\(gateNotification\(/);
    expect((notifying[0]!.text.match(/new Notification\(/g) ?? []).length).toBe(1);
    const core = files.find((f) => f.path === 'src-main/core.ts')!.text;
    expect(core).toMatch(
      /const log = \(message: string, err\?: unknown\) => sink\(gateLogLine\(message, err\)\)/,
    );
    // Nothing else in main writes to the console (the sinks a log file would replace).
    const consoles = files
      .filter((f) => !f.path.includes('/test-support/') && /console\.(?:log|error|warn|info)\(/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(consoles).toEqual(['src-main/core.ts', 'src-main/host/serve.ts']);
  });

  it('the gate itself redacts a notification, a log line and its error', () => {
    expect(gateNotification({ title: 'New escalation: pw is Tr0ub4dor&3', body: 'ok' })).toEqual({
      title: 'New escalation: pw is [REDACTED:password]',
      body: 'ok',
    });
    const line = gateLogLine('job failed', new Error('server said: password=Hunter22x! rejected'));
    expect(line).toContain('password=[REDACTED:password]');
    expect(line).not.toContain('Hunter22x!');
  });
});

const PLANTED = SECRET_SAMPLES.map((s) => s.text).join('\n\n');
const SECRETS = SECRET_SAMPLES.flatMap((s) => s.secrets.map((x) => x.value));
// In-app only: the bell writes a row on this machine; nothing leaves.
const LOCAL_KINDS = new Set(['notify.in_app']);

describe('every path out, driven end to end', () => {
  it('no planted secret reaches any fake, and the gate withheld them on every content path', async () => {
    const sent: { url: string; body: string }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const body =
        init?.body != null
          ? typeof init.body === 'string'
            ? init.body
            : Buffer.from(init.body as ArrayBuffer).toString('utf8')
          : input instanceof Request && input.body
            ? await input.clone().text()
            : '';
      sent.push({ url, body });
      return fetch(input, init);
    };

    const ai = await startOpenAiFake({ apiKey: null });
    ai.setDefaultReply('Check the service account, then restart the spooler.');
    const hooks = await startFakeServer(() => ({ status: 200, body: 'ok' }));
    const echo = await startFakeServer((r) =>
      r.method === 'GET' ? { status: 200, body: [] } : { status: 201, body: { id: 1 } },
    );
    const cw = await startConnectWiseFake({
      members: [
        { id: 7, identifier: 'ssenior', firstName: 'Sam', lastName: 'Senior', email: 'sam@msp.example' },
      ],
    });
    cw.addTicket({ id: 501, summary: 'Printer offline', status: { id: 5, name: 'In Progress' } });
    cw.addTicket({ id: 502, summary: 'VPN drops', status: { id: 5, name: 'In Progress' } });
    const authority = await startMicrosoftAuthorityFake();
    const untrust = trustInThisProcess(authority.certificate.cert);
    const graph = await startMicrosoftGraphFake({ tokens: authority });
    const browser = fakeBrowser();
    const core = tempCore({
      http: createHttpClient({ fetch: recording, defaultTimeoutMs: 5_000 }),
      openExternal: (url) => browser.open(url),
      diagnosticEchoUrl: `${echo.url}/notes`,
      worker: { backoff: { baseMs: 20, capMs: 80 } },
      teamPoll: false,
    });
    cleanups.push(
      () => ai.close(),
      () => hooks.close(),
      () => echo.close(),
      () => cw.close(),
      () => authority.close(),
      untrust,
      () => graph.close(),
      async () => {
        const vault = core.services.vault;
        for (const [service, account] of [
          ['webhooks', 'teams'],
          ['webhooks', 'slack'],
          ['connectwise', 'publicKey'],
          ['connectwise', 'privateKey'],
          [TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account],
        ] as const)
          await vault.delete(service, account).catch(() => undefined);
        await core.dispose();
      },
    );
    const { ok } = callers(core);
    const before = gateCounts();

    // Settings, as an admin enters them.
    const admin = await ok<User>('profile:create', {
      name: 'Avery Admin',
      email: 'avery@msp.example',
      role: 'owner',
    });
    await ok('settings:ai-save', {
      provider: 'openai-compatible',
      baseUrl: `${ai.url}/v1`,
      model: 'fake-model',
    });
    await ok('settings:webhooks-save', { teams: `${hooks.url}/teams`, slack: `${hooks.url}/services/T/B/X` });
    await ok('settings:connectwise-save', fakeConnection(cw));
    await ok('settings:microsoft-save', {
      clientId: authority.clientId,
      authority: authority.authority(),
      graphBaseUrl: graph.baseUrl,
    });
    expect((await ok<MicrosoftSettings>('settings:microsoft-sign-in')).connected).toBe(true);
    const senior = await ok<User>('profile:add', {
      name: 'Sam Senior',
      email: 'sam@msp.example',
      role: 'engineer',
    });
    const tech = await ok<User>('profile:add', {
      name: 'Terry Tech',
      email: 'terry@msp.example',
      role: 'technician',
    });
    await ok('profile:switch', { id: tech.id });
    expect(admin.id && senior.id).toBeTruthy();

    // Two linked sessions; the store's redaction is bypassed to plant the corpus (raw SQL).
    const plant = (sessionId: string, seq: number) =>
      core.sqlite
        .prepare(
          `insert into messages (id, session_id, role, author_id, body, created_at, seq) values (?, ?, 'user', ?, ?, ?, ?)`,
        )
        .run(crypto.randomUUID(), sessionId, tech.id, PLANTED, Date.now(), seq);
    const a = await ok<SessionDetail>('sessions:create', {});
    const b = await ok<SessionDetail>('sessions:create', {});
    await ok('sessions:link-ticket', { sessionId: a.id, ticketId: 501 });
    await ok('sessions:link-ticket', { sessionId: b.id, ticketId: 502 });
    const raw = (sql: string, ...args: unknown[]) => core.sqlite.prepare(sql).run(...args);
    raw(
      `update sessions set message_count = 1, title = ? where id in (?, ?)`,
      SECRET_SAMPLES[0]!.text.slice(0, 80),
      a.id,
      b.id,
    );
    plant(a.id, 1);
    plant(b.id, 1);

    // Offline: jobs wait while more plain text is planted under them, then all run at once.
    await ok('connection:set-work-offline', { workOffline: true });
    await ok('messages:add', { sessionId: a.id, body: 'Still failing after the reboot, what next?' }); // ai.reply, echo
    const handoff = await ok<HandoffConfirmation>('handoffs:create', {
      sessionId: a.id,
      intent: 'escalate',
      reason: 'Needs a senior',
      priority: 'high',
      notes: 'See the conversation',
    }); // enrich, teams, slack, email, bell, team.post_handoff
    raw(
      `update handoffs set reason = ?, engineer_notes = ? where id = ?`,
      PLANTED.slice(0, 1_900),
      PLANTED,
      handoff.handoff.id,
    );
    raw(`update sessions set escalation_package_markdown = ? where id = ?`, PLANTED, a.id);
    await ok('notes:post', {
      sessionId: b.id,
      kind: 'resolve',
      markdown: '## Problem\nVPN\n## Resolution\nDone',
    });
    raw(`update note_posts set markdown = ? where session_id = ?`, PLANTED, b.id);
    // A claimed team handoff: a message in its session is carried to the ticket (team.post_message).
    // (the escalation follows its own ticket already.)
    raw(
      `update handoffs set claimed_by_id = ?, claimed_at = ? where id = ?`,
      senior.id,
      Date.now(),
      handoff.handoff.id,
    );
    const carried = await ok<{ id: string }>('messages:add', { sessionId: a.id, body: 'Over to you, Sam' });
    raw(`update messages set body = ? where id = ?`, PLANTED, carried.id);
    raw(`update jobs set payload = json_set(payload, '$.text', ?) where kind = 'diagnostics.echo'`, PLANTED);
    await ok('connection:set-work-offline', { workOffline: false });

    // Clients that send outside the queue: a drafted note (AI), "Test connection" for each service.
    await ok('notes:preview', { sessionId: b.id, kind: 'escalate' });
    await ok('settings:ai-test', {
      provider: 'openai-compatible',
      baseUrl: `${ai.url}/v1`,
      model: 'fake-model',
    });
    await ok('settings:webhooks-test', { channel: 'teams' });
    await ok('settings:webhooks-test', { channel: 'slack' });
    await ok('settings:connectwise-test', fakeConnection(cw));

    const pending = () =>
      core.sqlite
        .prepare(`select count(*) from jobs where state in ('queued', 'running')`)
        .pluck()
        .get() as number;
    await until(core, () => pending() === 0, 'every job to finish', 30_000);

    // Every kind the core runs was exercised here, and finished.
    const ran = new Set(
      core.sqlite.prepare(`select distinct kind from jobs where state = 'done'`).pluck().all() as string[],
    );
    const dead = core.sqlite.prepare(`select kind, last_error from jobs where state = 'dead'`).all();
    expect(dead).toEqual([]);
    expect(core.jobKinds.filter((k) => !ran.has(k) && !LOCAL_KINDS.has(k))).toEqual([]);

    // Nothing that left holds a planted secret, whatever the path.
    const leaks = sent.flatMap((r) =>
      SECRETS.filter((s) => r.body.includes(s) || r.url.includes(encodeURIComponent(s))).map(
        (s) => `${new URL(r.url).pathname}: ${s.slice(0, 12)}…`,
      ),
    );
    expect(leaks).toEqual([]);
    expect(graph.messages.length).toBeGreaterThan(0);
    expect(cw.notes(501).length).toBeGreaterThan(0);
    expect(cw.notes(502).length).toBeGreaterThan(0);

    // …because the gate withheld them on each content path (the store had not).
    const after = gateCounts();
    const withheld = (path: OutboundPath) => after[path].withheld - before[path].withheld;
    for (const path of ['ai', 'webhook', 'email', 'psa', 'diagnostic'] as const)
      expect(withheld(path), path).toBeGreaterThan(0);
  }, 60_000);
});
