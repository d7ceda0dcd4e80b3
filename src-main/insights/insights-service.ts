// Insights (issue 18): the figures support leads run their week on, from SQL on this machine's store
// (store/repos/insights.ts). Seniors and admins see everything this machine knows; a technician sees
// their own sessions and handoffs, whatever the filter asks for.
//
// Days are the viewer's local days: the renderer sends its IANA time zone and the range's local dates,
// and the bucket edges are local midnights computed with @date-fns/tz, so a day across a daylight-
// saving change is 23 or 25 hours long instead of spilling an hour into its neighbour.
import { TZDate } from '@date-fns/tz';
import type { z } from 'zod';
import type { InsightsInput, InsightsReport, Priority, User } from '../../src-preload/contract';
import { isSenior, PRIORITIES } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { overdueMinutes } from '../handoffs/handoff-settings';
import type { Db } from '../store/database';
import type { InsightsParams } from '../store/repos/insights';
import {
  FIX_BANDS,
  activityByBucket,
  calibration,
  claimToResolution,
  claimWaits,
  domainChoices,
  fixesByBand,
  resolvedBy,
  sessionsByBucket,
  storeKnows,
  technicianChoices,
} from '../store/repos/insights';
import { listSeenBoards } from '../store/repos/ticket-boards';

/** Up to this many days the activity chart has a bar per day; longer ranges get a bar per week. */
const DAILY_UP_TO = 92;

export interface LocalRange {
  from: number;
  to: number;
  days: number;
  edges: number[];
  labels: string[];
  bucket: 'day' | 'week';
}

const pad = (n: number) => String(n).padStart(2, '0');
const labelOf = (d: TZDate) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The local midnights of the range in `timeZone`: `lastDays` ends with today (by `now`); a custom range
 * takes both dates inclusive. Edges are every midnight (or every 7th, past DAILY_UP_TO days) and the end.
 */
export function localRange(
  range: z.output<typeof InsightsInput>['range'],
  timeZone: string,
  now: number,
): LocalRange {
  let start: { y: number; m: number; d: number };
  let days: number;
  if ('lastDays' in range) {
    const today = new TZDate(now, timeZone);
    days = range.lastDays;
    start = { y: today.getFullYear(), m: today.getMonth(), d: today.getDate() - (days - 1) };
  } else {
    const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
    start = { y: fy, m: fm - 1, d: fd };
    days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  }
  const midnight = (offset: number) => new TZDate(start.y, start.m, start.d + offset, timeZone);
  const bucket = days > DAILY_UP_TO ? 'week' : 'day';
  const step = bucket === 'day' ? 1 : 7;
  const edges: number[] = [];
  const labels: string[] = [];
  for (let offset = 0; offset < days; offset += step) {
    const day = midnight(offset);
    edges.push(day.getTime());
    labels.push(labelOf(day));
  }
  const to = midnight(days).getTime();
  edges.push(to);
  return { from: edges[0]!, to, days, edges, labels, bucket };
}

export function createInsights(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function report(actor: User, input: z.output<typeof InsightsInput>): InsightsReport {
    const team = isSenior(actor.role);
    const asked = input.filters.technicianId ?? null;
    if (!team && asked !== null && asked !== actor.id)
      throw new AppError('FORBIDDEN', "Only seniors and admins see other people's figures");
    const now = clock.now();
    const range = localRange(input.range, input.timeZone, now);
    const minutes = overdueMinutes(db);
    const params: InsightsParams = {
      from: range.from,
      to: range.to,
      now,
      edges: range.edges,
      technicianId: team ? asked : actor.id,
      priority: input.filters.priority ?? null,
      domain: input.filters.domain ?? null,
      boardId: input.filters.boardId ?? null,
      thresholdMs: Object.fromEntries(PRIORITIES.map((p) => [p, minutes[p] * 60_000])) as Record<
        Priority,
        number
      >,
    };

    const activity = new Map(activityByBucket(db, params).map((r) => [r.i, r]));
    const started = new Map(sessionsByBucket(db, params).map((r) => [r.i, r]));
    const buckets = range.labels.map((label, i) => ({
      start: range.edges[i]!,
      label,
      escalations: activity.get(i)?.escalations ?? 0,
      importedEscalations: activity.get(i)?.imported ?? 0,
      parks: activity.get(i)?.parks ?? 0,
      sessionsStarted: started.get(i)?.started ?? 0,
      sessionsEscalated: started.get(i)?.escalated ?? 0,
    }));
    const sum = (key: keyof (typeof buckets)[number]) => buckets.reduce((n, b) => n + (b[key] as number), 0);

    const waits = new Map(claimWaits(db, params).map((r) => [r.priority, r]));
    const resolution = new Map(claimToResolution(db, params).map((r) => [r.priority, r]));
    const fixes = new Map(fixesByBand(db, params).map((r) => [r.band, r]));
    const checks = new Map(calibration(db, params).map((r) => [r.confidence, r]));
    const resolved = resolvedBy(db, params);
    const ranked = [...PRIORITIES].reverse(); // urgent first

    return {
      range: {
        from: range.from,
        to: range.to,
        days: range.days,
        timeZone: input.timeZone,
        bucket: range.bucket,
      },
      generatedAt: now,
      scope: team ? 'team' : 'own',
      knows: storeKnows(db, team ? null : actor.id),
      options: team
        ? { technicians: technicianChoices(db), domains: domainChoices(db), boards: listSeenBoards(db) }
        : {
            technicians: [{ id: actor.id, name: actor.name }],
            domains: domainChoices(db),
            boards: listSeenBoards(db),
          },
      activity: {
        buckets,
        totals: {
          escalations: sum('escalations'),
          importedEscalations: sum('importedEscalations'),
          parks: sum('parks'),
          sessionsStarted: sum('sessionsStarted'),
          sessionsEscalated: sum('sessionsEscalated'),
        },
      },
      timeToClaim: {
        rows: ranked.map((priority) => {
          const r = waits.get(priority);
          return {
            priority,
            thresholdMinutes: minutes[priority],
            escalations: r?.escalations ?? 0,
            claimed: r?.claimed ?? 0,
            closedWithoutClaim: r?.closedWithoutClaim ?? 0,
            waiting: r?.waiting ?? 0,
            overdue: r?.overdue ?? 0,
            count: r?.n ?? 0,
            p50Ms: r?.p50 ?? null,
            p90Ms: r?.p90 ?? null,
          };
        }),
      },
      claimToResolution: {
        rows: (['all', ...ranked] as const).map((priority) => {
          const r = resolution.get(priority);
          return {
            priority,
            claimed: r?.claimed ?? 0,
            resolved: r?.resolved ?? 0,
            count: r?.n ?? 0,
            p50Ms: r?.p50 ?? null,
            p90Ms: r?.p90 ?? null,
          };
        }),
      },
      resolvedBy: {
        alone: resolved.alone ?? 0,
        afterPark: resolved.afterPark ?? 0,
        afterEscalation: resolved.afterEscalation ?? 0,
      },
      fixes: {
        bands: FIX_BANDS.map(({ band, min, max }) => {
          const r = fixes.get(band);
          return {
            band,
            min,
            max,
            suggested: r?.suggested ?? 0,
            applied: r?.applied ?? 0,
            worked: r?.worked ?? 0,
            failed: r?.failed ?? 0,
            pending: r?.pending ?? 0,
            dismissed: r?.dismissed ?? 0,
          };
        }),
      },
      calibration: {
        rows: (['low', 'medium', 'high'] as const).map((confidence) => {
          const r = checks.get(confidence);
          return {
            confidence,
            checked: r?.checked ?? 0,
            right: r?.right ?? 0,
            partly: r?.partly ?? 0,
            wrong: r?.wrong ?? 0,
          };
        }),
      },
    };
  }

  return { report };
}

export type InsightsService = ReturnType<typeof createInsights>;
