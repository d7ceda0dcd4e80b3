// Every Insights figure (issue 18), computed by SQLite over the local store: counts, nearest-rank
// percentiles (window functions) and per-day buckets, so the renderer never scans rows.
//
// One prepared statement per figure. Absent filters are NULL parameters (`@x is null or …`): the
// statements stay the same whatever is filtered, and each is driven by a range index on its time
// column (sessions_created_idx, sessions_resolved_idx, handoffs_created_idx, suggested_fixes_created_idx,
// assessment_checks_checked_idx, drizzle/0011), so 90 days of a 100k-session store reads only those
// 90 days. Buckets are the local midnights the service computed (DST-aware), passed as a JSON array.
import type Database from 'better-sqlite3';
import type { InsightsReport, Priority } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';

export interface InsightsParams {
  from: number;
  to: number;
  now: number;
  /** Bucket edges, ascending: edges[i] ≤ t < edges[i + 1] is bucket i (first = from, last = to). */
  edges: number[];
  /** A technician's own view, or the technician filter: only their sessions and handoffs. */
  technicianId: string | null;
  priority: Priority | null;
  domain: string | null;
  boardId: number | null;
  /** Overdue thresholds per priority, in milliseconds. */
  thresholdMs: Record<Priority, number>;
}

type Bind = Record<string, string | number | null>;

const bind = (p: InsightsParams): Bind => ({
  from: p.from,
  to: p.to,
  now: p.now,
  edges: JSON.stringify(p.edges),
  tech: p.technicianId,
  priority: p.priority,
  domain: p.domain,
  board: p.boardId,
  urgentMs: p.thresholdMs.urgent,
  highMs: p.thresholdMs.high,
  mediumMs: p.thresholdMs.medium,
  lowMs: p.thresholdMs.low,
});

const statement = (db: Db, key: string, text: string): Database.Statement =>
  prepared(db, `insights.${key}`, (d) => d.$client.prepare(text));

// ---- shared SQL fragments (h = handoffs, s = sessions) -----------------------------------------------

const BUCKETS = `
  edges(i, t) as (select key, value from json_each(@edges)),
  buckets(i, lo, hi) as (select a.i, a.t, b.t from edges a join edges b on b.i = a.i + 1)`;

/** The session's ticket is on the chosen board (as this machine last saw it). */
const boardOf = (ticket: string) =>
  `(@board is null or exists (select 1 from psa_ticket_boards tb where tb.ticket_id = ${ticket} and tb.board_id = @board))`;

const SESSION_FILTERS = `
  (@tech is null or s.created_by_id = @tech)
  and (@domain is null or s.problem_domain = @domain)
  and ${boardOf('s.psa_ticket_id')}`;

/** The filters on a handoff `h` whose session `s` is joined. */
const HANDOFF_FILTERS = `
  (@tech is null or h.handed_off_by_id = @tech)
  and (@priority is null or h.priority = @priority)
  and (@domain is null or s.problem_domain = @domain)
  and ${boardOf('coalesce(h.psa_ticket_id, s.psa_ticket_id)')}`;

/**
 * The same filters without the join: the session is looked up only when a domain or board is asked
 * for, so an unfiltered range reads no session row.
 */
const HANDOFF_FILTERS_UNJOINED = `
  (@tech is null or h.handed_off_by_id = @tech)
  and (@priority is null or h.priority = @priority)
  and (@domain is null and @board is null or exists (
        select 1 from sessions s where s.id = h.session_id
          and (@domain is null or s.problem_domain = @domain)
          and ${boardOf('coalesce(h.psa_ticket_id, s.psa_ticket_id)')}))`;

/** With a priority filter, a session counts when one of its handoffs (before `before`) had it. */
const sessionHasPriority = (session: string, before: string | null) => `
  (@priority is null or exists (select 1 from handoffs hp where hp.session_id = ${session}
     and hp.priority = @priority${before ? ` and hp.created_at <= ${before}` : ''}))`;

const THRESHOLD = `case p when 'urgent' then @urgentMs when 'high' then @highMs when 'medium' then @mediumMs else @lowMs end`;

/**
 * Nearest-rank p50 and p90 of `value` per `p` from a CTE `r(p, value, rn, n)` numbered in ascending
 * order: the smallest value whose rank reaches ⌈q·n⌉ (rn·2 ≥ n, rn·10 ≥ 9n; integer arithmetic).
 */
const PERCENTILES = `
  select p, max(n) as n,
         min(case when rn * 2 >= n then value end) as p50,
         min(case when rn * 10 >= n * 9 then value end) as p90
  from r group by p`;

// ---- the figures ------------------------------------------------------------------------------------

export interface ActivityRow {
  i: number;
  escalations: number;
  imported: number;
  parks: number;
}

/** Handoffs created per bucket: local escalations, imported escalations, parks. */
export function activityByBucket(db: Db, p: InsightsParams): ActivityRow[] {
  return statement(
    db,
    'activity',
    `with ${BUCKETS}
     select k.i as i,
            sum(h.intent = 'escalate' and h.origin = 'local') as escalations,
            sum(h.intent = 'escalate' and h.origin = 'psa') as imported,
            sum(h.intent = 'park') as parks
     from buckets k
     join handoffs h on h.created_at >= k.lo and h.created_at < k.hi
     where ${HANDOFF_FILTERS_UNJOINED}
     group by k.i`,
  ).all(bind(p)) as ActivityRow[];
}

export interface SessionsRow {
  i: number;
  started: number;
  escalated: number;
}

/**
 * Sessions started on this machine per bucket, and how many of them were escalated (then or later).
 * An imported team escalation is someone else's session: it is not a session worked here.
 */
export function sessionsByBucket(db: Db, p: InsightsParams): SessionsRow[] {
  // What each session's handoffs say, read once (a handoff never predates its session, so those from
  // @from on cover every session started in the range): 2 = imported, someone else's session;
  // 1 = escalated here (at the filtered priority); 0 = only parks or other priorities.
  return statement(
    db,
    'sessions',
    `with ${BUCKETS},
     e as materialized (
       select session_id,
              max(case when origin = 'psa' then 2
                       when intent = 'escalate' and (@priority is null or priority = @priority) then 1
                       else 0 end) as handed
       from handoffs where created_at >= @from group by session_id
     )
     select k.i as i, count(*) as started, sum(e.handed = 1) as escalated
     from buckets k
     join sessions s on s.created_at >= k.lo and s.created_at < k.hi
     left join e on e.session_id = s.id
     where (e.handed is null or e.handed < 2) and ${SESSION_FILTERS}
     group by k.i`,
  ).all(bind(p)) as SessionsRow[];
}

export interface ClaimWaitRow {
  priority: Priority;
  escalations: number;
  claimed: number;
  closedWithoutClaim: number;
  waiting: number;
  overdue: number;
  n: number | null;
  p50: number | null;
  p90: number | null;
}

/**
 * Escalations created in the range, per priority: how many were claimed, left the queue unclaimed
 * (claimed on another machine, seen here as a close), or still wait; how many waited past their
 * priority's threshold (until claimed, closed, or now); and p50 / p90 of the wait of those claimed.
 */
export function claimWaits(db: Db, p: InsightsParams): ClaimWaitRow[] {
  return statement(
    db,
    'claim-waits',
    `with w as materialized (
       select h.priority as p, h.created_at as c, h.claimed_at as cl, h.closed_at as x
       from handoffs h
       where h.intent = 'escalate' and h.created_at >= @from and h.created_at < @to
         and ${HANDOFF_FILTERS_UNJOINED}
     ),
     r as (
       select p, max(cl - c, 0) as value,
              row_number() over (partition by p order by max(cl - c, 0)) as rn,
              count(*) over (partition by p) as n
       from w where cl is not null
     ),
     pct as (${PERCENTILES}),
     counts as (
       select p, count(*) as escalations,
              sum(cl is not null) as claimed,
              sum(cl is null and x is not null) as closedWithoutClaim,
              sum(cl is null and x is null) as waiting,
              sum(coalesce(cl, x, @now) - c > ${THRESHOLD}) as overdue
       from w group by p
     )
     select counts.p as priority, escalations, claimed, closedWithoutClaim, waiting, overdue,
            pct.n as n, pct.p50 as p50, pct.p90 as p90
     from counts left join pct on pct.p = counts.p`,
  ).all(bind(p)) as ClaimWaitRow[];
}

export interface ResolutionRow {
  priority: Priority | 'all';
  claimed: number;
  resolved: number;
  n: number | null;
  p50: number | null;
  p90: number | null;
}

/**
 * Escalations created in the range and claimed by a profile on this machine: how many of their
 * sessions were resolved since, and p50 / p90 from the claim to the resolution. A resolution belongs to
 * the session's last handoff before it (a session handed off again after the claim is not counted).
 */
export function claimToResolution(db: Db, p: InsightsParams): ResolutionRow[] {
  return statement(
    db,
    'claim-to-resolution',
    `with w as materialized (
       select h.priority as p, s.resolved_at - h.claimed_at as took,
              (s.status = 'resolved' and s.resolved_at >= h.claimed_at
               and (s.handoff_count < 2
                    or not exists (select 1 from handoffs later where later.session_id = h.session_id
                                     and later.created_at > h.created_at and later.created_at <= s.resolved_at)))
                as resolved
       from handoffs h
       join sessions s on s.id = h.session_id
       join users u on u.id = h.claimed_by_id and u.active = 1
       where h.intent = 'escalate' and h.created_at >= @from and h.created_at < @to and ${HANDOFF_FILTERS}
     ),
     d as (select p, took from w where resolved union all select 'all', took from w where resolved),
     r as (
       select p, took as value, row_number() over (partition by p order by took) as rn,
              count(*) over (partition by p) as n
       from d
     ),
     pct as (${PERCENTILES}),
     counts as (
       select p, count(*) as claimed, sum(resolved) as resolved from w group by p
       union all
       select 'all', count(*), coalesce(sum(resolved), 0) from w
     )
     select counts.p as priority, claimed, resolved, pct.n as n, pct.p50 as p50, pct.p90 as p90
     from counts left join pct on pct.p = counts.p`,
  ).all(bind(p)) as ResolutionRow[];
}

export interface ResolvedByRow {
  alone: number | null;
  afterPark: number | null;
  afterEscalation: number | null;
}

/** Sessions resolved in the range, by what came before: nothing, a park, or an escalation. */
export function resolvedBy(db: Db, p: InsightsParams): ResolvedByRow {
  // One look at the handoffs before the resolution: 2 = an escalation, 1 = only parks, null = none;
  // handoff_count (kept on the session) spares the look for the many sessions never handed off.
  return statement(
    db,
    'resolved-by',
    `with k as materialized (
       select case when s.handoff_count > 0 then
                (select max(case when e.intent = 'escalate' then 2 else 1 end) from handoffs e
                 where e.session_id = s.id and e.created_at <= s.resolved_at) end as before
       from sessions s
       where s.resolved_at >= @from and s.resolved_at < @to and s.status = 'resolved'
         and ${SESSION_FILTERS} and ${sessionHasPriority('s.id', 's.resolved_at')}
     )
     select sum(before is null) as alone, sum(before = 1) as afterPark, sum(before = 2) as afterEscalation
     from k`,
  ).get(bind(p)) as ResolvedByRow;
}

/** A band of the report's fixes figure, as SQL counts it (its confidence range is added by the service). */
export type FixBandRow = Omit<InsightsReport['fixes']['bands'][number], 'min' | 'max'>;

/** The confidence bands (percent), as the fixes chart labels them. */
export const FIX_BANDS = [
  { band: 'low', min: 0, max: 49 },
  { band: 'medium', min: 50, max: 79 },
  { band: 'high', min: 80, max: 100 },
] as const;

/** Suggested fixes created in the range, per confidence band: what the technician did and how it went. */
export function fixesByBand(db: Db, p: InsightsParams): FixBandRow[] {
  return statement(
    db,
    'fixes',
    `select case when f.confidence >= 80 then 'high' when f.confidence >= 50 then 'medium' else 'low' end as band,
            count(*) as suggested,
            sum(f.user_decision in ('apply_once', 'save_as_template')) as applied,
            sum(f.outcome = 'worked') as worked,
            sum(f.outcome = 'failed') as failed,
            sum(f.outcome = 'pending') as pending,
            sum(f.user_decision = 'dismissed') as dismissed
     from suggested_fixes f
     where f.created_at >= @from and f.created_at < @to
       and (@tech is null and @domain is null and @board is null
            or exists (select 1 from sessions s where s.id = f.session_id and ${SESSION_FILTERS}))
       and ${sessionHasPriority('f.session_id', null)}
     group by band`,
  ).all(bind(p)) as FixBandRow[];
}

export interface CalibrationRow {
  confidence: 'low' | 'medium' | 'high';
  checked: number;
  right: number;
  partly: number;
  wrong: number;
}

/** Assessments checked in the range on sessions that are resolved, by the assessment's stated confidence. */
export function calibration(db: Db, p: InsightsParams): CalibrationRow[] {
  return statement(
    db,
    'calibration',
    `select c.confidence as confidence, count(*) as checked,
            sum(c.verdict = 'right') as right, sum(c.verdict = 'partly') as partly,
            sum(c.verdict = 'wrong') as wrong
     from assessment_checks c
     join handoffs h on h.id = c.handoff_id
     join sessions s on s.id = c.session_id
     where c.checked_at >= @from and c.checked_at < @to and s.status = 'resolved' and ${HANDOFF_FILTERS}
     group by c.confidence`,
  ).all(bind(p)) as CalibrationRow[];
}

// ---- what the machine knows, and the filters' choices ----------------------------------------------------

/** Sessions started on this machine (or by `technicianId`) and team escalations imported here. */
export function storeKnows(
  db: Db,
  technicianId: string | null,
): { localSessions: number; importedEscalations: number } {
  const imported = statement(
    db,
    'knows-imported',
    `select count(*) from handoffs where origin = 'psa' and (@tech is null or handed_off_by_id = @tech)`,
  )
    .pluck()
    .get({ tech: technicianId }) as number;
  // Every imported escalation brought its session along (one each).
  const sessions = statement(
    db,
    'knows-sessions',
    `select count(*) from sessions where (@tech is null or created_by_id = @tech)`,
  )
    .pluck()
    .get({ tech: technicianId }) as number;
  return { localSessions: Math.max(0, sessions - imported), importedEscalations: imported };
}

/** Everyone this machine knows: its profiles and the colleagues it learned of from ConnectWise. */
export function technicianChoices(db: Db): { id: string; name: string }[] {
  return statement(db, 'technicians', `select id, name from users order by name collate nocase`).all() as {
    id: string;
    name: string;
  }[];
}

export function domainChoices(db: Db): string[] {
  return statement(
    db,
    'domains',
    `select distinct problem_domain from sessions where problem_domain is not null order by 1`,
  )
    .pluck()
    .all() as string[];
}
