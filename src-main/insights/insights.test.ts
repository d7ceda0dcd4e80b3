// Insights figures against hand-computed expectations on a seeded store (issue 18): an empty range,
// one data point, a handoff never claimed, nearest-rank percentiles, and local days across
// daylight-saving changes.
import { afterEach, describe, expect, it } from 'vitest';
import { D, claimRow, insightsTeam, perBucket, resolutionRow } from '../test-support/insights-team';
import { HOUR, MINUTE } from '../test-support/insights-world';
import { localRange } from './insights-service';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
const team = (start?: number) => insightsTeam(cleanups, start);

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
