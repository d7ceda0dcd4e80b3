// The outbound-path scenario (issue 14): a core wired to loopback fakes of every service Baton talks to,
// every job kind and every client that sends driven once, with the corpus planted in the store *behind*
// the store's own redaction (raw SQL, as an older store or a forgetful writer would leave it). It returns
// what reached the network, for outbound-paths.test.ts to judge and `npm run bench` to count.
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
import { SECRET_SAMPLES } from '../redaction/corpus';
import type { OutboundPath, PathCount } from '../redaction/gate';
import { gateCounts } from '../redaction/gate';
import type { SecretVault } from '../vault/secret-vault';
import { callers } from './callers';
import { tempCore } from './temp-core';
import { until } from './until';

export const PLANTED = SECRET_SAMPLES.map((s) => s.text).join('\n\n');
export const PLANTED_SECRETS = SECRET_SAMPLES.flatMap((s) => s.secrets.map((x) => x.value));

export interface OutboundScenario {
  /** Every request as it left (after the gate), with the outbound path its host serves. */
  sent: { url: string; body: string; path: OutboundPath | 'sign-in' }[];
  jobKinds: string[];
  ran: Set<string>;
  dead: unknown[];
  gateBefore: Record<OutboundPath, PathCount>;
  gateAfter: Record<OutboundPath, PathCount>;
  emails: number;
  notes: number;
  dispose(): Promise<void>;
}

export async function runOutboundScenario(options: { vault?: SecretVault } = {}): Promise<OutboundScenario> {
  const cleanups: (() => Promise<unknown> | void)[] = [];
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
    ...(options.vault ? { vault: options.vault } : {}),
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
  if (!(await ok<MicrosoftSettings>('settings:microsoft-sign-in')).connected)
    throw new Error('Microsoft 365 sign-in did not connect');
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
  }); // package, enrich, teams, slack, email, bell, and the team note (psa.post_note)
  raw(
    `update handoffs set reason = ?, engineer_notes = ?, package_markdown = ? where id = ?`,
    PLANTED.slice(0, 1_900),
    PLANTED,
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

  // Clients that send outside the queue: a drafted note (AI), "Test connection" for each service (an
  // admin's to run).
  await ok('notes:preview', { sessionId: b.id, kind: 'escalate' });
  await ok('profile:switch', { id: admin.id });
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

  const origins: [string, OutboundPath | 'sign-in'][] = [
    [new URL(ai.url).origin, 'ai'],
    [new URL(hooks.url).origin, 'webhook'],
    [new URL(graph.baseUrl).origin, 'email'],
    [new URL(authority.authority()).origin, 'sign-in'],
    [new URL(cw.siteUrl).origin, 'psa'],
    [new URL(echo.url).origin, 'diagnostic'],
  ];
  return {
    sent: sent.map((r) => ({ ...r, path: origins.find(([o]) => r.url.startsWith(o))?.[1] ?? 'sign-in' })),
    jobKinds: core.jobKinds,
    ran: new Set(
      core.sqlite.prepare(`select distinct kind from jobs where state = 'done'`).pluck().all() as string[],
    ),
    dead: core.sqlite.prepare(`select kind, last_error from jobs where state = 'dead'`).all(),
    gateBefore: before,
    gateAfter: gateCounts(),
    emails: graph.messages.length,
    notes: cw.notes(501).length + cw.notes(502).length,
    async dispose() {
      for (const fn of cleanups.splice(0).reverse()) await fn();
    },
  };
}
