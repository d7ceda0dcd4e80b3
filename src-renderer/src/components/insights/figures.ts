// What each Insights chart says in words (the plain-text summary screen readers get, shown to everyone
// too), the numbers behind it (the table under the chart and its CSV), and which set of records it
// covers on this machine (DESIGN §6: a technician's Baton knows its own sessions; a senior's also
// the team escalations it imported from ConnectWise, with their claims and closures).
import type { InsightsReport } from '../../../../src-preload/contract';

export interface Table {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Figure {
  summary: string;
  covers: string;
  table: Table;
}

type Scope = InsightsReport['scope'];

import { PRIORITY_LABEL } from '../../../../src-preload/contract';

/**
 * "12 min", "1 h 30 min", "2 d 4 h": compact enough for an axis. Written here because date-fns'
 * formatDuration spells units out ("1 hour 30 minutes"), too long for chart labels.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;

const minutesText = (minutes: number) => formatDuration(minutes * 60_000);
const dayText = (label: string) =>
  new Date(`${label}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

export function periodText(report: InsightsReport): string {
  const first = report.activity.buckets[0]?.label;
  const last = new Date(report.range.to - 1).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: report.range.timeZone,
  });
  return first ? `${dayText(first)} – ${last}` : last;
}

/** The sentence under the title: what this machine can know at all. */
export function knowsText(report: InsightsReport): string {
  const { localSessions, importedEscalations } = report.knows;
  if (report.scope === 'own')
    return `Your figures: the ${localSessions} sessions you started on this computer and your own handoffs. Seniors and admins see the whole team here.`;
  return `This Baton knows the ${localSessions} sessions worked on this computer and ${importedEscalations} team escalations imported from ConnectWise, with their claims and closures. Work that never touched this computer or ConnectWise is not counted.`;
}

const COVERS: Record<string, Record<Scope, string>> = {
  activity: {
    own: 'Your escalations and parks; the rate is over the sessions you started.',
    team: 'Escalations and parks made on this computer, plus team escalations imported from ConnectWise. The rate counts sessions started here only (an imported escalation started elsewhere).',
  },
  claim: {
    own: 'Your escalations. A claim on another computer counts from when this one learned of it.',
    team: 'Escalations made here and imported from ConnectWise. A claim made on another computer counts from when this one learned of it; one that left the queue without a claim here is counted apart.',
  },
  resolution: {
    own: 'Your escalations claimed and resolved on this computer.',
    team: 'Escalations claimed by someone on this computer and resolved here.',
  },
  resolved: {
    own: 'Your sessions resolved on this computer.',
    team: 'Sessions resolved on this computer, including imported escalations resolved here.',
  },
  fixes: {
    own: 'Fixes the assistant suggested in your sessions on this computer.',
    team: 'Fixes the assistant suggested in sessions on this computer.',
  },
  calibration: {
    own: 'Your escalations resolved on this computer where the resolver answered the check.',
    team: 'Escalations resolved on this computer where the resolver answered “Was the likely cause right?”.',
  },
};

export function activityFigure(r: InsightsReport): Figure {
  const t = r.activity.totals;
  const busiest = r.activity.buckets.reduce<(typeof r.activity.buckets)[number] | null>((best, b) => {
    const n = b.escalations + b.importedEscalations;
    return n > 0 && (!best || n > best.escalations + best.importedEscalations) ? b : best;
  }, null);
  const per = r.range.bucket === 'week' ? 'week starting' : 'day';
  const escalations = t.escalations + t.importedEscalations;
  const summary =
    escalations + t.parks === 0
      ? 'No escalations or parks in this period.'
      : `${escalations} escalation${escalations === 1 ? '' : 's'}` +
        (t.importedEscalations ? ` (${t.importedEscalations} imported from ConnectWise)` : '') +
        ` and ${t.parks} park${t.parks === 1 ? '' : 's'}.` +
        (busiest
          ? ` Busiest ${per} ${dayText(busiest.label)}, with ${busiest.escalations + busiest.importedEscalations}.`
          : '');
  const rate =
    t.sessionsStarted === 0
      ? ' No sessions were started in this period.'
      : ` ${t.sessionsEscalated} of ${t.sessionsStarted} sessions started were escalated (${percent(t.sessionsEscalated, t.sessionsStarted)}).`;
  return {
    summary: summary + rate,
    covers: COVERS.activity![r.scope],
    table: {
      columns: [
        r.range.bucket === 'week' ? 'Week starting' : 'Day',
        'Escalations',
        'Imported escalations',
        'Parks',
        'Sessions started',
        'Sessions escalated',
      ],
      rows: r.activity.buckets.map((b) => [
        b.label,
        b.escalations,
        b.importedEscalations,
        b.parks,
        b.sessionsStarted,
        b.sessionsEscalated,
      ]),
    },
  };
}

export function claimFigure(r: InsightsReport): Figure {
  const rows = r.timeToClaim.rows.filter((row) => row.escalations > 0);
  const summary =
    rows.length === 0
      ? 'No escalations in this period.'
      : rows
          .map((row) => {
            const name = PRIORITY_LABEL[row.priority];
            const waits =
              row.count > 0
                ? `${formatDuration(row.p50Ms)} median, ${formatDuration(row.p90Ms)} 90th percentile`
                : 'none claimed yet';
            const waiting = row.waiting ? `, ${row.waiting} still waiting` : '';
            return `${name}: ${waits} (limit ${minutesText(row.thresholdMinutes)}); ${row.overdue} of ${row.escalations} overdue${waiting}.`;
          })
          .join(' ');
  return {
    summary,
    covers: COVERS.claim![r.scope],
    table: {
      columns: [
        'Priority',
        'Escalations',
        'Claimed',
        'Left the queue without a claim here',
        'Still waiting',
        'Overdue',
        'Overdue limit (minutes)',
        'Median wait (minutes)',
        '90th percentile wait (minutes)',
      ],
      rows: r.timeToClaim.rows.map((row) => [
        PRIORITY_LABEL[row.priority],
        row.escalations,
        row.claimed,
        row.closedWithoutClaim,
        row.waiting,
        row.overdue,
        row.thresholdMinutes,
        minutes(row.p50Ms),
        minutes(row.p90Ms),
      ]),
    },
  };
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

export function resolutionFigure(r: InsightsReport): Figure {
  const all = r.claimToResolution.rows.find((row) => row.priority === 'all')!;
  const summary =
    all.claimed === 0
      ? 'No escalation in this period was claimed on this computer.'
      : all.resolved === 0
        ? `${all.claimed} claimed, none resolved yet.`
        : `${all.resolved} of ${all.claimed} claimed escalations were resolved: ${formatDuration(all.p50Ms)} from claim to resolution at the median, ${formatDuration(all.p90Ms)} at the 90th percentile.`;
  return {
    summary,
    covers: COVERS.resolution![r.scope],
    table: {
      columns: ['Priority', 'Claimed', 'Resolved', 'Median (minutes)', '90th percentile (minutes)'],
      rows: r.claimToResolution.rows.map((row) => [
        row.priority === 'all' ? 'All' : PRIORITY_LABEL[row.priority],
        row.claimed,
        row.resolved,
        minutes(row.p50Ms),
        minutes(row.p90Ms),
      ]),
    },
  };
}

export function resolvedFigure(r: InsightsReport): Figure {
  const { alone, afterPark, afterEscalation } = r.resolvedBy;
  const total = alone + afterPark + afterEscalation;
  return {
    summary:
      total === 0
        ? 'No sessions were resolved in this period.'
        : `Of ${total} sessions resolved, ${alone} (${percent(alone, total)}) by the technician alone, ${afterPark} (${percent(afterPark, total)}) after a park and ${afterEscalation} (${percent(afterEscalation, total)}) after an escalation.`,
    covers: COVERS.resolved![r.scope],
    table: {
      columns: ['Resolved', 'Sessions', 'Share'],
      rows: [
        ['By the technician alone', alone, percent(alone, total)],
        ['After a park', afterPark, percent(afterPark, total)],
        ['After an escalation', afterEscalation, percent(afterEscalation, total)],
      ],
    },
  };
}

export const BAND_LABEL = { low: 'Low', medium: 'Medium', high: 'High' } as const;

export function fixesFigure(r: InsightsReport): Figure {
  const bands = r.fixes.bands.filter((b) => b.suggested > 0);
  return {
    summary:
      bands.length === 0
        ? 'The assistant suggested no fixes in this period.'
        : bands
            .map(
              (b) =>
                `${BAND_LABEL[b.band]} confidence (${b.min}–${b.max}%): ${b.suggested} suggested, ${b.applied} applied, ${b.worked} worked, ${b.failed} failed${b.pending ? `, ${b.pending} pending` : ''}.`,
            )
            .join(' '),
    covers: COVERS.fixes![r.scope],
    table: {
      columns: [
        'Confidence band',
        'From (%)',
        'To (%)',
        'Suggested',
        'Applied',
        'Worked',
        'Failed',
        'Pending',
        'Dismissed',
      ],
      rows: r.fixes.bands.map((b) => [
        BAND_LABEL[b.band],
        b.min,
        b.max,
        b.suggested,
        b.applied,
        b.worked,
        b.failed,
        b.pending,
        b.dismissed,
      ]),
    },
  };
}

export function calibrationFigure(r: InsightsReport): Figure {
  const rows = r.calibration.rows.filter((row) => row.checked > 0);
  return {
    summary:
      rows.length === 0
        ? 'No assessment was checked at a resolution in this period.'
        : rows
            .map(
              (row) =>
                `${BAND_LABEL[row.confidence]}-confidence assessments were right ${percent(row.right, row.checked)} of the time (${row.right} of ${row.checked}), partly right ${percent(row.partly, row.checked)}, wrong ${percent(row.wrong, row.checked)}.`,
            )
            .join(' '),
    covers: COVERS.calibration![r.scope],
    table: {
      columns: ['Stated confidence', 'Checked', 'Right', 'Partly', 'Wrong', 'Share right'],
      rows: r.calibration.rows.map((row) => [
        BAND_LABEL[row.confidence],
        row.checked,
        row.right,
        row.partly,
        row.wrong,
        percent(row.right, row.checked),
      ]),
    },
  };
}

/**
 * RFC 4180 CSV (quotes doubled, fields with commas, quotes or line breaks quoted), CRLF lines. Written
 * here: writing is these few lines, and a CSV library (papaparse) would add a parser nobody calls.
 */
export function toCsv(table: Table): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
