// Handoffs: priorities, escalating or parking a session, the queue, claims, and the bell that tells of them.
import { z } from 'zod';
import { id } from './fields';
import { TEXT_LIMITS } from './limits';
import type { HypothesisStatus } from './panel';
import type { SessionStatus } from './sessions';

export const HANDOFF_INTENTS = ['park', 'escalate'] as const;
export type HandoffIntent = (typeof HANDOFF_INTENTS)[number];
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Most urgent first: the queue's "priority" sort, the tray, Settings' overdue thresholds. */
export const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'high', 'medium', 'low'];
/** How a priority reads on every screen. */
export const PRIORITY_LABEL: Readonly<Record<Priority, string>> = {
  urgent: 'Urgent',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
export const priorityRank = (priority: Priority): number => PRIORITY_ORDER.indexOf(priority);

/** What the session looked like at the moment of the handoff (DESIGN §3). */
export interface HandoffSnapshot {
  summary: string;
  domain: string | null;
  status: SessionStatus;
  stepCount: number;
  factCount: number;
  confidence: 'low' | 'medium' | 'high' | null;
  branches: {
    id: string;
    parentId: string | null;
    label: string;
    status: HypothesisStatus;
    reason: string | null;
  }[];
}

export interface HandoffAssessment {
  summary_prose: string;
  what_we_know: string[];
  likely_cause: string;
  suggested_steps: string[];
  confidence: 'low' | 'medium' | 'high';
}

export interface Handoff {
  id: string;
  sessionId: string;
  sessionTitle: string;
  intent: HandoffIntent;
  priority: Priority;
  reason: string;
  engineerNotes: string | null;
  handedOffById: string;
  handedOffByName: string;
  targetUserId: string | null;
  targetUserName: string | null;
  ticketNumber: string;
  snapshot: HandoffSnapshot;
  /** computing until the enrichment job finishes; unavailable when it failed or timed out. */
  assessment: {
    state: 'computing' | 'ready' | 'unavailable';
    data: HandoffAssessment | null;
    draftedOffline: boolean;
  };
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: number | null;
  createdAt: number;
  /** For the current profile: not yet opened or claimed. */
  unread: boolean;
  /** Unclaimed for longer than Settings allow for its priority. */
  overdue: boolean;
}

/** A waiting handoff as the queue shows it (light: the detail loads on open with handoffs:get). */
export interface HandoffCard {
  id: string;
  sessionId: string;
  sessionTitle: string;
  intent: HandoffIntent;
  priority: Priority;
  /** At most 300 characters. */
  reason: string;
  handedOffById: string;
  handedOffByName: string;
  targetUserName: string | null;
  ticketNumber: string;
  createdAt: number;
  assessmentState: Handoff['assessment']['state'];
  unread: boolean;
  overdue: boolean;
}

/** Something this profile handed off, and where it stands now (the Handoffs screen's "My handoffs"). */
export interface MyHandoff {
  id: string;
  sessionId: string;
  sessionTitle: string;
  intent: HandoffIntent;
  priority: Priority;
  reason: string;
  ticketNumber: string | null;
  targetUserName: string | null;
  createdAt: number;
  /** waiting: nobody has it yet; picked-up: someone claimed it; resumed: the parker carried on;
   * resolved: the session is resolved. */
  state: 'waiting' | 'picked-up' | 'resumed' | 'resolved';
  claimedByName: string | null;
  claimedAt: number | null;
}

/** One page of the queue, in its sort order; `nextCursor` asks for the page after it. */
export interface HandoffPage {
  items: HandoffCard[];
  /** How many are waiting in all (the list is sized by it before every page is loaded). */
  total: number;
  /** How many of them this profile has not opened yet (the nav badge). */
  unread: number;
  nextCursor: string | null;
}

export interface ExpertContacts {
  name: string;
  email: string;
  phone: string;
  hours: string;
  emergencyLine: string;
}

/** connectwise: the package posted on the linked ticket for seniors on other machines (DESIGN §6). */
export const NOTIFICATION_CHANNELS = ['connectwise', 'teams', 'slack', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface HandoffConfirmation {
  handoff: Handoff;
  ticketNumber: string;
  expertContacts: ExpertContacts | null;
  /**
   * Each channel: queued (its outbox job, jobId, sends it in the background: the confirmation follows
   * that job to say sent, waiting for a connection or failed) or skipped with the reason.
   */
  notifications: {
    channel: NotificationChannel;
    state: 'queued' | 'skipped';
    reason: string | null;
    jobId: number | null;
  }[];
}

export interface BellNotification {
  id: string;
  title: string;
  body: string;
  handoffId: string | null;
  read: boolean;
  createdAt: number;
}

/** What a poll of ConnectWise brought (the queue's "Check ConnectWise now"). */
export interface TeamPollResult {
  imported: number;
  closed: number;
}

export const HandoffCreateInput = z
  .object({
    sessionId: id('session'),
    intent: z.enum(HANDOFF_INTENTS),
    reason: z
      .string()
      .trim()
      .max(TEXT_LIMITS.escalationReason, 'Keep the reason under 500 characters')
      .default(''),
    priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium, high or urgent' }),
    notes: z
      .string()
      .trim()
      .max(TEXT_LIMITS.handoffNotes, 'The notes are at most 5,000 characters')
      .optional(),
    targetUserId: id('user').nullable().optional(),
  })
  .refine((h) => h.intent === 'park' || h.reason.length > 0, {
    message: 'Say why you are escalating',
    path: ['reason'],
  });
export const HANDOFF_PAGE_MAX = 500;
export const HandoffsListInput = z
  .object({
    sort: z.enum(['newest', 'priority']).default('newest'),
    /** From the previous page's nextCursor. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(HANDOFF_PAGE_MAX).default(100),
  })
  .default({ sort: 'newest', limit: 100 });
export const HandoffIdInput = z.object({ id: id('handoff') });

export const MarkReadInput = z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({});
