// The Insights screen on a big store (issue 18): every figure for the last 90 days (activity, escalation
// rate, time to claim, claim to resolution, who resolved, fixes by band, calibration, what the machine
// knows and the filters' choices), as one `insights:report` computes it, on the 100k-session fixture
// with a team's history laid over it.
import { openStore } from '../src-main/store/database';
import { createInsights } from '../src-main/insights/insights-service';
import { getUser } from '../src-main/store/repos/users';
import { InsightsInput } from '../src-preload/contract';
import { INSIGHTS_FIXTURE_END, insightsFixture } from './lib/insights-fixture';
import { msRow, register } from './lib/registry';
import { summarize, timeEach } from './lib/stats';

const TARGET_MS = 200;

register('insights.report-90d', (ctx) => {
  const fixture = insightsFixture(ctx.migrationsDir, ctx.log);
  ctx.note(
    fixture.generatedMs === null
      ? `insights fixture: reused ${fixture.file}`
      : `insights fixture: generated in ${(fixture.generatedMs / 1000).toFixed(1)} s → ${fixture.file}`,
  );
  const store = openStore(fixture.file, ctx.migrationsDir);
  try {
    const insights = createInsights({ db: store.db, clock: { now: () => INSIGHTS_FIXTURE_END - 1 } });
    const senior = getUser(store.db, fixture.seniorId)!;
    const everyone = InsightsInput.parse({ range: { lastDays: 90 }, timeZone: 'Europe/Berlin' });
    const oneTech = InsightsInput.parse({
      range: { lastDays: 90 },
      timeZone: 'Europe/Berlin',
      filters: { technicianId: fixture.technicianIds[1], priority: 'high' },
    });
    const check = insights.report(senior, everyone);
    if (check.activity.totals.sessionsStarted < 10_000 || check.activity.totals.escalations < 1_000)
      throw new Error(
        `bench bug: 90 days should hold ~12k sessions, got ${JSON.stringify(check.activity.totals)}`,
      );
    ctx.log(
      `insights: 90 days = ${check.activity.totals.sessionsStarted} sessions, ${check.activity.totals.escalations} escalations`,
    );
    const all = summarize(timeEach(() => insights.report(senior, everyone), { warmup: 5, iterations: 60 }));
    const filtered = summarize(
      timeEach(() => insights.report(senior, oneTech), { warmup: 5, iterations: 60 }),
    );
    return [
      msRow('insights report, 90 days of 100k sessions p95', all.p95, TARGET_MS, {
        p50: all.p50,
        max: all.max,
      }),
      msRow('insights report, 90 days, technician + priority filter p95', filtered.p95, TARGET_MS, {
        p50: filtered.p50,
        max: filtered.max,
      }),
    ];
  } finally {
    store.close();
  }
});
