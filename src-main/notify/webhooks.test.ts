// Teams and Slack notifications against loopback fakes that answer like the real services.
import { afterEach, expect, it } from 'vitest';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type { HandoffConfirmation, SessionDetail, User } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const teams = await startFakeServer(() => ({ status: 202, body: '' }), { name: 'teams' });
  const slack = await startFakeServer(
    () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }),
    { name: 'slack' },
  );
  const core = tempCore({
    http: createHttpClient({ defaultTimeoutMs: 2_000 }),
    worker: { backoff: { baseMs: 40, capMs: 200 } },
  });
  cleanups.push(
    () => teams.close(),
    () => slack.close(),
    async () => {
      await core.services.vault.delete('webhooks', 'teams').catch(() => undefined);
      await core.services.vault.delete('webhooks', 'slack').catch(() => undefined);
      await core.dispose();
    },
  );
  const { ok } = callers(core);
  return { teams, slack, core, ok };
}

it('a handoff is announced in Teams (an Adaptive Card) and Slack, each as its own job; the URLs stay in the keychain', async () => {
  const { teams, slack, core, ok } = await setup();
  await ok('profile:create', { name: 'Avery Admin', email: 'avery@example.com', role: 'owner' });
  const teamsUrl = `${teams.url}/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIG123`;
  expect(
    await ok('settings:webhooks-save', { teams: teamsUrl, slack: `${slack.url}/services/T000/B000/XXXX` }),
  ).toEqual({
    teams: { configured: true, policy: null },
    slack: { configured: true, policy: null },
    canEdit: true,
  });
  expect(JSON.stringify(core.sqlite.prepare('select * from settings').all())).not.toContain('SECRETSIG123');

  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', {
    sessionId: session.id,
    body: 'VPN fails for remote staff; admin password: Hunter2Winter!',
  });
  const confirmation = await ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Firewall password: Hunter2Winter!',
    priority: 'urgent',
  });
  expect(confirmation.notifications).toEqual([
    { channel: 'teams', state: 'queued', reason: null, jobId: expect.any(Number) as number },
    { channel: 'slack', state: 'queued', reason: null, jobId: expect.any(Number) as number },
    { channel: 'email', state: 'skipped', reason: 'Microsoft 365 is not set up in Settings', jobId: null },
  ]);
  await teams.waitForRequest({ method: 'POST' });
  await slack.waitForRequest({ method: 'POST' });
  const card = JSON.parse(teams.requests[0]!.body) as {
    type: string;
    attachments: { contentType: string; content: { type: string; body: { text: string }[] } }[];
  };
  expect(card.type).toBe('message');
  expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(card.attachments[0]!.content.type).toBe('AdaptiveCard');
  // The title came from the first message, secret and all: it is redacted on its way out.
  expect(card.attachments[0]!.content.body[0]!.text).toBe(
    'New escalation: VPN fails for remote staff; admin password: [REDACTED:password]',
  );
  expect(teams.requests[0]!.query.sig).toBe('SECRETSIG123');
  const slackBody = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: unknown[] };
  expect(slackBody.text).toBe(card.attachments[0]!.content.body[0]!.text);
  expect(teams.requests[0]!.body + slack.requests[0]!.body).not.toContain('Hunter2Winter!');
  expect(teams.requests[0]!.body + slack.requests[0]!.body).toContain(confirmation.ticketNumber);
});

it('an unconfigured channel is skipped with its reason; a Slack refusal fails only that job; only admins edit', async () => {
  const { slack, core, ok } = await setup();
  await ok('profile:create', { name: 'Avery Admin', email: 'avery@example.com', role: 'owner' });
  await ok('settings:webhooks-save', { slack: `${slack.url}/services/T/B/X` });
  slack.inject({ status: 400, headers: { 'content-type': 'text/plain' }, body: 'invalid_payload' });
  const session = await ok<SessionDetail>('sessions:create', {});
  const confirmation = await ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'park',
    priority: 'low',
  });
  expect(confirmation.notifications[0]).toEqual({
    channel: 'teams',
    state: 'skipped',
    reason: 'no Microsoft Teams webhook is configured in Settings',
    jobId: null,
  });
  const dead = () =>
    core.sqlite.prepare("select state, last_error from jobs where kind = 'notify.slack'").get() as
      { state: string; last_error: string } | undefined;
  await until(core, () => dead()?.state === 'dead', 'the Slack job to fail');
  expect(dead()!.last_error).toMatch(/Slack refused the message: invalid_payload/);
  expect((await ok<SessionDetail>('sessions:get', { id: session.id })).status).toBe('paused');

  expect(await core.dispatch('settings:webhooks-save', { teams: 'http://example.com/hook' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
  expect(await ok('settings:webhooks-test', { channel: 'slack' })).toMatchObject({ ok: true });
  expect(await ok('settings:webhooks-test', { channel: 'teams' })).toMatchObject({
    ok: false,
    message: 'No Teams webhook is configured',
  });

  const tech = await ok<User>('profile:add', {
    name: 'Terry',
    email: 'terry@example.com',
    role: 'technician',
  });
  await ok('profile:switch', { id: tech.id });
  // A technician may neither change the webhooks nor send through them.
  for (const [channel, input] of [
    ['settings:webhooks-save', { slack: null }],
    ['settings:webhooks-test', { channel: 'slack' }],
  ] as const)
    expect(await core.dispatch(channel, input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Only an owner or admin can/) as string },
    });
});
