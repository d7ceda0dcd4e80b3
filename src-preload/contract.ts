// The one IPC contract between the renderer and main (DESIGN §1). Channel names are `domain:verb`;
// each has a zod input schema (main validates every input with it) and a TypeScript output type.
// Shared by main, the preload, the browser-host bridge and the renderer, so it imports only zod.
import { z } from 'zod';

export const ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'ALREADY_CLAIMED',
  'FORBIDDEN',
  'OFFLINE',
  'PSA_FAILED',
  'PSA_STATUS_NOT_VERIFIED',
  'AI_FAILED',
  'NOT_CONFIGURED',
  'INTERNAL',
  /** Sent more than Baton accepts in one request (details: sizeBytes, limitBytes). */
  'TOO_LARGE',
  /** Baton's data is not open: start-up found a problem with the store (see startup:status). */
  'STORE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The most one request may carry (bytes of its JSON). Well above the largest valid input (a 100,000-
 * character message, at most ~600 KB even when every character is escaped), so only input that would
 * be refused anyway is stopped here: the renderer refuses it before sending, the browser host answers
 * TOO_LARGE instead of dropping the connection.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

// ---- domain shapes ------------------------------------------------------------------------------

export const USER_ROLES = ['owner', 'admin', 'engineer', 'technician'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The roles that take escalations: they see the Handoffs queue, claim, and are told of new handoffs. */
export const SENIOR_ROLES: readonly UserRole[] = ['owner', 'admin', 'engineer'];
export const isSenior = (role: UserRole): boolean => SENIOR_ROLES.includes(role);
/** The roles that run this Baton: settings, connections, who may do what. */
export const ADMIN_ROLES: readonly UserRole[] = ['owner', 'admin'];
export const isAdmin = (role: UserRole): boolean => ADMIN_ROLES.includes(role);

/**
 * Roles are never self-granted: which roles a profile of each role may give a new profile. Admin and
 * owner need an owner or admin; an engineer needs a senior (a technician adding one and switching to
 * it would be granting themselves claims). Main enforces it; the UI offers only these.
 */
export const ROLES_GRANTED_BY: Record<UserRole, readonly UserRole[]> = {
  owner: ['owner', 'admin', 'engineer', 'technician'],
  admin: ['owner', 'admin', 'engineer', 'technician'],
  engineer: ['engineer', 'technician'],
  technician: ['technician'],
};

/**
 * How Baton looks on this computer: follow the OS, or always light / dark. The values are Electron's
 * `nativeTheme.themeSource` values, so the shell passes the setting through unchanged.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export const SIDEBAR_STATES = ['expanded', 'collapsed'] as const;
export type SidebarState = (typeof SIDEBAR_STATES)[number];

export const SESSION_STATUSES = [
  'active',
  'paused',
  'requesting_escalation',
  'escalated',
  'resolved',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** Timestamps cross the contract as epoch milliseconds (UTC), as they are stored. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  createdAt: number;
}

export interface SessionSummary {
  id: string;
  title: string;
  status: SessionStatus;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
}

/** What became of the assistant reply a technician message asked for. */
export type ReplyState = 'none' | 'waiting' | 'sending' | 'failed' | 'answered';

/** A secret the redaction pass withheld from a message (never the secret itself). */
export interface Withheld {
  kind: string;
  label: string;
  /** A few leading characters and the length, or "hidden" when the keychain cannot open them. */
  preview: string;
}

/** "Show withheld": a message as its author typed it (only ever sent to that author). */
export interface RevealedMessage {
  messageId: string;
  body: string;
}

export interface Message {
  id: string;
  sessionId: string;
  role: MessageRole;
  authorId: string | null;
  authorName: string | null;
  /** For assistant messages: the display text (markers removed). */
  body: string;
  createdAt: number;
  /** Assistant replies: streaming while tokens arrive; incomplete when the stream was cut. */
  status: 'complete' | 'streaming' | 'incomplete';
  /** Technician messages: the state of the reply (waiting for connection, failed with Retry…). */
  reply: { state: ReplyState; error: string | null; jobId: number | null };
  replyToId: string | null;
  /**
   * Secrets the redaction pass withheld: the body holds placeholders in their place, and the values are
   * kept sealed (their author can show them with messages:reveal).
   */
  withheld: Withheld[];
}

export const STEP_SOURCES = ['assistant', 'technician'] as const;
export interface Step {
  id: string;
  sessionId: string;
  seq: number;
  text: string;
  options: string[];
  selectedOption: string | null;
  freeText: string | null;
  skipped: boolean;
  hypothesisId: string | null;
  source: (typeof STEP_SOURCES)[number];
  createdAt: number;
  updatedAt: number;
}

export interface Fact {
  id: string;
  sessionId: string;
  text: string;
  source: (typeof STEP_SOURCES)[number];
  createdAt: number;
  updatedAt: number;
}

export const HYPOTHESIS_STATUSES = ['untried', 'active', 'dead_end', 'solved'] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];
export interface Hypothesis {
  id: string;
  sessionId: string;
  parentId: string | null;
  seq: number;
  label: string;
  status: HypothesisStatus;
  reason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface EscalationRequest {
  requested: boolean;
  reason: string | null;
  at: number | null;
}

export const AI_PROVIDERS = ['none', 'anthropic', 'openai-compatible'] as const;
export type AiProviderKind = (typeof AI_PROVIDERS)[number];

export interface AiSettings {
  provider: AiProviderKind;
  baseUrl: string;
  model: string;
  /** Whether a key is stored in the keychain (the key itself never leaves main). */
  hasApiKey: boolean;
  /** Only owners and admins change settings; everyone else reads them. */
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('provider' | 'baseUrl' | 'model')[];
}

export interface AiTestResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}

export interface SearchHit {
  session: SessionSummary;
  /** Where the words matched, with the matches wrapped in «» (plain text, never HTML). */
  snippet: string;
}

/** Where a resolution went: kept in Baton only, or posted on a ConnectWise ticket. */
export type ResolutionPlace =
  { kind: 'baton' } | { kind: 'connectwise'; ticketId: number; noteId: number | null };

/** One step of a session's handoff story, shown in the conversation on both sides (DESIGN §3). */
export type TraceEvent =
  | {
      kind: 'escalated' | 'parked';
      at: number;
      handoffId: string;
      byName: string;
      reason: string;
      notes: string | null;
      priority: Priority;
      ticketNumber: string | null;
      targetName: string | null;
      /** psa: escalated on another machine, imported here from ConnectWise. */
      origin: 'local' | 'psa';
    }
  | { kind: 'picked-up'; at: number; handoffId: string; byName: string }
  | { kind: 'resumed'; at: number; handoffId: string; byName: string }
  /** An imported escalation that stopped waiting in ConnectWise (claimed elsewhere, moved, closed). */
  | { kind: 'left-queue'; at: number; handoffId: string }
  | {
      kind: 'resolved';
      at: number;
      byName: string | null;
      summary: string | null;
      note: string | null;
      place: ResolutionPlace;
    };

/** The header chip: where the session's handoff stands now (null: never handed off nor resolved). */
export type HandoffState =
  | {
      kind: 'waiting';
      handoffId: string;
      since: number;
      priority: Priority;
      targetName: string | null;
      ticketNumber: string | null;
    }
  | { kind: 'picked-up'; handoffId: string; byName: string; at: number; ticketNumber: string | null }
  | {
      kind: 'parked';
      handoffId: string;
      byName: string;
      at: number;
      reason: string;
      notes: string | null;
      ticketNumber: string | null;
    }
  | { kind: 'resumed'; handoffId: string; byName: string; at: number; ticketNumber: string | null }
  | { kind: 'left-queue'; handoffId: string; at: number; ticketNumber: string | null }
  | {
      kind: 'resolved';
      at: number;
      note: string | null;
      place: ResolutionPlace;
      ticketNumber: string | null;
    };

export interface SessionTrace {
  state: HandoffState | null;
  /** Oldest first. */
  events: TraceEvent[];
}

export interface SessionDetail extends SessionSummary {
  problemSummary: string | null;
  stateVersion: number;
  createdById: string | null;
  messages: Message[];
  steps: Step[];
  facts: Fact[];
  hypotheses: Hypothesis[];
  escalationRequest: EscalationRequest;
  /** Whether an AI provider is set up, so the chat can say why no reply will come. */
  assistantAvailable: boolean;
  /** The ConnectWise ticket notes and status changes go to (null: this session stays local). */
  psaTicketId: number | null;
  /** A team escalation runs through that ticket (DESIGN §6): it stays linked. */
  teamTicket: boolean;
  /** A note on its way to ConnectWise ("posting to ConnectWise when online"), or one that failed for good. */
  pendingPost: {
    kind: NoteKind;
    ticketId: number;
    state: 'waiting' | 'failed';
    /** The note is on the ticket already: only the status change is left (Retry redoes only that). */
    noteOnTicket: boolean;
    /** The last error (a retry is coming while waiting; Retry is offered when failed). */
    error: string | null;
  } | null;
  /** The one fix not superseded, if the assistant proposed any. */
  activeFix: SuggestedFix | null;
  /** Who parked it and when, while it is parked (only they resume it from the session). */
  parked: { handoffId: string; byId: string; byName: string; at: number } | null;
  /** The handoff story: the header chip and the timeline in the conversation. */
  trace: SessionTrace;
}

export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One external effect waiting in (or done by) the outbox, as the Queue screen shows it. */
export interface JobView {
  id: number;
  kind: string;
  /** What it is for, in words: "Send escalation email to 3 engineers". */
  label: string;
  service: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  nextRunAt: number;
  lastError: string | null;
  sessionId: string | null;
  sessionTitle: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectionState {
  /** What Baton believes: reachable services, unless the last attempts failed to connect. */
  online: boolean;
  /** The technician chose "Work offline": nothing is sent until they turn it off. */
  workOffline: boolean;
  /** Why Baton thinks it is offline (the last connection error), for the tooltip. */
  reason: string | null;
  since: number;
  /**
   * The AI endpoint's own state. Often a server on this computer (Ollama, LM Studio): that it does not
   * answer says nothing about the network, so it never makes Baton "offline".
   */
  ai: { reachable: boolean; reason: string | null };
}

export interface QueueStatus {
  connection: ConnectionState;
  waiting: number;
  running: number;
  dead: number;
  /** While draining after a reconnect: how far along. Null when idle. */
  drain: { total: number; done: number } | null;
}

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

/**
 * required: the organization's managed settings require this webhook (it cannot be removed; its URL, a
 * secret, is entered on each computer); off: switched off by them (no URL can be saved); null: not managed.
 */
export type WebhookPolicy = 'required' | 'off' | null;

export interface WebhookSettings {
  teams: { configured: boolean; policy: WebhookPolicy };
  slack: { configured: boolean; policy: WebhookPolicy };
  canEdit: boolean;
}

/** A fix the assistant proposed (DESIGN §3, Suggested fixes). */
export const FIX_DECISIONS = ['apply_once', 'save_as_template', 'dismissed'] as const;
export type FixDecision = (typeof FIX_DECISIONS)[number];
export const FIX_OUTCOMES = ['worked', 'pending', 'failed'] as const;
export type FixOutcome = (typeof FIX_OUTCOMES)[number];
export interface SuggestedFix {
  id: string;
  sessionId: string;
  text: string;
  /** 0–100. */
  confidence: number;
  createdAt: number;
  superseded: boolean;
  decision: FixDecision | null;
  decidedAt: number | null;
  /** After applying: did it work (pending and failed carry a reason). */
  outcome: FixOutcome | null;
  outcomeReason: string | null;
}

/** A ConnectWise ticket as the session header shows it. */
export interface PsaTicketView {
  id: number;
  summary: string;
  board: string | null;
  status: string;
  owner: string | null;
  closed: boolean;
}

/** A drafted note: resolve (four sections) or escalate (the five-section escalation package). */
export const NOTE_KINDS = ['resolve', 'escalate'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface NotePreview {
  kind: NoteKind;
  sessionId: string;
  /** The session's state_version the draft was made from (the cache key with kind and session). */
  stateVersion: number;
  markdown: string;
  /** ai: written by the configured model; offline: by the built-in drafter (labelled in the text). */
  source: 'ai' | 'offline';
  /** Served from the cache: nothing changed since the last draft, so no AI call was made. */
  cached: boolean;
  /** Why the offline draft stands in for the model's, when a model is configured. */
  notice: string | null;
  /** The secrets withheld from the note: each is a placeholder in `markdown`, posted as it reads. */
  withheld: Withheld[];
  /**
   * Required headings left empty because the session could not fill them (e.g. no cause was recorded):
   * the editor opens on the first, and the note is not posted until each has the technician's words.
   */
  needsWords: string[];
}

/**
 * The headings (of `headings`) whose section holds no words: a draft the session could not fill, or an
 * edit that emptied it. A heading the technician removed is their choice. Main refuses to post such a
 * note; the editor opens on the first and keeps "Confirm & post" off until each has words.
 */
export function emptySections(headings: readonly string[], markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  return headings.filter((heading) => {
    const from = lines.findIndex((line) => line.trim() === heading);
    if (from < 0) return false;
    const next = lines.findIndex((line, at) => at > from && /^#{1,2}\s/.test(line.trim()));
    return (
      lines
        .slice(from + 1, next < 0 ? undefined : next)
        .join('\n')
        .trim() === ''
    );
  });
}

/** A note as it would be posted: typed secrets replaced by placeholders, and the review of them. */
export interface NoteCheck {
  markdown: string;
  withheld: Withheld[];
}

export type NotePostOutcomeKind = 'resolved_local' | 'escalated_local' | 'resolved' | 'escalated' | 'queued';

export interface NotePostOutcome {
  outcome: NotePostOutcomeKind;
  session: SessionSummary;
  summary: string;
  externalNoteId: number | null;
  postedAt: number | null;
  verifiedStatus: { id: number; name: string } | null;
  /** Posted, but the ticket's status was left alone: why (e.g. no status mapped in Settings). */
  statusTransitionSkippedReason: string | null;
}

/** Who gets the escalation email (Settings → Email recipients). */
export interface EmailRecipientSettings {
  /** Every active owner, admin and engineer (the escalator never). */
  everyone: boolean;
  /** When not everyone: the people chosen. */
  userIds: string[];
  /** Addresses outside Baton, e.g. a shared helpdesk mailbox. */
  extraAddresses: string[];
  /** Who can be chosen: active owners, admins and engineers with an address. */
  candidates: { id: string; name: string; email: string; role: UserRole }[];
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('everyone' | 'userIds' | 'extraAddresses')[];
}

/** Team escalations across machines (DESIGN §6): how often to poll ConnectWise, which boards. */
export interface TeamSettings {
  pollSeconds: number;
  /** Empty: the board chosen for the status mapping. */
  boardIds: number[];
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('pollSeconds' | 'boardIds')[];
}

/** What a poll of ConnectWise brought (the queue's "Check ConnectWise now"). */
export interface TeamPollResult {
  imported: number;
  closed: number;
}

/** Escalation settings: ticket numbers, who to call, how long a handoff may wait unclaimed. */
export interface HandoffSettings {
  ticketPrefix: string;
  expertContacts: ExpertContacts | null;
  /** Minutes a handoff may wait unclaimed, per priority, before it is marked overdue and re-announced. */
  overdueMinutes: Record<Priority, number>;
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('ticketPrefix' | 'expertContacts' | `overdueMinutes.${Priority}`)[];
}

/** Appearance of this computer's Baton (anyone may change it: it changes nothing for the team). */
export interface AppearanceSettings {
  theme: ThemeChoice;
  /** The sessions sidebar, full or collapsed to a rail of icons. */
  sidebar: SidebarState;
}

// ---- Insights (issue 18) ---------------------------------------------------------------------------

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

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
}

// ---- the desktop app: start at login, updates ------------------------------------------------------

export interface DesktopSettings {
  /** Start Baton (in the tray) when this person signs in to the computer. Default: on for seniors. */
  startAtLogin: boolean;
  /** Where updates come from (an electron-builder "generic" feed); null: no automatic updates. */
  updateFeedUrl: string | null;
  /** Whether this person may change the update feed (owner or admin). */
  canEditFeed: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('updateFeedUrl' | 'startAtLogin')[];
  /** False in the browser host, which stores these but has no login item or updater. */
  applies: boolean;
}
export const DesktopSettingsInput = z.object({
  startAtLogin: z.boolean(),
  updateFeedUrl: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .transform((v) => (v === '' ? null : v)),
});

export type UpdateState = 'unavailable' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error';
export interface UpdateStatus {
  state: UpdateState;
  /** The version being downloaded or ready to install. */
  version: string | null;
  percent: number | null;
  /** Why updates are unavailable, the error, or what a restart is waiting for. */
  message: string | null;
  /** "Restart to update" was chosen and waits for a post, claim or AI reply to finish. */
  restartPending: boolean;
}

// ---- start-up: the store is checked before it is opened (issue 13, item 5) ----------------------------

/** What start-up found wrong with the data file (it is left exactly as it was until the person decides). */
export const STORE_PROBLEMS = [
  'damaged',
  'empty',
  'foreign',
  'newer',
  'unreadable',
  'backup-failed',
] as const;
export type StoreProblem = (typeof STORE_PROBLEMS)[number];

export interface StoreBackup {
  /** File name inside the backups folder (what startup:recover restores). */
  name: string;
  takenAt: number;
  /** daily, or taken just before a migration changed the data. */
  reason: 'daily' | 'pre-migration';
  schemaVersion: number;
  sizeBytes: number;
}

export interface StartupStatus {
  /** ready: Baton's data is open. attention: a decision is needed before Baton can open it. */
  state: 'ready' | 'attention';
  problem: {
    kind: StoreProblem;
    /** One line: "Baton's data file is damaged". */
    title: string;
    /** Plain words: what was found, that nothing was changed, what each choice does. */
    explanation: string;
    file: string;
  } | null;
  /** Backups this Baton can read, newest first. */
  backups: StoreBackup[];
  /** Whether "Start fresh" is offered (it moves the file aside; never offered for another program's file). */
  canStartFresh: boolean;
}

export const StartupRecoverInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('restore'),
    backup: z
      .string()
      .max(200)
      .regex(/^baton-[\w.-]+\.db$/, 'Choose one of the listed backups'),
  }),
  z.object({ action: z.literal('start-fresh') }),
  /** Look at the file again (e.g. after moving another program's file away). */
  z.object({ action: z.literal('check-again') }),
]);

// ---- ConnectWise settings (inputs and views) ------------------------------------------------------

// Validation must never throw (issue 13): zod runs every refinement even after an earlier one failed,
// so each one takes what it is given and answers true/false. A throw here would escape the envelope.
const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parsed URL, or null when `value` is not one. */
function urlOrNull(value: unknown): URL | null {
  return typeof value === 'string' && URL.canParse(value) ? new URL(value) : null;
}

/** https, or plain http to this computer only (local servers, tests' loopback fakes). */
function httpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname));
}

/** A refinement that passes when the value is not a URL at all (the "enter a full URL" check says so). */
const ifUrl = (check: (url: URL) => boolean) => (value: unknown) => {
  const url = urlOrNull(value);
  return url === null || check(url);
};

/** Bare host or URL; https, or plain http to this computer only (tests, loopback fakes). */
function cwSiteAllowed(value: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  const url = urlOrNull(withScheme);
  return url !== null && httpsOrLoopback(url);
}

const cwSecret = (what: string) => z.string().trim().max(200, `The ${what} is too long`).optional();

export const ConnectWiseConnectionInput = z.object({
  site: z
    .string()
    .trim()
    .min(1, 'Enter the ConnectWise site, like api-na.myconnectwise.net')
    .max(300)
    .refine(cwSiteAllowed, 'Enter the site as api-na.myconnectwise.net or an https:// address'),
  companyId: z.string().trim().min(1, 'Enter the company ID (the one you sign in with)').max(100),
  /** Empty = look it up at /login/companyinfo. */
  codebase: z
    .string()
    .trim()
    .max(100)
    .regex(/^\/?[\w.-]*\/?$/, 'The codebase looks like v4_6_release (leave it empty to look it up)')
    .optional(),
  clientId: z
    .string()
    .trim()
    .regex(GUID, 'The clientId is the GUID you registered at developer.connectwise.com'),
  /** New keys to store in the keychain; omitted or empty keeps the stored ones. */
  publicKey: cwSecret('public key'),
  privateKey: cwSecret('private key'),
  /** Remove both keys from the keychain. */
  clearKeys: z.boolean().optional(),
});

const cwStatusId = z.number().int().positive().nullable().optional();
/** The whole mapping is saved at once: an omitted/null status means "not configured". */
export const ConnectWiseStatusMappingInput = z.object({
  boardId: z.number().int().positive('Choose a service board'),
  resolved: cwStatusId,
  escalated: cwStatusId,
  claimed: cwStatusId,
  /** Let ConnectWise email the ticket's contact when a resolution note is posted (default on). */
  notifyContact: z.boolean().optional(),
});

export const ConnectWiseBoardInput = z.object({ boardId: z.number().int().positive() });

export const MAPPED_STATUSES = ['resolved', 'escalated', 'claimed'] as const;
export type MappedStatus = (typeof MAPPED_STATUSES)[number];

export interface ConnectWiseStatusRef {
  id: number;
  name: string;
}

export interface ConnectWiseSettingsView {
  site: string;
  companyId: string;
  /** '' = looked up from the site. */
  codebase: string;
  clientId: string;
  /** Whether the keys are in the keychain; the keys themselves never leave main. */
  hasPublicKey: boolean;
  hasPrivateKey: boolean;
  /** Site, company, clientId and both keys are there. */
  configured: boolean;
  boardId: number | null;
  statuses: Record<MappedStatus, ConnectWiseStatusRef | null>;
  /** Whether ConnectWise emails the ticket's contact when a resolution note is posted. */
  notifyContact: boolean;
  /** Only owners and admins change these. */
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('site' | 'companyId' | 'codebase' | 'clientId' | 'boardId' | 'notifyContact' | MappedStatus)[];
}

/** Settings → ConnectWise → People: Baton's people beside ConnectWise's members (loaded live). */
export interface ConnectWisePeopleView {
  people: {
    userId: string;
    name: string;
    email: string;
    role: UserRole;
    /** Local profile (active) or a colleague known from team escalations. */
    active: boolean;
    /**
     * roster: the managed roster names the member (locked); manual: set by hand; email: the member with
     * the same email; none: claims cannot go through ConnectWise.
     */
    match: 'roster' | 'manual' | 'email' | 'none';
    member: { identifier: string; name: string } | null;
  }[];
  members: { identifier: string; name: string; email: string | null }[];
  canEdit: boolean;
}

export const ConnectWiseMemberMapInput = z.object({
  userId: z.uuid('Unknown person'),
  /** null: match by email again. */
  identifier: z
    .string()
    .trim()
    .min(1, 'Choose a member')
    .max(100, 'A member identifier is at most 100 characters')
    .nullable(),
});

/** One entry of a status dropdown (inactive statuses are left out). */
export interface ConnectWiseStatusOption extends ConnectWiseStatusRef {
  /** A ticket in this status is closed. */
  closed: boolean;
  isDefault: boolean;
}

export interface ConnectWiseBoardOption {
  id: number;
  name: string;
}

export interface ConnectWiseTestResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}

// ---- Microsoft 365 settings (sign-in for escalation email) -----------------------------------------

export const DEFAULT_MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com/organizations';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';

const msUrlField = (example: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the full address, like ${example}`)
    .refine((value) => value === '' || urlOrNull(value) !== null, `Enter the full address, like ${example}`);

const msAuthority = msUrlField(DEFAULT_MICROSOFT_AUTHORITY)
  // msal-node refuses any other scheme, loopback included.
  .refine(
    ifUrl((url) => url.protocol === 'https:'),
    'The sign-in authority must start with https://',
  )
  .refine(
    ifUrl((url) => !url.search && !url.hash && /^\/[^/]+\/?$/.test(url.pathname)),
    'The sign-in authority is the host and one tenant: …/organizations, …/common or …/{your tenant id or domain}',
  )
  .transform((value) => urlOrNull(value)?.href.replace(/\/$/, '') ?? value);

const msGraphBaseUrl = msUrlField(DEFAULT_GRAPH_BASE_URL)
  .refine(
    ifUrl(httpsOrLoopback),
    'The Graph address must start with https:// (plain http only for a server on this computer)',
  )
  .refine(
    ifUrl((url) => url.pathname === '/' && !url.search && !url.hash),
    'Enter only the Graph host, like https://graph.microsoft.com (Baton adds /v1.0/…)',
  )
  .transform((value) => urlOrNull(value)?.origin ?? value);

/** Omitted fields keep their value; clientId null removes the app registration (and signs out). */
export const MicrosoftSettingsInput = z.object({
  clientId: z
    .string()
    .trim()
    .pipe(
      z.guid(
        'The application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000: copy it from the app registration in Microsoft Entra ID',
      ),
    )
    .transform((value) => value.toLowerCase())
    .nullable()
    .optional(),
  authority: msAuthority.optional(),
  graphBaseUrl: msGraphBaseUrl.optional(),
});

export interface MicrosoftSettings {
  /** The app registration (public client) Baton signs in with; null until an admin enters it. */
  clientId: string | null;
  authority: string;
  graphBaseUrl: string;
  /** The mailbox escalation emails are sent from, once an admin signed in. */
  account: { username: string; name: string; signedInAt: number } | null;
  /** Signed in and the sign-in still renews: escalation emails are queued. */
  connected: boolean;
  /** Why emails are skipped right now (shown in Settings and on the escalation confirmation). */
  notConnectedReason: string | null;
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('clientId' | 'authority' | 'graphBaseUrl')[];
}

// ---- managed settings and the team roster (issue 17) -------------------------------------------------

/** A problem with the managed settings file, in plain words: which key, what is wrong. */
export interface ManagedProblem {
  /** Where in the file ("connectwise.site", "roster[2].email"); "" for the file as a whole. */
  key: string;
  message: string;
}

/** Before anyone is signed in: whether the organization's roster decides roles on this computer. */
export interface ManagedStatus {
  /** The managed settings file in use (null: none). */
  file: string | null;
  roster: boolean;
  /** The profile in use that was set aside at this start because the roster does not list it. */
  notOnRoster: { name: string; email: string } | null;
}

/** Settings → Managed settings: the file, what it sets, what is wrong with it, what changed. */
export interface ManagedSettingsView {
  /** The file Baton read or looked for (null when this host does not read one). */
  file: string | null;
  /** env: BATON_SETTINGS_FILE; os: the OS's usual place. */
  source: 'env' | 'os' | null;
  /** none: no file there (nothing is managed); read: used (perhaps in part); unreadable: not used at all. */
  state: 'none' | 'read' | 'unreadable';
  problems: ManagedProblem[];
  /** Every value the file sets, by its path in the file, as Settings shows it. */
  values: { key: string; label: string; value: string }[];
  roster: boolean;
  /** The last start at which the file changed something (what changed, and when). */
  lastChange: { at: number; changes: { key: string; from: string; to: string }[] } | null;
}

/** Settings → People: the team roster (or this computer's profiles) and who claims as which member. */
export interface PeopleView {
  /** Where the roster comes from; null: no roster, roles are decided on this computer. */
  rosterFile: string | null;
  people: {
    name: string;
    email: string;
    role: UserRole;
    /** roster: listed on it; not-on-roster: a profile here the roster does not list (set aside); local: no roster. */
    source: 'roster' | 'not-on-roster' | 'local';
    /** This person's profile on this computer, if they have one. */
    profile: { userId: string; active: boolean; current: boolean } | null;
    /** The ConnectWise member they claim as; null: looked up by email when they first claim. */
    member: { identifier: string; from: 'roster' | 'manual' | 'email' } | null;
  }[];
}

// ---- limits -------------------------------------------------------------------------------------

/**
 * The longest text each field accepts, in characters after trimming. The input schemas below use
 * these, and the renderer shows a counter near them and refuses a paste past them: never a silent cut.
 */
/** What a session is called until its first note names it. */
export const UNTITLED_SESSION = 'New session';

export const TEXT_LIMITS = {
  message: 100_000,
  fact: 2_000,
  step: 2_000,
  stepOption: 200,
  stepNote: 5_000,
  hypothesis: 300,
  hypothesisReason: 1_000,
  /** The handoff's reason and the chat's "Escalate to a senior" reason. */
  escalationReason: 500,
  handoffNotes: 5_000,
  noteMarkdown: 20_000,
  noteSummary: 500,
  fixReason: 1_000,
  sessionTitle: 200,
  contactName: 100,
  contactEmail: 200,
  contactPhone: 50,
  contactHours: 100,
} as const;

// ---- inputs -------------------------------------------------------------------------------------

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const NoInput = z.undefined().or(z.object({}).strict()).optional();

const profileName = trimmed('Name', 100);
const profileEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, like jane@example.com'));

/** Another profile on this computer, added by someone already signed in (their role decides which roles). */
export const ProfileCreateInput = z.object({
  name: profileName,
  email: profileEmail,
  role: z.enum(USER_ROLES, { error: 'Choose a role: owner, admin, engineer or technician' }),
});

/** The first profile on a computer: it is the computer's owner, who then adds everyone else. */
export const ProfileFirstInput = z.object({
  name: profileName,
  email: profileEmail,
  role: z
    .literal('owner', {
      error:
        'The first profile on this computer is its owner; add other roles from the profile menu afterwards',
    })
    .optional(),
});

export const SessionsListInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset cursor: the last row of the previous page. */
    before: z.object({ updatedAt: z.number().int(), id: z.string() }).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
  })
  .default({ limit: 100 });

export const SessionsCreateInput = z
  .object({
    /** Chosen by the renderer, so the session's composer opens (and takes keys) before main answers;
     * a retry with the same id answers the session already made, never a second one. */
    id: z.uuid('Unknown session id').optional(),
    title: z
      .string()
      .trim()
      .max(TEXT_LIMITS.sessionTitle, `Title must be at most ${TEXT_LIMITS.sessionTitle} characters`)
      .optional(),
  })
  .default({});

export const SessionIdInput = z.object({ id: z.uuid('Unknown session id') });
export const SessionRenameInput = z.object({
  id: z.uuid('Unknown session id'),
  title: z
    .string()
    .trim()
    .min(1, 'Give the session a title')
    .max(TEXT_LIMITS.sessionTitle, `Title must be at most ${TEXT_LIMITS.sessionTitle} characters`),
});

/** `id`: chosen by the renderer, so a retry after a lost answer stores the row once (idempotent). */
const clientId = (what: string) => z.uuid(`Unknown ${what} id`).optional();

export const MessagesAddInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  id: clientId('message'),
  body: z
    .string()
    .trim()
    .min(1, 'Type something first')
    .max(TEXT_LIMITS.message, 'That message is too long (100,000 characters at most)'),
});

const id = (what: string) => z.uuid(`Unknown ${what} id`);
const shortText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} cannot be empty`).max(max, `${label} must be at most ${max} characters`);

export const MessageIdInput = z.object({ messageId: id('message') });
export const SessionsSearchInput = z.object({
  query: z.string().trim().min(1, 'Type something to search for').max(200),
  status: z.enum(SESSION_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const RequestEscalationInput = z.object({
  id: id('session'),
  reason: z.string().trim().max(TEXT_LIMITS.escalationReason).optional(),
});
export const StepAddInput = z.object({
  sessionId: id('session'),
  id: clientId('step'),
  text: shortText('Step', TEXT_LIMITS.step),
  options: z.array(z.string().trim().min(1).max(TEXT_LIMITS.stepOption)).max(12).default([]),
  hypothesisId: id('hypothesis').nullable().optional(),
});
export const StepUpdateInput = z.object({
  id: id('step'),
  text: shortText('Step', TEXT_LIMITS.step).optional(),
  selectedOption: z.string().trim().max(TEXT_LIMITS.stepOption).nullable().optional(),
  freeText: z
    .string()
    .trim()
    .max(TEXT_LIMITS.stepNote, `A step's note must be at most ${TEXT_LIMITS.stepNote} characters`)
    .nullable()
    .optional(),
  skipped: z.boolean().optional(),
  hypothesisId: id('hypothesis').nullable().optional(),
});
export const FactAddInput = z.object({
  sessionId: id('session'),
  id: clientId('fact'),
  text: shortText('Fact', TEXT_LIMITS.fact),
});
export const FactUpdateInput = z.object({ id: id('fact'), text: shortText('Fact', TEXT_LIMITS.fact) });
export const HypothesisAddInput = z.object({
  sessionId: id('session'),
  id: clientId('hypothesis'),
  label: shortText('Hypothesis', TEXT_LIMITS.hypothesis),
  parentId: id('hypothesis').nullable().optional(),
});
export const HypothesisUpdateInput = z
  .object({
    id: id('hypothesis'),
    label: shortText('Hypothesis', TEXT_LIMITS.hypothesis).optional(),
    status: z.enum(HYPOTHESIS_STATUSES).optional(),
    reason: z
      .string()
      .trim()
      .max(TEXT_LIMITS.hypothesisReason, `The reason is at most ${TEXT_LIMITS.hypothesisReason} characters`)
      .nullable()
      .optional(),
  })
  .refine((h) => !(h.status === 'dead_end' || h.status === 'solved') || (h.reason ?? '').length > 0, {
    message: 'Say why: a ruled-out or confirmed hypothesis needs a reason',
    path: ['reason'],
  });
export const EntityIdInput = z.object({ id: z.uuid('Unknown id') });

const baseUrl = z
  .string()
  .trim()
  .min(1, 'Enter the base URL')
  .refine(
    (value) => value === '' || urlOrNull(value) !== null,
    'Enter a full URL, like https://api.anthropic.com',
  )
  .refine(
    ifUrl(httpsOrLoopback),
    'Use https:// (plain http only for a server on this computer, like Ollama)',
  );
export const AiSettingsInput = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({
    provider: z.enum(['anthropic', 'openai-compatible']),
    baseUrl,
    model: z.string().trim().min(1, 'Enter the model name').max(200),
    /** A new key to store; omitted or empty keeps the stored one. */
    apiKey: z.string().trim().max(500).optional(),
    clearApiKey: z.boolean().optional(),
  }),
]);

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
export const ProfileSwitchInput = z.object({ id: id('profile') });

const webhookUrl = z
  .string()
  .trim()
  .refine((value) => urlOrNull(value) !== null, 'Paste the whole webhook URL, starting with https://')
  .refine(ifUrl(httpsOrLoopback), 'Webhook URLs must use https://');
export const WebhookSettingsInput = z.object({
  /** A new URL to store; null removes the stored one; omitted keeps it. */
  teams: webhookUrl.nullable().optional(),
  slack: webhookUrl.nullable().optional(),
});
export const MarkReadInput = z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({});

const contactLine = (label: string, max: number) =>
  z.string().trim().max(max, `${label} is at most ${max} characters`);
const overdueMinutes = (label: string) =>
  z
    .number({ error: `${label}: enter a number of minutes` })
    .int(`${label}: whole minutes only`)
    .min(1, `${label}: at least 1 minute`)
    .max(43_200, `${label}: at most 30 days (43,200 minutes)`);
/** Only what changes; the rest is kept. */
export const AppearanceInput = z.object({
  theme: z.enum(THEME_CHOICES).optional(),
  sidebar: z.enum(SIDEBAR_STATES).optional(),
});

export const HandoffSettingsInput = z.object({
  ticketPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]{1,7}$/, 'Use 2–8 letters or digits, starting with a letter (for example BTN)'),
  /** null clears them; the confirmation then says none are set. */
  expertContacts: z
    .object({
      name: contactLine('Name', TEXT_LIMITS.contactName),
      email: z
        .string()
        .trim()
        .max(TEXT_LIMITS.contactEmail)
        .refine(
          (v) => v === '' || z.email().safeParse(v).success,
          'Enter an email address like name@example.com',
        ),
      phone: contactLine('Phone', TEXT_LIMITS.contactPhone),
      hours: contactLine('Hours', TEXT_LIMITS.contactHours),
      emergencyLine: contactLine('Emergency line', TEXT_LIMITS.contactPhone),
    })
    .nullable(),
  overdueMinutes: z.object({
    urgent: overdueMinutes('Urgent'),
    high: overdueMinutes('High'),
    medium: overdueMinutes('Medium'),
    low: overdueMinutes('Low'),
  }),
});

export const FixDecisionInput = z.object({
  id: z.uuid('Unknown fix id'),
  decision: z.enum(FIX_DECISIONS, { error: 'Choose apply once, save as template or dismiss' }),
});
export const FixOutcomeInput = z
  .object({
    id: z.uuid('Unknown fix id'),
    outcome: z.enum(FIX_OUTCOMES, { error: 'Choose worked, pending or failed' }),
    reason: z.string().trim().max(TEXT_LIMITS.fixReason, 'The reason is at most 1,000 characters').optional(),
  })
  .refine((v) => v.outcome === 'worked' || (v.reason ?? '') !== '', {
    message: 'Say why: what is still pending, or how it failed',
    path: ['reason'],
  });

export const LinkTicketInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  ticketId: z
    .number({ error: 'Enter the ticket number' })
    .int('A ticket number is a whole number')
    .positive('A ticket number is a whole number')
    .nullable(),
});

export const EmailRecipientsInput = z
  .object({
    everyone: z.boolean(),
    userIds: z.array(z.uuid()).max(500),
    extraAddresses: z
      .array(z.string().trim().pipe(z.email('Enter email addresses like helpdesk@example.com')))
      .max(20, 'At most 20 extra addresses'),
  })
  .refine((v) => v.everyone || v.userIds.length > 0 || v.extraAddresses.length > 0, {
    message: 'Choose at least one person or address, or send to everyone',
    path: ['userIds'],
  });

export const TeamSettingsInput = z.object({
  pollSeconds: z
    .number({ error: 'Enter the poll interval in seconds' })
    .int('Whole seconds only')
    .min(5, 'At least every 5 seconds')
    .max(3_600, 'At most every hour (3,600 seconds)'),
  boardIds: z.array(z.number().int().positive()).max(50),
});

export const NotePreviewInput = z.object({
  sessionId: z.uuid('Unknown session id'),
  kind: z.enum(NOTE_KINDS, { error: 'Choose resolve or escalate' }),
});
export const NotePostInput = NotePreviewInput.extend({
  markdown: z
    .string()
    .trim()
    .min(1, 'The note is empty: write what was found and done')
    .max(TEXT_LIMITS.noteMarkdown, 'The note is at most 20,000 characters'),
  /** Defaults to the note's first line. */
  summary: z.string().trim().max(TEXT_LIMITS.noteSummary, 'The summary is at most 500 characters').optional(),
  /** An escalation's priority (default medium). */
  priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium, high or urgent' }).optional(),
  /** Resolve only: was the escalation assessment's likely cause right? (kept with the resolution) */
  assessmentCheck: z
    .object({
      handoffId: z.uuid('Unknown handoff id'),
      verdict: z.enum(ASSESSMENT_VERDICTS, { error: 'Choose right, partly or wrong' }),
    })
    .optional(),
});

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

export const NoteCheckInput = z.object({ markdown: z.string().max(20_000) });

export const WebhookTestInput = z.object({ channel: z.enum(['teams', 'slack']) });

export const QueueListInput = z
  .object({
    filter: z.enum(['pending', 'dead', 'done', 'all']).default('all'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ filter: 'all', limit: 200 });
export const JobIdInput = z.object({ id: z.number().int().positive() });
export const WorkOfflineInput = z.object({ workOffline: z.boolean() });

// ---- the contract -------------------------------------------------------------------------------

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });

export const contract = {
  'app:info': channel<AppInfo>()(NoInput),
  'app:update-status': channel<UpdateStatus>()(NoInput),
  /** Installs the downloaded update and restarts, once no post, claim or AI reply is in flight. */
  'app:restart-to-update': channel<UpdateStatus>()(NoInput),
  'settings:desktop-get': channel<DesktopSettings>()(NoInput),
  'settings:desktop-save': channel<DesktopSettings>()(DesktopSettingsInput),
  /** Whether Baton's data is open, or what start-up found wrong with it (answered before the core opens). */
  'startup:status': channel<StartupStatus>()(NoInput),
  /** Restore a backup, start fresh (moving the damaged file aside) or check the file again. */
  'startup:recover': channel<StartupStatus>()(StartupRecoverInput),
  'profile:current': channel<User | null>()(NoInput),
  /** Whether a managed team roster decides roles here (the first-run screen asks before any profile). */
  'managed:status': channel<ManagedStatus>()(NoInput),
  'settings:managed-get': channel<ManagedSettingsView>()(NoInput),
  'settings:people-get': channel<PeopleView>()(NoInput),
  /** First run: the first profile on this computer, its owner (with a roster: the roster's role). */
  'profile:create': channel<User>()(ProfileFirstInput),
  'profile:add': channel<User>()(ProfileCreateInput),
  'profile:switch': channel<User>()(ProfileSwitchInput),
  'users:list': channel<User[]>()(NoInput),
  'handoffs:create': channel<HandoffConfirmation>()(HandoffCreateInput),
  'handoffs:list': channel<HandoffPage>()(HandoffsListInput),
  /** What I escalated or parked (newest first), and where each stands. */
  'handoffs:mine': channel<MyHandoff[]>()(NoInput),
  'handoffs:get': channel<Handoff>()(HandoffIdInput),
  'handoffs:claim': channel<Handoff>()(HandoffIdInput),
  /** Polls ConnectWise for team escalations now (otherwise every Settings → Team interval). */
  'handoffs:refresh': channel<TeamPollResult>()(NoInput),
  /** The parker picks their parked session up again (closes the park handoff; not a claim). */
  'handoffs:resume': channel<SessionSummary>()(SessionIdInput),
  'sessions:list': channel<SessionSummary[]>()(SessionsListInput),
  'sessions:create': channel<SessionDetail>()(SessionsCreateInput),
  'sessions:get': channel<SessionDetail>()(SessionIdInput),
  'messages:add': channel<Message>()(MessagesAddInput),
  'messages:retry-reply': channel<Message>()(MessageIdInput),
  /** The author's own message with its withheld secrets filled back in (FORBIDDEN for anyone else). */
  'messages:reveal': channel<RevealedMessage>()(MessageIdInput),
  'sessions:search': channel<SearchHit[]>()(SessionsSearchInput),
  'sessions:request-escalation': channel<SessionDetail>()(RequestEscalationInput),
  /** The technician's own title for the session (the problem statement stays). */
  'sessions:rename': channel<SessionSummary>()(SessionRenameInput),
  'steps:add': channel<Step>()(StepAddInput),
  'steps:update': channel<Step>()(StepUpdateInput),
  'steps:remove': channel<null>()(EntityIdInput),
  'facts:add': channel<Fact>()(FactAddInput),
  'facts:update': channel<Fact>()(FactUpdateInput),
  'facts:remove': channel<null>()(EntityIdInput),
  'hypotheses:add': channel<Hypothesis>()(HypothesisAddInput),
  'hypotheses:update': channel<Hypothesis>()(HypothesisUpdateInput),
  'hypotheses:remove': channel<null>()(EntityIdInput),
  'settings:ai-get': channel<AiSettings>()(NoInput),
  'settings:ai-save': channel<AiSettings>()(AiSettingsInput),
  'settings:ai-test': channel<AiTestResult>()(AiSettingsInput),
  'notifications:list': channel<{ items: BellNotification[]; unread: number }>()(NoInput),
  'notifications:mark-read': channel<{ unread: number }>()(MarkReadInput),
  'settings:webhooks-get': channel<WebhookSettings>()(NoInput),
  'settings:webhooks-save': channel<WebhookSettings>()(WebhookSettingsInput),
  'settings:webhooks-test': channel<AiTestResult>()(WebhookTestInput),
  'fixes:decide': channel<SuggestedFix>()(FixDecisionInput),
  'fixes:outcome': channel<SuggestedFix>()(FixOutcomeInput),
  'notes:preview': channel<NotePreview>()(NotePreviewInput),
  'notes:post': channel<NotePostOutcome>()(NotePostInput),
  /** What notes:post would post for this text: typed secrets become placeholders (nothing is stored). */
  'notes:check': channel<NoteCheck>()(NoteCheckInput),
  /** Posts again a note that failed for good (never a second copy: its reference line is looked up). */
  'notes:retry-post': channel<NotePostOutcome>()(SessionIdInput),
  /** Links the session to a ConnectWise ticket (looked up first) or, with ticketId null, unlinks it. */
  'sessions:link-ticket': channel<PsaTicketView | null>()(LinkTicketInput),
  /** The linked ticket as ConnectWise shows it now (summary, board, status, owner). */
  'sessions:ticket': channel<PsaTicketView | null>()(SessionIdInput),
  'settings:connectwise-get': channel<ConnectWiseSettingsView>()(NoInput),
  'settings:connectwise-save': channel<ConnectWiseSettingsView>()(ConnectWiseConnectionInput),
  /** Tests the typed values (stored keys where none are typed). */
  'settings:connectwise-test': channel<ConnectWiseTestResult>()(ConnectWiseConnectionInput),
  'settings:connectwise-boards': channel<ConnectWiseBoardOption[]>()(NoInput),
  /** A board's statuses, loaded live for the dropdowns (closed ones flagged). */
  'settings:connectwise-statuses': channel<ConnectWiseStatusOption[]>()(ConnectWiseBoardInput),
  'settings:connectwise-save-mapping': channel<ConnectWiseSettingsView>()(ConnectWiseStatusMappingInput),
  'settings:connectwise-people': channel<ConnectWisePeopleView>()(NoInput),
  'settings:connectwise-map-member': channel<ConnectWisePeopleView>()(ConnectWiseMemberMapInput),
  'settings:microsoft-get': channel<MicrosoftSettings>()(NoInput),
  'settings:microsoft-save': channel<MicrosoftSettings>()(MicrosoftSettingsInput),
  /** Opens the Microsoft sign-in page (in the system browser) and waits until it finishes (up to 5 min). */
  'settings:microsoft-sign-in': channel<MicrosoftSettings>()(NoInput),
  'settings:microsoft-sign-out': channel<MicrosoftSettings>()(NoInput),
  'settings:email-recipients-get': channel<EmailRecipientSettings>()(NoInput),
  'settings:email-recipients-save': channel<EmailRecipientSettings>()(EmailRecipientsInput),
  'settings:team-get': channel<TeamSettings>()(NoInput),
  'settings:team-save': channel<TeamSettings>()(TeamSettingsInput),
  'settings:handoffs-get': channel<HandoffSettings>()(NoInput),
  'settings:handoffs-save': channel<HandoffSettings>()(HandoffSettingsInput),
  'settings:appearance-get': channel<AppearanceSettings>()(NoInput),
  'settings:appearance-save': channel<AppearanceSettings>()(AppearanceInput),
  'queue:status': channel<QueueStatus>()(NoInput),
  'queue:list': channel<JobView[]>()(QueueListInput),
  'queue:retry': channel<JobView>()(JobIdInput),
  'queue:discard': channel<null>()(JobIdInput),
  'connection:set-work-offline': channel<QueueStatus>()(WorkOfflineInput),
  /** Every Insights figure for a date range and filters (seniors and admins: the team; others: their own). */
  'insights:report': channel<InsightsReport>()(InsightsInput),
  /** The assessment the resolve dialog asks about (null: the session has no assessed escalation). */
  'assessments:latest': channel<AssessmentToCheck | null>()(SessionIdInput),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;
export const CHANNELS = Object.keys(contract) as Channel[];

// ---- push events (main → renderer) --------------------------------------------------------------

export interface EventMap {
  session_created: SessionSummary;
  session_updated: SessionSummary;
  message_added: Message;
  /** A streaming reply's display text so far (markers removed). */
  message_delta: { sessionId: string; messageId: string; replyToId: string; text: string };
  message_updated: Message;
  /** Steps, facts, hypotheses or the escalation request changed: re-read the session. */
  session_changed: { sessionId: string };
  /** The bell changed for someone on this machine: re-read it. */
  notifications_changed: { userIds: string[] };
  handoff_created: Handoff;
  handoff_assessment_ready: Handoff;
  handoff_claimed: Handoff;
  /** Left the queue without a claim (its parker resumed the session). */
  handoff_closed: { id: string; sessionId: string };
  /** Passed its priority's threshold unclaimed: marked overdue and announced again. */
  handoff_overdue: { id: string; sessionTitle: string; priority: Priority; handedOffById: string };
  /** A senior on another machine claimed this machine's escalation (DESIGN §6). */
  /** Someone picked up a handoff: `escalatorId` is told (the bell; an OS notification on their machine). */
  handoff_picked_up: { handoffId: string; sessionId: string; byName: string; escalatorId: string };
  /** Main asks the UI to open an https page (the browser host has no shell.openExternal). */
  open_url: { url: string };
  /** Main asks the UI to show this handoff (a notification or the tray was clicked). */
  open_handoff: { handoffId: string };
  /** An application-menu command whose shortcut Electron's menu took before the page saw it. */
  menu_command: { command: 'new-session' | 'search' | 'settings' };
  update_status: UpdateStatus;
  job_updated: JobView;
  queue_changed: QueueStatus;
  online_changed: ConnectionState;
  /** The appearance setting changed (the Electron shell sets nativeTheme.themeSource from it). */
  appearance_changed: AppearanceSettings;
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = [
  'session_created',
  'session_updated',
  'message_added',
  'message_delta',
  'message_updated',
  'session_changed',
  'notifications_changed',
  'handoff_created',
  'handoff_assessment_ready',
  'handoff_claimed',
  'handoff_closed',
  'handoff_overdue',
  'handoff_picked_up',
  'open_url',
  'open_handoff',
  'menu_command',
  'update_status',
  'job_updated',
  'queue_changed',
  'online_changed',
  'appearance_changed',
];
/** The single Electron channel that carries every push event as `{ event, payload }`. */
export const PUSH_CHANNEL = 'baton:event';
