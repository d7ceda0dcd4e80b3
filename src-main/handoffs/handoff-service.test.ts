import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANTHROPIC_KEY, startAnthropicFake } from '../../e2e/fakes/ai/anthropic-fake';
import type { HandoffConfirmation, SessionDetail, User } from '../../src-preload/contract';
import type { HandoffPage } from '../../src-preload/contract';
import { createHttpClient } from '../net/http';
import { putSetting } from '../store/repos/settings';
import { manualClock, tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { createHandoffService } from './handoff-service';
import { EXPERT_CONTACTS_KEY } from './handoff-settings';
import { callers } from '../test-support/callers';
import { seedProfile, seedUser } from '../test-support/profiles';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function team(
  options: { dataDir?: string; startWorker?: boolean; clock?: ReturnType<typeof manualClock> } = {},
) {
  const core = tempCore({
    ...options,
    http: createHttpClient({ defaultTimeoutMs: 2_000 }),
    aiTimeoutMs: 500,
    worker: { backoff: { baseMs: 40, capMs: 200 }, probe: { minMs: 50, maxMs: 200 } },
  });
  cleanups.push(async () => {
    await core.services.vault.delete('ai', 'anthropic').catch(() => undefined);
    await core.dispose();
  });
  const { ok } = callers(core);
  return { core, ok };
}

async function techWithSession() {
  const t = team({ clock: manualClock() });
  const tech = seedProfile(t.core, {
    name: 'Terry Tech',
    email: 'terry@example.com',
    role: 'technician',
  });
  const senior = seedUser(t.core, {
    name: 'Sam Senior',
    email: 'sam@example.com',
    role: 'engineer',
  });
  const session = await t.ok<SessionDetail>('sessions:create', {});
  await t.ok('messages:add', {
    sessionId: session.id,
    body: 'Outlook prompts for a password since the migration',
  });
  await t.ok('facts:add', { sessionId: session.id, text: 'Only Outlook 2016 clients prompt' });
  const branch = await t.ok<{ id: string }>('hypotheses:add', {
    sessionId: session.id,
    label: 'Modern auth disabled',
  });
  await t.ok('hypotheses:update', { id: branch.id, status: 'dead_end', reason: 'EnableADAL is 1' });
  return { ...t, tech, senior, sessionId: session.id };
}

describe('escalate and park', () => {
  it('one transaction: snapshot, status, ticket, package, audit and the enrichment job; announced after commit', async () => {
    const t = await techWithSession();
    putSetting(
      t.core.db,
      EXPERT_CONTACTS_KEY,
      {
        name: 'Dana Expert',
        email: 'dana@msp.example',
        phone: '+1 555 0100',
        hours: '8–18 weekdays',
        emergencyLine: '+1 555 0199',
      },
      0,
      null,
    );
    const created: string[] = [];
    t.core.events.onAny((event) => void (event === 'handoff_created' && created.push(event)));

    const confirmation = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'Needs tenant admin rights',
      priority: 'high',
      notes: 'CFO is affected',
      targetUserId: t.senior.id,
    });
    expect(confirmation.ticketNumber).toBe('BTN-20261128-0001');
    expect(confirmation.expertContacts).toMatchObject({ name: 'Dana Expert', emergencyLine: '+1 555 0199' });
    expect(confirmation.handoff).toMatchObject({
      intent: 'escalate',
      priority: 'high',
      handedOffByName: 'Terry Tech',
      targetUserName: 'Sam Senior',
      ticketNumber: 'BTN-20261128-0001',
      snapshot: {
        stepCount: 0,
        factCount: 1,
        status: 'active',
        branches: [{ label: 'Modern auth disabled', status: 'dead_end', reason: 'EnableADAL is 1' }],
      },
    });
    expect(created).toEqual(['handoff_created']);
    const session = await t.ok<SessionDetail>('sessions:get', { id: t.sessionId });
    expect(session.status).toBe('escalated');
    const row = t.core.sqlite
      .prepare(
        'select handoff_count, escalation_reason, escalated_to_id, escalation_package_markdown from sessions where id = ?',
      )
      .get(t.sessionId) as Record<string, unknown>;
    expect(row).toMatchObject({
      handoff_count: 1,
      escalation_reason: 'Needs tenant admin rights',
      escalated_to_id: t.senior.id,
    });
    // Drafting reads the whole session: not on the click path, but by a local job right after it.
    expect(
      t.core.sqlite.prepare("select kind from jobs where kind = 'handoff.package'").pluck().all(),
    ).toEqual(['handoff.package']);
    const packageOf = () =>
      t.core.sqlite
        .prepare('select escalation_package_markdown from sessions where id = ?')
        .pluck()
        .get(t.sessionId) as string | null;
    await until(t.core, () => packageOf() !== null, 'the drafted package');
    expect(String(packageOf()).match(/^## .+$/gm)).toEqual([
      '## Problem',
      "## What we've confirmed",
      "## What we've tried",
      '## Current hypothesis',
      '## Suggested next steps',
    ]);
    expect(
      t.core.sqlite.prepare("select kind from jobs where kind = 'handoff.enrich'").pluck().all(),
    ).toEqual(['handoff.enrich']);
    expect(
      t.core.sqlite.prepare("select action from audit_log where action like 'handoff.%'").pluck().all(),
    ).toEqual(['handoff.escalate']);
  });

  it('refuses escalating to yourself, a session already escalated, and an escalation without a reason', async () => {
    const t = await techWithSession();
    expect(
      await t.core.dispatch('handoffs:create', {
        sessionId: t.sessionId,
        intent: 'escalate',
        reason: 'x',
        priority: 'low',
        targetUserId: t.tech.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Cannot escalate a session to yourself. Use park instead.' },
    });
    expect(
      await t.core.dispatch('handoffs:create', {
        sessionId: t.sessionId,
        intent: 'escalate',
        priority: 'low',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Say why you are escalating' },
    });
    await t.ok('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'low',
    });
    expect(
      await t.core.dispatch('handoffs:create', {
        sessionId: t.sessionId,
        intent: 'escalate',
        reason: 'again',
        priority: 'low',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Session is already escalated' },
    });
  });

  it('numbers tickets per day: PREFIX-YYYYMMDD-NNNN, starting again at 0001 the next day', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 28, 23, 0, 0));
    const t = team({ clock });
    seedProfile(t.core, { name: 'Terry', email: 't@example.com', role: 'technician' });
    putSetting(t.core.db, 'tickets.prefix', 'ACME', 0, null);
    const numbers: string[] = [];
    for (const hoursLater of [0, 0, 2]) {
      clock.advance(hoursLater * 3_600_000);
      const s = await t.ok<SessionDetail>('sessions:create', {});
      numbers.push(
        (
          await t.ok<HandoffConfirmation>('handoffs:create', {
            sessionId: s.id,
            intent: 'park',
            priority: 'medium',
          })
        ).ticketNumber,
      );
    }
    expect(numbers).toEqual(['ACME-20261128-0001', 'ACME-20261128-0002', 'ACME-20261129-0001']);
  });

  it('a failure after the enqueue rolls everything back: no handoff, no ticket, no job, nothing announced', async () => {
    const t = await techWithSession();
    const announced: string[] = [];
    t.core.events.onAny((event) => void (event.startsWith('handoff') && announced.push(event)));
    const failing = createHandoffService({
      db: t.core.db,
      clock: { now: () => Date.now() },
      events: t.core.events,
      enqueue: (request) => {
        t.core.enqueue(request);
        throw new Error('injected failure after the enqueue');
      },
      channels: { webhookConfigured: () => true, emailConnected: () => false },
    });
    expect(() =>
      failing.create(t.tech, {
        sessionId: t.sessionId,
        intent: 'escalate',
        reason: 'stuck',
        priority: 'urgent',
      }),
    ).toThrow('injected failure');
    const count = (table: string) => t.core.sqlite.prepare(`select count(*) from ${table}`).pluck().get();
    expect([
      count('handoffs'),
      count('support_tickets'),
      count("jobs where kind = 'handoff.enrich'"),
    ]).toEqual([0, 0, 0]);
    expect((await t.ok<SessionDetail>('sessions:get', { id: t.sessionId })).status).toBe('active');
    expect(announced).toEqual([]);
  });
});

describe('claim', () => {
  it('20 seniors claim at once on separate connections: exactly one wins, 19 are told who did', async () => {
    const first = await techWithSession();
    const seniors: User[] = [];
    for (let i = 0; i < 20; i++) {
      seniors.push(
        seedUser(first.core, {
          name: `Senior ${i}`,
          email: `senior${i}@example.com`,
          role: i % 2 ? 'engineer' : 'admin',
        }),
      );
    }
    const { handoff } = await first.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: first.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'high',
    });
    const cores: ReturnType<typeof tempCore>[] = [];
    for (let i = 0; i < 20; i++) cores.push(team({ dataDir: first.core.dataDir, startWorker: false }).core);
    const results = await Promise.allSettled(
      seniors.map((senior, i) =>
        Promise.resolve().then(() => cores[i]!.services.handoffs.claim(senior, handoff.id)),
      ),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winner = (winners[0] as PromiseFulfilledResult<{ claimedByName: string; claimedById: string }>)
      .value;
    for (const loser of losers) {
      expect(loser.reason).toMatchObject({
        code: 'ALREADY_CLAIMED',
        message: `Already claimed by ${winner.claimedByName}`,
        details: { claimedById: winner.claimedById, claimedByName: winner.claimedByName },
      });
    }
    const winnerUser = seniors.find((s) => s.id === winner.claimedById)!;
    expect(await first.core.services.handoffs.claim(winnerUser, handoff.id)).toMatchObject({
      claimedById: winnerUser.id,
    }); // idempotent
    const session = first.core.sqlite
      .prepare('select status, escalated_to_id from sessions where id = ?')
      .get(first.sessionId);
    expect(session).toEqual({ status: 'active', escalated_to_id: winnerUser.id });
  });

  it('nobody claims their own handoff, technicians do not claim, and the escalator does not see it in the queue', async () => {
    const t = await techWithSession();
    const { handoff } = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'high',
    });
    await expect(t.core.services.handoffs.claim(t.tech, handoff.id)).rejects.toThrow(
      /Only engineers, admins and owners/,
    );
    const admin = seedUser(t.core, {
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
    });
    await t.ok('profile:switch', { id: admin.id });
    const s2 = await t.ok<SessionDetail>('sessions:create', {});
    const own = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: s2.id,
      intent: 'park',
      priority: 'low',
    });
    expect(await t.core.dispatch('handoffs:claim', { id: own.handoff.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const queue = (await t.ok<HandoffPage>('handoffs:list', {})).items;
    expect(queue.map((h) => h.id)).toEqual([handoff.id]);
    expect(queue[0]!.unread).toBe(true);
    await t.ok('handoffs:get', { id: handoff.id });
    expect((await t.ok<HandoffPage>('handoffs:list', {})).items[0]!.unread).toBe(false);
  });
});

describe('enrichment', () => {
  it('without a model, the offline drafter writes the assessment, labelled as such', async () => {
    const t = await techWithSession();
    const { handoff } = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'high',
    });
    await until(
      t.core,
      () => t.core.services.handoffs.open(t.senior, handoff.id).assessment.state === 'ready',
      'the offline assessment',
    );
    const assessed = t.core.services.handoffs.open(t.senior, handoff.id).assessment;
    expect(assessed.draftedOffline).toBe(true);
    expect(assessed.data!.what_we_know).toContain('Only Outlook 2016 clients prompt');
  });

  it('with a model: fenced JSON is normalised; a timeout leaves it unavailable', async () => {
    const fake = await startAnthropicFake();
    cleanups.push(() => fake.close());
    fake.replyWith(
      '```json\n{"summary_prose": "", "what_we_know": "not a list", "likely_cause": "Stale tokens", "suggested_steps": ["Reset the profile"], "confidence": "very"}\n```',
    );
    fake.replyWith('never finishes', { holdBeforeFirstByte: true });
    const t = await techWithSession();
    await t.core.services.ai.save(
      { ...t.senior, role: 'admin' },
      { provider: 'anthropic', baseUrl: fake.url, model: 'claude-test', apiKey: DEFAULT_ANTHROPIC_KEY },
    );
    const first = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: t.sessionId,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'high',
    });
    await until(
      t.core,
      () => t.core.services.handoffs.open(t.senior, first.handoff.id).assessment.state !== 'computing',
      'the assessment',
    );
    expect(t.core.services.handoffs.open(t.senior, first.handoff.id).assessment).toEqual({
      state: 'ready',
      draftedOffline: false,
      data: {
        summary_prose: 'Stale tokens',
        what_we_know: [],
        likely_cause: 'Stale tokens',
        suggested_steps: ['Reset the profile'],
        confidence: 'medium',
      },
    });

    const s2 = await t.ok<SessionDetail>('sessions:create', {});
    const second = await t.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: s2.id,
      intent: 'escalate',
      reason: 'stuck',
      priority: 'low',
    });
    await until(
      t.core,
      () => t.core.services.handoffs.open(t.senior, second.handoff.id).assessment.state !== 'computing',
      'the timed-out assessment',
    );
    expect(t.core.services.handoffs.open(t.senior, second.handoff.id).assessment).toMatchObject({
      state: 'unavailable',
      data: null,
    });
  });
});
