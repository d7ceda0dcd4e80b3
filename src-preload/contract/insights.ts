// Insights (issue 18): the figures for a date range, and whether the assessments were right.
import { z } from 'zod';
import { PRIORITIES } from './handoffs';
import type { Priority } from './handoffs';

/** Was the assessment's likely cause right? Asked when an escalated session is resolved. */
export const ASSESSMENT_VERDICTS = ['right', 'partly', 'wrong'] as const;
export type AssessmentVerdict = (typeof ASSESSMENT_VERDICTS)[number];
export const ASSESSMENT_CONFIDENCES = ['low', 'medium', 'high'] as const;
export type AssessmentConfidence = (typeof ASSESSMENT_CONFIDENCES)[number];

/** The assessment the resolve dialog asks about: the session's latest escalation with one ready. */
export interface AssessmentToCheck {
  handoffId: string;
  likelyCause: string;
  confidence: AssessmentConfidence;
  draftedOffline: boolean;
  /** Already answered (e.g. a post that failed and is tried again): the earlier answer. */
  verdict: AssessmentVerdict | null;
}

export interface InsightsPercentiles {
  /** How many durations the percentiles are taken over. */
  count: number;
  /** Nearest-rank percentiles in milliseconds; null when there is no duration. */
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface InsightsReport {
  /** The range as computed on this machine: local midnights in `timeZone`, end exclusive. */
  range: { from: number; to: number; days: number; timeZone: string; bucket: 'day' | 'week' };
  generatedAt: number;
  /**
   * own: a technician sees the sessions they started and their own handoffs; team: a senior or admin
   * sees everything this machine knows (DESIGN §6): the sessions worked here, and the team escalations
   * imported from ConnectWise with their claims and closures. Each figure's set follows from this.
   */
  scope: 'own' | 'team';
  /** What this machine knows, stated on the screen (for `own`: the viewer's sessions only). */
  knows: { localSessions: number; importedEscalations: number };
  /** The choices the filters offer (people, domains and boards this store has seen). */
  options: {
    technicians: { id: string; name: string }[];
    domains: string[];
    boards: { id: number; name: string }[];
  };
  /** Escalations and parks per day (or week), and sessions started and escalated for the rate. */
  activity: {
    buckets: {
      start: number;
      /** e.g. "2026-03-08", the local date the bucket starts on. */
      label: string;
      escalations: number;
      importedEscalations: number;
      parks: number;
      sessionsStarted: number;
      sessionsEscalated: number;
    }[];
    totals: {
      escalations: number;
      importedEscalations: number;
      parks: number;
      sessionsStarted: number;
      sessionsEscalated: number;
    };
  };
  /** Escalations created in the range: how long they waited for a claim, per priority. */
  timeToClaim: {
    rows: ({
      priority: Priority;
      thresholdMinutes: number;
      escalations: number;
      claimed: number;
      /** Left this machine's queue without a claim here (claimed on another machine, or resumed). */
      closedWithoutClaim: number;
      /** Still waiting now. */
      waiting: number;
      /** Waited (until claimed, closed or now) longer than the priority's threshold. */
      overdue: number;
    } & InsightsPercentiles)[];
  };
  /** From a claim to the session's resolution, for handoffs claimed and resolved on this machine. */
  claimToResolution: {
    rows: ({ priority: Priority | 'all'; claimed: number; resolved: number } & InsightsPercentiles)[];
  };
  /** Sessions resolved in the range, by what happened before. */
  resolvedBy: {
    alone: number;
    afterPark: number;
    afterEscalation: number;
  };
  /** Suggested fixes created in the range, by the assistant's confidence band. */
  fixes: {
    bands: {
      band: 'low' | 'medium' | 'high';
      /** The confidence range, in percent. */
      min: number;
      max: number;
      suggested: number;
      applied: number;
      worked: number;
      failed: number;
      pending: number;
      dismissed: number;
    }[];
  };
  /** Resolved escalations whose assessment was checked in the range, by its stated confidence. */
  calibration: {
    rows: {
      confidence: AssessmentConfidence;
      checked: number;
      right: number;
      partly: number;
      wrong: number;
    }[];
  };
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z
  .string()
  .regex(LOCAL_DATE, 'Dates look like 2026-03-08')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'That date does not exist');
export const INSIGHTS_PRESETS = [7, 30, 90] as const;
export const INSIGHTS_MAX_DAYS = 366;
export const InsightsInput = z.object({
  range: z.union([
    z.object({ lastDays: z.union([z.literal(7), z.literal(30), z.literal(90)]) }),
    z
      .object({ from: localDate, to: localDate })
      .refine((r) => r.from <= r.to, { message: 'The start date is after the end date', path: ['to'] })
      .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < INSIGHTS_MAX_DAYS, {
        message: `Choose at most ${INSIGHTS_MAX_DAYS} days`,
        path: ['to'],
      }),
  ]),
  /** The IANA time zone days are counted in (the renderer's own). */
  timeZone: z
    .string()
    .max(100)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone'),
  filters: z
    .object({
      technicianId: z.uuid('Unknown technician').optional(),
      priority: z.enum(PRIORITIES).optional(),
      domain: z.string().trim().min(1).max(200).optional(),
      boardId: z.number().int().positive().optional(),
    })
    .default({}),
});
