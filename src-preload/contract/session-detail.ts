// A session as its conversation shows it: messages, the panel's items, the fix, the pending note, and
// the handoff story (the header chip and the timeline).
import type { SuggestedFix } from './fixes';
import type { Priority } from './handoffs';
import type { NoteKind } from './notes';
import type { Fact, Hypothesis, Step } from './panel';
import type { EscalationRequest, Message, SessionSummary } from './sessions';

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
