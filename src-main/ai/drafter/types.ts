// The input and output shapes of the offline drafter (DESIGN §5): the built-in "AI provider" that needs
// no model and composes every structured output from what the session recorded.
import type { Fact, Hypothesis, Message, SessionStatus, Step } from '../../../src-preload/contract';

export const OFFLINE_LABEL = 'Drafted offline from the recorded facts and steps (no AI model was used).';

export type HandoffPriority = 'low' | 'medium' | 'high' | 'urgent';

export interface DraftEscalation {
  reason: string | null;
  notes: string | null;
  /** park: the technician sets the session aside; escalate: a senior takes it over. */
  intent: 'park' | 'escalate';
  priority: HandoffPriority;
}

export interface DraftContext {
  title: string;
  problemSummary: string | null;
  status: SessionStatus;
  messages: Pick<Message, 'role' | 'authorName' | 'body' | 'createdAt'>[];
  steps: Step[];
  facts: Fact[];
  hypotheses: Hypothesis[];
  technicianName: string | null;
  escalation?: DraftEscalation | null;
  /** Epoch ms; the drafter never reads the clock itself, so its output is a pure function of this. */
  now: number;
}

/** The enrichment JSON shape of DESIGN §3. */
export interface Assessment {
  summary_prose: string;
  what_we_know: string[];
  likely_cause: string;
  suggested_steps: string[];
  confidence: 'low' | 'medium' | 'high';
}
