// The notify.email job: a handoff made through the real services, emailed through Graph from the
// mailbox signed in against the authority fake.
import { afterEach, expect, it, vi } from 'vitest';
import type { HandoffConfirmation, SessionDetail, User } from '../../src-preload/contract';
import { systemClock } from '../clock';
import type { JobContext } from '../jobs/job-kinds';
import { PermanentJobError } from '../jobs/job-kinds';
import { HttpStatusError } from '../net/http';
import type { MicrosoftKit } from './microsoft-test-kit';
import { microsoftKit } from './microsoft-test-kit';
import { NOTIFY_EMAIL } from './email-notification';

const kits: MicrosoftKit[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const kit of kits.splice(0)) await kit.dispose();
});
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => err,
  );

/** A team, an escalation by an engineer (so "except the escalator" is tested on a would-be recipient). */
async function escalated(options: { signIn?: boolean } = {}) {
  const k = await microsoftKit();
  kits.push(k);
  await k.configure();
  if (options.signIn !== false) await k.microsoft.account.signIn(k.admin);
  const add = (name: string, email: string, role: User['role']) =>
    k.ok<User>('profile:add', { name, email, role });
  const sam = await add('Sam Senior', 'sam@contoso.example', 'engineer');
  const olive = await add('Olive Owner', 'olive@contoso.example', 'owner');
  await add('Tina Tech', 'tina@contoso.example', 'technician');
  const ian = await add('Ian Inactive', 'ian@contoso.example', 'engineer');
  k.core.sqlite.prepare('update users set active = 0 where id = ?').run(ian.id);
  const eli = await add('Eli Engineer', 'eli@contoso.example', 'engineer');

  await k.ok('profile:switch', { id: eli.id });
  const session = await k.ok<SessionDetail>('sessions:create', {});
  await k.ok('messages:add', { sessionId: session.id, body: 'VPN drops every 10 minutes for remote staff' });
  const confirmation = await k.ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Needs the firewall admin; its password: Hunter2Winter!',
    priority: 'high',
    notes: 'Tried re-keying the tunnel.\nSecond site unaffected.',
    targetUserId: sam.id,
  });
  const controller = new AbortController();
  const ctx: JobContext = {
    job: {
      id: 1,
      attempts: 1,
      idempotencyKey: `notify:email:${confirmation.handoff.id}`,
      sessionId: session.id,
    },
    reference: 'baton-job-1',
    signal: controller.signal,
    http: k.http,
    clock: systemClock,
    // The worker stores this in the job's payload; here the next run reads it back the same way.
    checkpoint: (patch) => Object.assign(payload, patch),
  };
  const payload: { handoffId: string; draftId?: string } = { handoffId: confirmation.handoff.id };
  const run = () => k.microsoft.emailKind.run({ ...payload }, ctx);
  return { ...k, sam, olive, eli, confirmation, run };
}

it('emails active owners, admins and engineers except the escalator: exact subject, redacted body', async () => {
  const t = await escalated();
  expect(t.microsoft.emailKind).toMatchObject({ kind: NOTIFY_EMAIL, service: 'graph' });
  expect(t.microsoft.emailKind.payload.safeParse({ handoffId: 'nope' }).success).toBe(false);
  await t.run();

  expect(t.graph.messages).toHaveLength(1);
  const [mail] = t.graph.messages;
  expect(mail!.from).toBe('avery@contoso.example');
  expect(mail!.subject).toBe('New escalation: VPN drops every 10 minutes for remote staff');
  expect(mail!.contentType).toBe('Text');
  expect([...mail!.to].sort()).toEqual([
    'avery@contoso.example',
    'olive@contoso.example',
    'sam@contoso.example',
  ]);
  expect(mail!.content).toBe(
    [
      'Eli Engineer escalated a session. It is waiting in the Baton queue for someone to claim it.',
      '',
      'Problem: VPN drops every 10 minutes for remote staff',
      'Reason: Needs the firewall admin; its password: [REDACTED:password]',
      'Priority: high',
      `Ticket: ${t.confirmation.ticketNumber}`,
      'Escalated by: Eli Engineer',
      'Assigned to: Sam Senior',
      '',
      'Engineer notes:',
      'Tried re-keying the tunnel.\nSecond site unaffected.',
      '',
      'Open Baton to claim it.',
    ].join('\n'),
  );
  expect(t.graph.server.requests[0]!.body).not.toContain('Hunter2Winter!');
});

it('no recipients: done without sending; not connected: permanent, with the reason', async () => {
  const t = await escalated({ signIn: false });
  await expect(t.run()).rejects.toThrow(
    new PermanentJobError('Email not sent: Microsoft 365 is not connected'),
  );

  t.core.sqlite.prepare("update users set active = 0 where role <> 'technician' and id <> ?").run(t.eli.id);
  await t.run();
  expect(t.graph.server.requests).toHaveLength(0);
});

it('Graph throttling is retryable with its Retry-After; a refusal or a lost sign-in is permanent', async () => {
  const t = await escalated();
  t.graph.server.inject({ status: 429, retryAfter: 12 });
  expect(await rejection(t.run())).toMatchObject({ status: 429, retryable: true, retryAfterMs: 12_000 });
  expect(await rejection(t.run())).toBeNull(); // the outbox's retry goes through

  t.graph.server.inject({ status: 400 });
  const refused = await rejection(t.run());
  expect(refused).toBeInstanceOf(PermanentJobError);
  expect((refused as Error).message).toMatch(/At least one recipient is not valid/);
  expect(refused).not.toBeInstanceOf(HttpStatusError);

  vi.useFakeTimers({ toFake: ['Date'] });
  t.authority.refuseRefresh();
  vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
  const expired = await rejection(t.run());
  expect(expired).toBeInstanceOf(PermanentJobError);
  expect((expired as Error).message).toMatch(
    /^Email not sent: Microsoft 365 refused to renew the sign-in for avery@contoso.example \(AADSTS700082.*\): an admin needs to sign in again in Settings$/,
  );
  expect(t.microsoft.account.isConnected()).toBe(false);
  expect(t.graph.messages).toHaveLength(1);
});
