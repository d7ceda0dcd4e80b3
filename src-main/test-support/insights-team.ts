// A seeded team for the Insights tests: a real core on a settable clock, a senior and two
// technicians, the world that writes their history, and the report as a given profile asks for it.
import type { InsightsReport, User } from '../../src-preload/contract';
import { InsightsInput } from '../../src-preload/contract';
import { insightsWorld, settableClock } from './insights-world';
import { tempCore } from './temp-core';

/** Monday 2 March 2026, 00:00 UTC. */
export const D = Date.UTC(2026, 2, 2);

export function insightsTeam(cleanups: (() => Promise<unknown>)[], start = D) {
  const clock = settableClock(start);
  const core = tempCore({ clock, startWorker: false });
  cleanups.push(() => core.dispose());
  const { profiles } = core.services;
  const senior = profiles.create({ name: 'Sam Senior', email: 'sam@x.example', role: 'owner' });
  const tech = profiles.add(senior, { name: 'Terry Tech', email: 'terry@x.example', role: 'technician' });
  const tech2 = profiles.add(senior, { name: 'Priya Patel', email: 'priya@x.example', role: 'technician' });
  const world = insightsWorld(core, clock);
  /** The last 7 days in UTC unless the input says otherwise, as of `now`. */
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

export const claimRow = (r: InsightsReport, priority: string) =>
  r.timeToClaim.rows.find((row) => row.priority === priority)!;
export const resolutionRow = (r: InsightsReport, priority: string) =>
  r.claimToResolution.rows.find((row) => row.priority === priority)!;
export const perBucket = (r: InsightsReport, key: 'escalations' | 'parks' | 'importedEscalations') =>
  r.activity.buckets.map((b) => b[key]);
