// Insights (issue 18): escalations, time to claim, outcomes and how right the assistant was, for a
// date range and filters, from SQL on this machine's store. Loaded lazily (React.lazy in
// SessionsScreen), so the chart library ships only with this screen.
import { useEffect, useMemo } from 'react';
import type { InsightsReport } from '../../../src-preload/contract';
import { PRIORITY_LABEL } from '../../../src-preload/contract';
import { ChartCard } from '../components/insights/ChartCard';
import { ActivityChart } from '../components/insights/charts/ActivityChart';
import { FixesChart } from '../components/insights/charts/FixesChart';
import { COLOR } from '../components/insights/charts/kit';
import { ShareBars } from '../components/insights/charts/ShareBars';
import { WaitBars } from '../components/insights/charts/WaitBars';
import {
  BAND_LABEL,
  activityFigure,
  calibrationFigure,
  claimFigure,
  fixesFigure,
  knowsText,
  percent,
  periodText,
  resolutionFigure,
  resolvedFigure,
} from '../components/insights/figures';
import { InsightsControls } from '../components/insights/InsightsControls';
import { useInsightsStore } from '../stores/insights-store';
import '../insights.css';

export default function InsightsScreen() {
  const report = useInsightsStore((s) => s.report);
  const loading = useInsightsStore((s) => s.loading);
  const error = useInsightsStore((s) => s.error);

  useEffect(() => {
    void useInsightsStore.getState().load();
  }, []);

  return (
    <section className="insights-view" aria-labelledby="insights-title" aria-busy={loading}>
      <header className="insights-header">
        <div>
          <h1 id="insights-title">Insights</h1>
          {report && (
            <p className="insights-period" data-testid="insights-period">
              {periodText(report)}
            </p>
          )}
        </div>
        <InsightsControls report={report} />
      </header>
      {report && (
        <p className="insights-knows" role="note">
          {knowsText(report)}
        </p>
      )}
      {error && (
        <p className="insights-error" role="alert">
          Could not compute the figures: {error}{' '}
          <button type="button" className="small" onClick={() => void useInsightsStore.getState().load()}>
            Try again
          </button>
        </p>
      )}
      {report ? <Figures report={report} /> : !error && <div className="content-loading" aria-busy="true" />}
      {/* A signal for tests and automation: the figures on screen answer the current range and filters. */}
      <span
        hidden
        data-testid="insights-state"
        data-state={loading ? 'loading' : report ? 'ready' : 'none'}
      />
    </section>
  );
}

function Figures({ report }: { report: InsightsReport }) {
  const figures = useMemo(
    () => ({
      activity: activityFigure(report),
      claim: claimFigure(report),
      resolution: resolutionFigure(report),
      resolved: resolvedFigure(report),
      fixes: fixesFigure(report),
      calibration: calibrationFigure(report),
    }),
    [report],
  );
  const file = (name: string) => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return `baton-insights-${name}-${day(report.range.from)}-to-${day(report.range.to - 1)}.csv`;
  };
  const t = report.activity.totals;
  const overdue = report.timeToClaim.rows.reduce((n, r) => n + r.overdue, 0);
  const escalations = report.timeToClaim.rows.reduce((n, r) => n + r.escalations, 0);
  const { alone, afterPark, afterEscalation } = report.resolvedBy;

  return (
    <div className="insights-body">
      <dl className="insights-tiles">
        <div>
          <dt>Escalation rate</dt>
          <dd className="insights-tile-value">{percent(t.sessionsEscalated, t.sessionsStarted)}</dd>
          <dd className="muted">
            {t.sessionsEscalated} of {t.sessionsStarted} sessions started
          </dd>
        </div>
        <div>
          <dt>Escalations</dt>
          <dd className="insights-tile-value">{t.escalations + t.importedEscalations}</dd>
          <dd className="muted">
            {t.importedEscalations ? `${t.importedEscalations} imported, ` : ''}
            {t.parks} parks
          </dd>
        </div>
        <div>
          <dt>Went overdue</dt>
          <dd className="insights-tile-value">{overdue}</dd>
          <dd className="muted">of {escalations} escalations</dd>
        </div>
        <div>
          <dt>Resolved</dt>
          <dd className="insights-tile-value">{alone + afterPark + afterEscalation}</dd>
          <dd className="muted">{afterEscalation} after an escalation</dd>
        </div>
      </dl>

      <div className="insights-grid">
        <ChartCard title="Escalations and parks" figure={figures.activity} fileName={file('activity')} wide>
          {(id) => <ActivityChart report={report} summaryId={id} />}
        </ChartCard>
        <ChartCard title="Time to claim" figure={figures.claim} fileName={file('time-to-claim')}>
          {(id) => (
            <WaitBars
              summaryId={id}
              scale="log"
              thresholds
              rows={report.timeToClaim.rows.map((r) => ({
                label: PRIORITY_LABEL[r.priority],
                p50Ms: r.p50Ms,
                p90Ms: r.p90Ms,
                thresholdMs: r.thresholdMinutes * 60_000,
                note: r.escalations ? `${r.overdue} of ${r.escalations} overdue` : 'none',
              }))}
            />
          )}
        </ChartCard>
        <ChartCard
          title="Claim to resolution"
          figure={figures.resolution}
          fileName={file('claim-to-resolution')}
        >
          {(id) => (
            <WaitBars
              summaryId={id}
              scale="linear"
              rows={report.claimToResolution.rows.map((r) => ({
                label: r.priority === 'all' ? 'All' : PRIORITY_LABEL[r.priority],
                p50Ms: r.p50Ms,
                p90Ms: r.p90Ms,
                note: r.claimed ? `${r.resolved} of ${r.claimed} resolved` : 'none claimed',
              }))}
            />
          )}
        </ChartCard>
        <ChartCard title="Who resolved" figure={figures.resolved} fileName={file('who-resolved')}>
          {(id) => (
            <ShareBars
              summaryId={id}
              labelWidth={90}
              rows={[
                {
                  label: 'Resolutions',
                  note: `n = ${alone + afterPark + afterEscalation}`,
                  parts: [
                    { key: 'alone', label: 'Technician alone', value: alone, color: COLOR.alone },
                    { key: 'park', label: 'After a park', value: afterPark, color: COLOR.parks },
                    {
                      key: 'escalation',
                      label: 'After an escalation',
                      value: afterEscalation,
                      color: COLOR.escalations,
                    },
                  ],
                },
              ]}
            />
          )}
        </ChartCard>
        <ChartCard title="Suggested fixes by confidence" figure={figures.fixes} fileName={file('fixes')}>
          {(id) => <FixesChart report={report} summaryId={id} />}
        </ChartCard>
        <ChartCard
          title="Was the assessment right?"
          figure={figures.calibration}
          fileName={file('assessment-calibration')}
          wide
        >
          {(id) => (
            <ShareBars
              summaryId={id}
              labelWidth={134}
              rows={[...report.calibration.rows].reverse().map((r) => ({
                label: `${BAND_LABEL[r.confidence]} confidence`,
                note: `n = ${r.checked}`,
                parts: [
                  { key: 'right', label: 'Right', value: r.right, color: COLOR.right },
                  { key: 'partly', label: 'Partly', value: r.partly, color: COLOR.partly },
                  { key: 'wrong', label: 'Wrong', value: r.wrong, color: COLOR.wrong },
                ],
              }))}
            />
          )}
        </ChartCard>
      </div>
    </div>
  );
}
