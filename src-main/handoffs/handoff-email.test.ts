// Escalation email through Microsoft Graph (issue 5, DESIGN §3 Notifications): an admin signs in
// through the (https, loopback) sign-in authority fake; the email is its own outbox job, sent only
// for a committed handoff, and a failing email never fails the escalation.
import { afterEach, expect, it } from 'vitest';
import { startMicrosoftAuthorityFake } from '../../e2e/fakes/microsoft/authority-fake';
import { fakeBrowser } from '../../e2e/fakes/microsoft/fake-browser';
import { startMicrosoftGraphFake } from '../../e2e/fakes/microsoft/graph-fake';
import { trustInThisProcess } from '../../e2e/fakes/microsoft/test-tls';
import type { HandoffConfirmation, MicrosoftSettings, SessionDetail, User } from '../../src-preload/contract';
import type { HandoffPage } from '../../src-preload/contract';
import { TOKEN_CACHE_KEY } from '../microsoft/encrypted-token-cache';
import { createHttpClient } from '../net/http';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { createHandoffService } from './handoff-service';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function signedInTeam() {
  const authority = await startMicrosoftAuthorityFake();
  cleanups.push(trustInThisProcess(authority.certificate.cert), () => authority.close());
  const graph = await startMicrosoftGraphFake({ tokens: authority });
  cleanups.push(() => graph.close());
  const browser = fakeBrowser();
  const core = tempCore({
    http: createHttpClient({ defaultTimeoutMs: 5_000 }),
    openExternal: (url) => browser.open(url),
    worker: { backoff: { baseMs: 30, capMs: 100 } },
  });
  cleanups.push(async () => {
    await core.services.vault.delete(TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account).catch(() => undefined);
    await core.dispose();
  });
  const { call, ok } = callers(core);
  const admin = await ok<User>('profile:create', {
    name: 'Avery Admin',
    email: 'avery@contoso.example',
    role: 'owner',
  });
  await ok('settings:microsoft-save', {
    clientId: authority.clientId,
    authority: authority.authority(),
    graphBaseUrl: graph.baseUrl,
  });
  const signedIn = await ok<MicrosoftSettings>('settings:microsoft-sign-in');
  expect(signedIn.connected).toBe(true);
  const senior = await ok<User>('profile:add', {
    name: 'Sam Senior',
    email: 'sam@contoso.example',
    role: 'engineer',
  });
  const tech = await ok<User>('profile:add', {
    name: 'Terry Tech',
    email: 'terry@contoso.example',
    role: 'technician',
  });

  async function escalate(title: string) {
    await ok('profile:switch', { id: tech.id });
    const session = await ok<SessionDetail>('sessions:create', {});
    await ok('messages:add', { sessionId: session.id, body: title });
    return ok<HandoffConfirmation>('handoffs:create', {
      sessionId: session.id,
      intent: 'escalate',
      reason: 'Needs Exchange admin rights; temp password: Winter2026!x',
      priority: 'high',
    });
  }
  const emailJobs = (state: string) =>
    core.sqlite
      .prepare("select count(*) from jobs where kind = 'notify.email' and state = ?")
      .pluck()
      .get(state);
  return { core, graph, call, ok, admin, senior, tech, escalate, emailJobs };
}

it('an escalation emails the seniors through Graph: subject, reason, priority and ticket, redacted', async () => {
  const t = await signedInTeam();
  const confirmation = await t.escalate('Shared mailbox missing in Outlook');
  expect(confirmation.notifications.find((n) => n.channel === 'email')).toEqual({
    channel: 'email',
    state: 'queued',
    reason: null,
    jobId: expect.any(Number) as number,
  });
  await until(t.core, () => t.graph.messages.length === 1, 'the email');
  const [mail] = t.graph.messages;
  expect(mail!.subject).toBe('New escalation: Shared mailbox missing in Outlook');
  expect(mail!.to.sort()).toEqual(['avery@contoso.example', 'sam@contoso.example']);
  expect(mail!.content).toContain('Priority: high');
  expect(mail!.content).toContain(`Ticket: ${confirmation.ticketNumber}`);
  expect(mail!.content).toContain('Needs Exchange admin rights');
  expect(mail!.content).not.toContain('Winter2026!x');
});

it('a failing email does not fail the escalation: the handoff stands and only the email job is dead', async () => {
  const t = await signedInTeam();
  t.graph.server.inject({ status: 400, times: 1 });
  const confirmation = await t.escalate('VPN drops every 10 minutes');
  await until(t.core, () => t.emailJobs('dead') === 1, 'the email job to fail for good');
  expect(t.graph.messages).toHaveLength(0);
  await t.ok('profile:switch', { id: t.senior.id });
  const queue = (await t.ok<HandoffPage>('handoffs:list', {})).items;
  expect(queue.map((h) => h.id)).toEqual([confirmation.handoff.id]);
  const session = await t.ok<SessionDetail>('sessions:get', { id: confirmation.handoff.sessionId });
  expect(session.status).toBe('escalated');
});

it('a handoff rolled back after its jobs were enqueued sends no email', async () => {
  const t = await signedInTeam();
  await t.ok('profile:switch', { id: t.tech.id });
  const session = await t.ok<SessionDetail>('sessions:create', {});
  await t.ok('messages:add', { sessionId: session.id, body: 'Rolled back escalation' });
  const failing = createHandoffService({
    db: t.core.db,
    clock: { now: () => Date.now() },
    events: t.core.events,
    enqueue: (request) => {
      const job = t.core.enqueue(request);
      if (request.kind === 'notify.email') throw new Error('injected failure after the email was enqueued');
      return job;
    },
    channels: { webhookConfigured: () => false, emailConnected: () => true },
  });
  expect(() =>
    failing.create(t.tech, {
      sessionId: session.id,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'urgent',
    }),
  ).toThrow('injected failure');
  expect(t.emailJobs('queued')).toBe(0);

  // A committed escalation afterwards is the barrier: once its email is out, nothing else came.
  await t.escalate('Committed escalation');
  await until(
    t.core,
    () => t.graph.messages.length === 1 && t.emailJobs('done') === 1,
    'the committed email',
  );
  expect(t.graph.messages.map((m) => m.subject)).toEqual(['New escalation: Committed escalation']);
});

it('an admin picks who gets the email and adds a shared mailbox; the escalator never gets it', async () => {
  const t = await signedInTeam();
  await t.ok('profile:switch', { id: t.admin.id });
  const empty = await t.call('settings:email-recipients-save', {
    everyone: false,
    userIds: [],
    extraAddresses: [],
  });
  expect(empty.ok ? null : empty.error.message).toBe(
    'Choose at least one person or address, or send to everyone',
  );
  const saved = await t.ok<{ everyone: boolean; candidates: { name: string }[] }>(
    'settings:email-recipients-save',
    {
      everyone: false,
      userIds: [t.senior.id],
      extraAddresses: ['Helpdesk@Contoso.example'],
    },
  );
  expect(saved.everyone).toBe(false);
  expect(saved.candidates.map((c) => c.name).sort()).toEqual(['Avery Admin', 'Sam Senior']);
  expect(
    t.core.sqlite
      .prepare("select count(*) from audit_log where action = 'settings.email-recipients.update'")
      .pluck()
      .get(),
  ).toBe(1);

  await t.escalate('Scanner offline on floor 2');
  await until(t.core, () => t.graph.messages.length === 1, 'the email');
  expect(t.graph.messages[0]!.to.sort()).toEqual(['helpdesk@contoso.example', 'sam@contoso.example']);
});

it('exactly once through the outbox: the send is accepted but its reply is lost, the job retries and does not send again', async () => {
  const t = await signedInTeam();
  t.graph.server.inject({ kind: 'drop', afterApply: true, match: { method: 'POST', path: /\/send$/ } });
  await t.escalate('Printer queue stuck after the driver update');
  await until(t.core, () => t.emailJobs('done') === 1, 'the email job to finish');
  expect(t.graph.messages).toHaveLength(1);
  expect([...t.graph.mailbox.values()].map((m) => m.deliveries)).toEqual([1]);
  const paths = t.graph.server.requests.map(
    (r) => `${r.method} ${r.path.replace(/messages\/[^/]+/, 'messages/{id}')}`,
  );
  // Created once, sent once (the reply lost), then only read back: no second send.
  expect(paths.filter((p) => p === 'POST /v1.0/me/messages')).toHaveLength(1);
  expect(paths.filter((p) => p === 'POST /v1.0/me/messages/{id}/send')).toHaveLength(1);
  expect(paths).toContain('GET /v1.0/me/messages/{id}');
  const job = t.core.sqlite
    .prepare("select attempts, payload from jobs where kind = 'notify.email'")
    .get() as {
    payload: string;
  };
  expect(JSON.parse(job.payload)).toMatchObject({ draftId: expect.stringMatching(/^AAMk/) as string });
});
