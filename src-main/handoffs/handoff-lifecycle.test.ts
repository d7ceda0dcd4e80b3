// After the handoff is written: the escalation settings an admin keeps, the "still unclaimed"
// reminder (once per handoff, on every channel), and the parker resuming their own parked session.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type {
  BellNotification,
  HandoffConfirmation,
  HandoffSettings,
  SessionDetail,
  User,
} from '../../src-preload/contract';
import type { HandoffPage } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { manualClock, tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { callers } from '../test-support/callers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const MINUTE = 60_000;

function team(options: { dataDir?: string; clock?: ReturnType<typeof manualClock> } = {}) {
  const clock = options.clock ?? manualClock();
  const core = tempCore({
    ...options,
    clock,
    http: createHttpClient({ defaultTimeoutMs: 2_000 }),
    worker: { backoff: { baseMs: 40, capMs: 200 } },
  });
  const dispose = async () => {
    await core.services.vault.delete('webhooks', 'slack').catch(() => undefined);
    await core.dispose();
  };
  cleanups.push(dispose);
  const { call, ok } = callers(core);
  return { core, clock, call, ok, dispose };
}

async function seeded(t: ReturnType<typeof team>) {
  const admin = await t.ok<User>('profile:create', {
    name: 'Avery Admin',
    email: 'avery@x.example',
    role: 'owner',
  });
  const tech = await t.ok<User>('profile:add', {
    name: 'Terry Tech',
    email: 'terry@x.example',
    role: 'technician',
  });
  const senior = await t.ok<User>('profile:add', {
    name: 'Sam Senior',
    email: 'sam@x.example',
    role: 'engineer',
  });
  return { admin, tech, senior };
}

async function handoff(
  t: ReturnType<typeof team>,
  as: User,
  intent: 'park' | 'escalate',
  priority: 'low' | 'medium' | 'high' | 'urgent',
) {
  await t.ok('profile:switch', { id: as.id });
  const session = await t.ok<SessionDetail>('sessions:create', {});
  await t.ok('messages:add', { sessionId: session.id, body: `Printer queue stuck (${priority})` });
  const confirmation = await t.ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent,
    reason: intent === 'escalate' ? 'Spooler keeps crashing' : '',
    priority,
  });
  return { sessionId: session.id, confirmation };
}

describe('escalation settings', () => {
  it('an admin sets the prefix, contacts and thresholds; the next escalation uses them; each change is audited', async () => {
    const t = team();
    const { admin, tech } = await seeded(t);
    await t.ok('profile:switch', { id: admin.id });
    const defaults = await t.ok<HandoffSettings>('settings:handoffs-get');
    expect(defaults).toEqual({
      ticketPrefix: 'BTN',
      expertContacts: null,
      overdueMinutes: { urgent: 15, high: 60, medium: 240, low: 1440 },
      canEdit: true,
      managed: [],
    });
    const contacts = {
      name: 'Dana Expert',
      email: 'dana@msp.example',
      phone: '+1 555 0100',
      hours: 'Mon–Fri 8–18',
      emergencyLine: '+1 555 0199',
    };
    const saved = await t.ok<HandoffSettings>('settings:handoffs-save', {
      ticketPrefix: ' acme ',
      expertContacts: contacts,
      overdueMinutes: { urgent: 10, high: 30, medium: 120, low: 600 },
    });
    expect(saved.ticketPrefix).toBe('ACME');
    const audited = t.core.sqlite
      .prepare("select action from audit_log where action like 'settings.handoffs.%' order by rowid")
      .pluck()
      .all();
    expect(audited).toEqual([
      'settings.handoffs.ticket-prefix',
      'settings.handoffs.expert-contacts',
      'settings.handoffs.overdue-minutes',
    ]);

    const { confirmation } = await handoff(t, tech, 'escalate', 'high');
    expect(confirmation.ticketNumber).toMatch(/^ACME-20261128-0001$/);
    expect(confirmation.expertContacts).toEqual(contacts);
  });

  it('refuses bad input field by field and keeps what was stored; a technician can read but not change', async () => {
    const t = team();
    const { tech } = await seeded(t);
    const bad = await t.call('settings:handoffs-save', {
      ticketPrefix: 'B-1',
      expertContacts: { name: 'Dana', email: 'not-an-email', phone: '', hours: '', emergencyLine: '' },
      overdueMinutes: { urgent: 0, high: 60.5, medium: 240, low: 1440 },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    const fields = (bad.error.details as { fields: { path: string; message: string }[] }).fields;
    expect(Object.fromEntries(fields.map((f) => [f.path, f.message]))).toEqual({
      ticketPrefix: 'Use 2–8 letters or digits, starting with a letter (for example BTN)',
      'expertContacts.email': 'Enter an email address like name@example.com',
      'overdueMinutes.urgent': 'Urgent: at least 1 minute',
      'overdueMinutes.high': 'High: whole minutes only',
    });
    expect((await t.ok<HandoffSettings>('settings:handoffs-get')).ticketPrefix).toBe('BTN');

    await t.ok('profile:switch', { id: tech.id });
    expect((await t.ok<HandoffSettings>('settings:handoffs-get')).canEdit).toBe(false);
    const refused = await t.call('settings:handoffs-save', {
      ticketPrefix: 'TECH',
      expertContacts: null,
      overdueMinutes: { urgent: 15, high: 60, medium: 240, low: 1440 },
    });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

describe('unclaimed too long', () => {
  it('is marked overdue for its priority and announced again once on every channel, bell unread again', async () => {
    const slack = await startFakeServer(
      () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }),
      { name: 'slack' },
    );
    cleanups.push(() => slack.close());
    const t = team();
    const { admin, tech, senior } = await seeded(t);
    await t.ok('profile:switch', { id: admin.id });
    await t.ok('settings:webhooks-save', { slack: `${slack.url}/services/T0/B0/X` });
    const urgent = await handoff(t, tech, 'escalate', 'urgent');
    const low = await handoff(t, tech, 'escalate', 'low');
    await slack.waitUntil(() => slack.requests.length === 2, 5_000, 'two first announcements');

    await t.ok('profile:switch', { id: senior.id });
    await t.ok('notifications:mark-read', {});
    t.clock.advance(14 * MINUTE);
    expect(t.core.services.overdueWatch.sweep()).toEqual([]);
    t.clock.advance(2 * MINUTE);
    expect(t.core.services.overdueWatch.sweep()).toEqual([urgent.confirmation.handoff.id]);
    // A second sweep (or a restart's first) repeats nothing.
    expect(t.core.services.overdueWatch.sweep()).toEqual([]);

    const queue = (await t.ok<HandoffPage>('handoffs:list', { sort: 'newest' })).items;
    expect(queue.map((h) => [h.priority, h.overdue])).toEqual([
      ['low', false],
      ['urgent', true],
    ]);
    const reminder = await slack.waitForRequest((r) => r.body.includes('Still unclaimed after 16 minutes'));
    expect(reminder.body).toContain('Printer queue stuck (urgent)');
    const bellOf = () => t.core.services.bell.list(senior);
    await until(t.core, () => bellOf().unread === 1, 'the reminder in the bell');
    const bell: { items: BellNotification[] } = bellOf();
    expect(bell.items[0]!.title).toBe('Still unclaimed after 16 minutes: Printer queue stuck (urgent)');
    expect(bell.items).toHaveLength(2);

    // Claimed before its threshold: never reminded.
    await t.ok('handoffs:claim', { id: low.confirmation.handoff.id });
    t.clock.advance(2 * 24 * 60 * MINUTE);
    expect(t.core.services.overdueWatch.sweep()).toEqual([]);
    expect(slack.requests).toHaveLength(3);
  });

  it('survives a restart without reminding twice', async () => {
    const clock = manualClock();
    const first = team({ clock });
    const { tech } = await seeded(first);
    const { confirmation } = await handoff(first, tech, 'escalate', 'high');
    clock.advance(61 * MINUTE);
    expect(first.core.services.overdueWatch.sweep()).toEqual([confirmation.handoff.id]);
    await first.core.close();

    const second = team({ clock, dataDir: first.core.dataDir });
    expect(second.core.services.overdueWatch.sweep()).toEqual([]);
    const jobs = second.core.sqlite
      .prepare("select idempotency_key from jobs where idempotency_key like '%overdue%'")
      .pluck()
      .all();
    expect(jobs).toEqual([`notify:in_app:overdue:${confirmation.handoff.id}`]);
  });
});

describe('resuming a parked session', () => {
  it('the parker resumes from the session: the park handoff closes and leaves every queue; a claim is refused', async () => {
    const t = team();
    const { tech, senior } = await seeded(t);
    const { sessionId, confirmation } = await handoff(t, tech, 'park', 'medium');
    const detail = await t.ok<SessionDetail>('sessions:get', { id: sessionId });
    expect(detail.status).toBe('paused');
    expect(detail.parked).toMatchObject({ byId: tech.id, byName: 'Terry Tech' });

    await t.ok('profile:switch', { id: senior.id });
    expect((await t.ok<HandoffPage>('handoffs:list', {})).items).toHaveLength(1);
    const notMine = await t.call('handoffs:resume', { id: sessionId });
    expect(notMine.ok ? null : notMine.error.message).toBe(
      'Parked by Terry Tech: claim it from the Handoffs queue to take it over',
    );

    await t.ok('profile:switch', { id: tech.id });
    const closed: unknown[] = [];
    t.core.events.onAny((event, payload) => void (event === 'handoff_closed' && closed.push(payload)));
    const resumed = await t.ok<{ status: string }>('handoffs:resume', { id: sessionId });
    expect(resumed.status).toBe('active');
    expect(closed).toEqual([{ id: confirmation.handoff.id, sessionId }]);
    expect((await t.ok<SessionDetail>('sessions:get', { id: sessionId })).parked).toBeNull();

    await t.ok('profile:switch', { id: senior.id });
    expect((await t.ok<HandoffPage>('handoffs:list', {})).items).toEqual([]);
    const late = await t.call('handoffs:claim', { id: confirmation.handoff.id });
    expect(late.ok ? null : late.error).toMatchObject({
      code: 'CONFLICT',
      message: 'No longer waiting: Terry Tech resumed the session',
    });
    const again = await t.call('handoffs:resume', { id: sessionId });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'CONFLICT',
      message: 'Session is active, not parked',
    });
  });
});
