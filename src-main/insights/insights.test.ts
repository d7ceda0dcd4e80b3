// Insights figures against hand-computed expectations on a seeded store (issue 18): an empty range,
// one data point, a handoff never claimed, percentiles, local days across daylight-saving changes,
// what each viewer may see, what happened before a resolution, fixes by confidence band, and filters.
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import { DEFAULT_BOARD } from '../../e2e/fakes/connectwise/state';
import type { InsightsReport, User } from '../../src-preload/contract';
import { InsightsInput } from '../../src-preload/contract';
import { CW_VAULT_SERVICE } from '../psa/connectwise/connectwise-settings';
import { fakeConnection } from '../psa/connectwise/testing';
import { closeHandoffRow } from '../store/repos/handoffs';
import { callers } from '../test-support/callers';
import { HOUR, MINUTE, insightsWorld, settableClock } from '../test-support/insights-world';
import { tempCore } from '../test-support/temp-core';
import { localRange } from './insights-service';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** Monday 2 March 2026, 00:00 UTC. */
const D = Date.UTC(2026, 2, 2);

function team(start = D) {
  const clock = settableClock(start);
  const core = tempCore({ clock, startWorker: false });
  cleanups.push(() => core.dispose());
  const { profiles } = core.services;
  const senior = profiles.create({ name: 'Sam Senior', email: 'sam@x.example', role: 'engineer' });
  const tech = profiles.add(senior, { name: 'Terry Tech', email: 'terry@x.example', role: 'technician' });
  const tech2 = profiles.add(senior, { name: 'Priya Patel', email: 'priya@x.example', role: 'technician' });
  const world = insightsWorld(core, clock);
  const report = (
    as: User,
    input: Partial<{ range: unknown; timeZone: string; filters: unknown }> = {},
    now = clock.now(),
  ): InsightsReport => {
    clock.set(now);
    return core.services.insights.report(
      as,
      InsightsInput.parse({ range: { lastDays: 7 }, timeZone: 'UTC', ...input }),
    );
  };
  return { core, clock, world, report, senior, tech, tech2 };
}

const claimRow = (r: InsightsReport, priority: string) =>
  r.timeToClaim.rows.find((row) => row.priority === priority)!;
const resolutionRow = (r: InsightsReport, priority: string) =>
  r.claimToResolution.rows.find((row) => row.priority === priority)!;
const perBucket = (r: InsightsReport, key: 'escalations' | 'parks' | 'importedEscalations') =>
  r.activity.buckets.map((b) => b[key]);

describe('Insights figures', () => {
  it('an empty range: seven empty days, zero counts and no percentiles', () => {
    const t = team();
    const r = t.report(t.senior, {}, D + 12 * HOUR);
    expect(r.range).toEqual({
      from: Date.UTC(2026, 1, 24),
      to: Date.UTC(2026, 2, 3),
      days: 7,
      timeZone: 'UTC',
      bucket: 'day',
    });
    expect(r.activity.buckets.map((b) => b.label)).toEqual([
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(r.activity.totals).toEqual({
      escalations: 0,
      importedEscalations: 0,
      parks: 0,
      sessionsStarted: 0,
      sessionsEscalated: 0,
    });
    expect(r.timeToClaim.rows.map((row) => row.priority)).toEqual(['urgent', 'high', 'medium', 'low']);
    expect(claimRow(r, 'urgent')).toEqual({
      priority: 'urgent',
      thresholdMinutes: 15,
      escalations: 0,
      claimed: 0,
      closedWithoutClaim: 0,
      waiting: 0,
      overdue: 0,
      count: 0,
      p50Ms: null,
      p90Ms: null,
    });
    expect(resolutionRow(r, 'all')).toEqual({
      priority: 'all',
      claimed: 0,
      resolved: 0,
      count: 0,
      p50Ms: null,
      p90Ms: null,
    });
    expect(r.resolvedBy).toEqual({ alone: 0, afterPark: 0, afterEscalation: 0 });
    expect(r.fixes.bands.map((b) => [b.band, b.suggested])).toEqual([
      ['low', 0],
      ['medium', 0],
      ['high', 0],
    ]);
    expect(r.calibration.rows.every((row) => row.checked === 0)).toBe(true);
    expect(r.knows).toEqual({ localSessions: 0, importedEscalations: 0 });
    expect(r.scope).toBe('team');
  });

  it('one data point: escalated, claimed 10 minutes later, resolved 30 minutes after the claim, the assessment judged right', async () => {
    const t = team();
    const { sessionId, handoffId } = t.world.escalated(t.tech, D + 9 * HOUR, 'urgent');
    t.world.assess(handoffId, 'Stale cached credentials', 'high');
    await t.world.claim(t.senior, handoffId, D + 9 * HOUR + 11 * MINUTE);
    await t.world.resolve(t.senior, sessionId, D + 9 * HOUR + 41 * MINUTE, { handoffId, verdict: 'right' });

    const r = t.report(t.senior, {}, D + 12 * HOUR);
    expect(perBucket(r, 'escalations')).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(r.activity.totals).toMatchObject({ sessionsStarted: 1, sessionsEscalated: 1, parks: 0 });
    expect(claimRow(r, 'urgent')).toMatchObject({
      escalations: 1,
      claimed: 1,
      waiting: 0,
      overdue: 0,
      count: 1,
      p50Ms: 10 * MINUTE,
      p90Ms: 10 * MINUTE,
    });
    expect(resolutionRow(r, 'all')).toMatchObject({
      claimed: 1,
      resolved: 1,
      p50Ms: 30 * MINUTE,
      p90Ms: 30 * MINUTE,
    });
    expect(resolutionRow(r, 'urgent')).toMatchObject({ claimed: 1, resolved: 1, p50Ms: 30 * MINUTE });
    expect(resolutionRow(r, 'high')).toMatchObject({ claimed: 0, resolved: 0, p50Ms: null });
    expect(r.resolvedBy).toEqual({ alone: 0, afterPark: 0, afterEscalation: 1 });
    expect(r.calibration.rows).toEqual([
      { confidence: 'low', checked: 0, right: 0, partly: 0, wrong: 0 },
      { confidence: 'medium', checked: 0, right: 0, partly: 0, wrong: 0 },
      { confidence: 'high', checked: 1, right: 1, partly: 0, wrong: 0 },
    ]);
  });

  it('time to claim: nearest-rank p50 / p90 of the claimed; one never claimed waits and goes overdue', async () => {
    const t = team();
    // Medium: claimed after 1, 2, 3, 4 and 10 minutes → p50 is the 3rd (3 min), p90 the 5th (10 min).
    for (const [i, wait] of [1, 2, 3, 4, 10].entries()) {
      const { handoffId } = t.world.escalated(t.tech, D + i * HOUR, 'medium');
      await t.world.claim(t.senior, handoffId, D + i * HOUR + MINUTE + wait * MINUTE);
    }
    // High (threshold 60 min): one claimed after 90 minutes, one never claimed (11 h by "now").
    const late = t.world.escalated(t.tech, D + 6 * HOUR, 'high', { after: 0 });
    await t.world.claim(t.senior, late.handoffId, D + 7.5 * HOUR);
    t.world.escalated(t.tech, D + HOUR, 'high', { after: 0 });
    // Urgent: created 5 minutes before "now", still waiting, not yet overdue (15 min).
    t.world.escalated(t.tech2, D + 12 * HOUR - 6 * MINUTE, 'urgent');

    const r = t.report(t.senior, {}, D + 12 * HOUR);
    expect(claimRow(r, 'medium')).toMatchObject({
      escalations: 5,
      claimed: 5,
      overdue: 0,
      count: 5,
      p50Ms: 3 * MINUTE,
      p90Ms: 10 * MINUTE,
    });
    expect(claimRow(r, 'high')).toMatchObject({
      escalations: 2,
      claimed: 1,
      waiting: 1,
      overdue: 2,
      count: 1,
      p50Ms: 90 * MINUTE,
      p90Ms: 90 * MINUTE,
    });
    expect(claimRow(r, 'urgent')).toMatchObject({
      escalations: 1,
      claimed: 0,
      waiting: 1,
      overdue: 0,
      p50Ms: null,
    });
    // Nothing was resolved: claimed, but no resolution time.
    expect(resolutionRow(r, 'all')).toMatchObject({ claimed: 6, resolved: 0, p50Ms: null });

    // A day later the urgent one is overdue too (it waited past 15 minutes).
    expect(claimRow(t.report(t.senior, {}, D + 36 * HOUR), 'urgent')).toMatchObject({ overdue: 1 });
  });

  it('days are local days: a daylight-saving day is 23 or 25 hours, and waits are real elapsed time', async () => {
    const ny = 'America/New_York';
    const t = team(Date.UTC(2026, 2, 7));
    // Spring forward, 8 March 2026 at 02:00 EST → 03:00 EDT.
    const spring = [
      Date.UTC(2026, 2, 8, 4, 30), // 7 March 23:30 EST
      Date.UTC(2026, 2, 8, 5, 30), // 8 March 00:30 EST
      Date.UTC(2026, 2, 9, 3, 30), // 8 March 23:30 EDT
      Date.UTC(2026, 2, 9, 4, 30), // 9 March 00:30 EDT
    ];
    for (const when of spring) t.world.escalated(t.tech, when, 'low', { after: 0 });
    // Created 01:30 EST, claimed at 03:30 EDT the same night: one hour passed, not two.
    const night = t.world.escalated(t.tech, Date.UTC(2026, 2, 8, 6, 30), 'low', { after: 0 });
    await t.world.claim(t.senior, night.handoffId, Date.UTC(2026, 2, 8, 7, 30));

    const r = t.report(t.senior, { range: { from: '2026-03-07', to: '2026-03-09' }, timeZone: ny });
    expect(r.range).toMatchObject({ from: Date.UTC(2026, 2, 7, 5), to: Date.UTC(2026, 2, 10, 4), days: 3 });
    expect(r.activity.buckets.map((b) => [b.label, b.start])).toEqual([
      ['2026-03-07', Date.UTC(2026, 2, 7, 5)],
      ['2026-03-08', Date.UTC(2026, 2, 8, 5)],
      ['2026-03-09', Date.UTC(2026, 2, 9, 4)],
    ]);
    expect(perBucket(r, 'escalations')).toEqual([1, 3, 1]);
    // Counted in UTC days, the same five would fall on 8, 8, 8, 9 and 9 March.
    const utc = t.report(t.senior, { range: { from: '2026-03-07', to: '2026-03-09' } });
    expect(perBucket(utc, 'escalations')).toEqual([0, 3, 2]);
    expect(claimRow(r, 'low')).toMatchObject({ claimed: 1, p50Ms: HOUR, p90Ms: HOUR });

    // Fall back, 1 November 2026 at 02:00 EDT → 01:00 EST: that day has 25 hours.
    t.world.escalated(t.tech, Date.UTC(2026, 10, 1, 4, 30), 'low', { after: 0 }); // 1 Nov 00:30 EDT
    t.world.escalated(t.tech, Date.UTC(2026, 10, 2, 4, 30), 'low', { after: 0 }); // 1 Nov 23:30 EST
    const fall = t.report(t.senior, { range: { from: '2026-10-31', to: '2026-11-02' }, timeZone: ny });
    expect(perBucket(fall, 'escalations')).toEqual([0, 2, 0]);
    const [, nov1, nov2] = fall.activity.buckets.map((b) => b.start);
    expect(nov2! - nov1!).toBe(25 * HOUR);

    // "Last 7 days" ends with today where the viewer is: at 8 March 23:30 EDT it is still 8 March.
    const week = t.report(t.senior, { timeZone: ny }, Date.UTC(2026, 2, 9, 3, 30));
    expect(week.activity.buckets.at(-1)!.label).toBe('2026-03-08');
    expect(week.range.to).toBe(Date.UTC(2026, 2, 9, 4));
  });

  it('longer ranges get a bar per week; the last one ends with the range', () => {
    const r = localRange({ from: '2026-01-01', to: '2026-04-30' }, 'UTC', D);
    expect(r).toMatchObject({
      days: 120,
      bucket: 'week',
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 4, 1),
    });
    expect(r.edges).toHaveLength(19); // 18 weeks (the last one 1 day) and the end
    expect(r.edges.at(-2)).toBe(Date.UTC(2026, 3, 30));
  });
});

describe('who sees what', () => {
  it('a technician sees their own work only, and cannot ask for a colleague; a senior can filter by person', async () => {
    const t = team();
    t.world.escalated(t.tech, D + HOUR, 'high');
    t.world.escalated(t.tech2, D + 2 * HOUR, 'high');
    t.world.startSession(t.tech2, D + 3 * HOUR);
    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };

    const own = t.report(t.tech, day, D + 12 * HOUR);
    expect(own.scope).toBe('own');
    expect(own.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 1 });
    expect(own.knows).toEqual({ localSessions: 1, importedEscalations: 0 });
    expect(own.options.technicians).toEqual([{ id: t.tech.id, name: 'Terry Tech' }]);

    const { call } = callers(t.core);
    await call('profile:switch', { id: t.tech.id });
    const refused = await call('insights:report', {
      ...day,
      timeZone: 'UTC',
      filters: { technicianId: t.tech2.id },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const teamView = t.report(t.senior, day, D + 12 * HOUR);
    expect(teamView.activity.totals).toMatchObject({ escalations: 2, sessionsStarted: 3 });
    expect(teamView.options.technicians.map((u) => u.name)).toEqual([
      'Priya Patel',
      'Sam Senior',
      'Terry Tech',
    ]);
    const priya = t.report(t.senior, { ...day, filters: { technicianId: t.tech2.id } }, D + 12 * HOUR);
    expect(priya.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 2, sessionsEscalated: 1 });
  });
});

describe('what happened', () => {
  it('resolutions by what came before, the escalation rate, and imported team escalations', async () => {
    const t = team();
    const { world, senior, tech } = t;
    const alone = world.startSession(tech, D + HOUR);
    await world.resolve(tech, alone, D + 2 * HOUR);
    const parked = world.startSession(tech, D + HOUR);
    world.handOff(tech, parked, D + 2 * HOUR, 'park', 'low');
    world.resume(tech, parked, D + 3 * HOUR);
    await world.resolve(tech, parked, D + 4 * HOUR);
    const escalated = world.escalated(tech, D + HOUR, 'high');
    await world.claim(senior, escalated.handoffId, D + 2 * HOUR);
    await world.resolve(senior, escalated.sessionId, D + 5 * HOUR);
    // A park someone else claims from the queue is still "after a park".
    const taken = world.startSession(tech, D + HOUR);
    const park = world.handOff(tech, taken, D + 2 * HOUR, 'park', 'medium');
    await world.claim(senior, park, D + 3 * HOUR);
    await world.resolve(senior, taken, D + 6 * HOUR);
    // Resolved the next day: outside the range asked for.
    const later = world.startSession(tech, D + HOUR);
    await world.resolve(tech, later, D + 30 * HOUR);
    // Imported from ConnectWise: one still waiting, one claimed on another machine (closed here).
    world.imported({ name: 'Jonas Berg', email: 'jonas@x.example' }, D + 7 * HOUR, 'high', { id: 501 });
    const elsewhere = world.imported({ name: 'Jonas Berg', email: 'jonas@x.example' }, D + 8 * HOUR, 'high', {
      id: 502,
    });
    closeHandoffRow(t.core.db, elsewhere.handoffId, D + 8.5 * HOUR);

    const r = t.report(senior, { range: { from: '2026-03-02', to: '2026-03-02' } }, D + 12 * HOUR);
    expect(r.resolvedBy).toEqual({ alone: 1, afterPark: 2, afterEscalation: 1 });
    // Five sessions started here, one escalated; the imported ones started elsewhere.
    expect(r.activity.totals).toEqual({
      escalations: 1,
      importedEscalations: 2,
      parks: 2,
      sessionsStarted: 5,
      sessionsEscalated: 1,
    });
    expect(claimRow(r, 'high')).toMatchObject({
      escalations: 3,
      claimed: 1,
      closedWithoutClaim: 1,
      waiting: 1,
      // 60 minutes allowed: the one still waiting (5 h) is overdue; claimed after 59 min and closed after
      // 30 min are not.
      overdue: 1,
    });
    expect(r.knows).toEqual({ localSessions: 5, importedEscalations: 2 });
    expect(r.options.technicians.map((u) => u.name)).toContain('Jonas Berg');
  });

  it('suggested fixes by confidence band: applied, worked, failed, pending, dismissed', () => {
    const t = team();
    const cases = [
      [30, { decision: 'dismissed' }],
      [55, { decision: 'apply_once', outcome: 'failed' }],
      [65, { decision: 'apply_once', outcome: 'worked' }],
      [79, {}],
      [80, { decision: 'apply_once', outcome: 'pending' }],
      [95, { decision: 'apply_once', outcome: 'worked' }],
    ] as const;
    for (const [i, [confidence, then]] of cases.entries()) {
      const session = t.world.startSession(t.tech, D + i * HOUR);
      t.world.fix(t.tech, session, D + i * HOUR + MINUTE, confidence, then);
    }
    const r = t.report(t.senior, {}, D + 12 * HOUR);
    expect(r.fixes.bands).toEqual([
      {
        band: 'low',
        min: 0,
        max: 49,
        suggested: 1,
        applied: 0,
        worked: 0,
        failed: 0,
        pending: 0,
        dismissed: 1,
      },
      {
        band: 'medium',
        min: 50,
        max: 79,
        suggested: 3,
        applied: 2,
        worked: 1,
        failed: 1,
        pending: 0,
        dismissed: 0,
      },
      {
        band: 'high',
        min: 80,
        max: 100,
        suggested: 2,
        applied: 2,
        worked: 1,
        failed: 0,
        pending: 1,
        dismissed: 0,
      },
    ]);
  });

  it('filters: priority, problem domain and board narrow every figure', () => {
    const t = team();
    const board = { id: 21, name: 'Service Desk' };
    const other = { id: 22, name: 'Projects' };
    t.world.escalated(t.tech, D + HOUR, 'urgent', { domain: 'Email', ticket: { id: 900, board } });
    t.world.escalated(t.tech, D + 2 * HOUR, 'low', { domain: 'Printing', ticket: { id: 901, board: other } });
    const s = t.world.startSession(t.tech, D + 3 * HOUR, { domain: 'Email' });
    t.world.fix(t.tech, s, D + 3 * HOUR, 90);
    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };

    const urgent = t.report(t.senior, { ...day, filters: { priority: 'urgent' } }, D + 12 * HOUR);
    expect(urgent.activity.totals).toMatchObject({
      escalations: 1,
      sessionsStarted: 3,
      sessionsEscalated: 1,
    });
    expect(urgent.fixes.bands[2]!.suggested).toBe(0); // that session was never handed off at urgent

    const email = t.report(t.senior, { ...day, filters: { domain: 'Email' } }, D + 12 * HOUR);
    expect(email.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 2 });
    expect(email.fixes.bands[2]!.suggested).toBe(1);
    expect(email.options.domains).toEqual(['Email', 'Printing']);

    const projects = t.report(t.senior, { ...day, filters: { boardId: 22 } }, D + 12 * HOUR);
    expect(projects.activity.totals).toMatchObject({ escalations: 1, sessionsStarted: 1 });
    expect(claimRow(projects, 'low').escalations).toBe(1);
    expect(claimRow(projects, 'urgent').escalations).toBe(0);
    expect(projects.options.boards).toEqual([
      { id: 22, name: 'Projects' },
      { id: 21, name: 'Service Desk' },
    ]);
  });
});

describe('ConnectWise boards', () => {
  it('linking a session to a ticket remembers its board: the board filter offers it and narrows to it', async () => {
    const cw = await startConnectWiseFake();
    cleanups.push(() => cw.close());
    cw.addTicket({
      id: 4711,
      summary: 'Copier cannot scan to email',
      status: { id: 5, name: 'In Progress' },
    });
    const t = team();
    const { ok } = callers(t.core);
    const admin = t.core.services.profiles.add(t.senior, {
      name: 'Ann Admin',
      email: 'ann@x.example',
      role: 'admin',
    });
    cleanups.push(
      () => t.core.services.vault.delete(CW_VAULT_SERVICE, 'publicKey'),
      () => t.core.services.vault.delete(CW_VAULT_SERVICE, 'privateKey'),
    );
    await ok('profile:switch', { id: admin.id });
    await ok('settings:connectwise-save', fakeConnection(cw));
    const linked = t.world.startSession(t.tech, D + HOUR);
    t.world.startSession(t.tech, D + 2 * HOUR);
    t.clock.set(D + 3 * HOUR);
    await ok('sessions:link-ticket', { sessionId: linked, ticketId: 4711 });

    const day = { range: { from: '2026-03-02', to: '2026-03-02' } };
    const all = t.report(t.senior, day, D + 12 * HOUR);
    expect(all.options.boards).toEqual([DEFAULT_BOARD]);
    expect(all.activity.totals.sessionsStarted).toBe(2);
    const board = t.report(t.senior, { ...day, filters: { boardId: DEFAULT_BOARD.id } }, D + 12 * HOUR);
    expect(board.activity.totals.sessionsStarted).toBe(1);
  });
});
