// What a session recorded, in the two shapes the drafters need: the offline drafter's context, and
// the plain-text record sent to a model (the redaction gate reads it on its way out).
import type { DraftContext, DraftEscalation } from './drafter';
import type { Db } from '../store/database';
import { listFacts } from '../store/repos/facts';
import { listHypotheses } from '../store/repos/hypotheses';
import { listMessages } from '../store/repos/messages';
import type { SessionRow } from '../store/repos/sessions';
import { listSteps } from '../store/repos/steps';

export function draftContextOf(
  db: Db,
  session: SessionRow,
  extra: { technicianName: string | null; escalation?: DraftEscalation | null; now: number },
): DraftContext {
  return {
    title: session.title,
    problemSummary: session.problemSummary,
    status: session.status,
    messages: listMessages(db, session.id),
    steps: listSteps(db, session.id),
    facts: listFacts(db, session.id),
    hypotheses: listHypotheses(db, session.id),
    ...extra,
  };
}

/** The record as a model reads it; `header` lines go first (e.g. the handoff's reason). */
export function recordForModel(context: DraftContext, header: string[] = []): string {
  const text = [
    `Session: ${context.title}`,
    ...header,
    `Facts:\n${context.facts.map((f) => `- ${f.text}`).join('\n') || '- none'}`,
    `Steps:\n${context.steps.map((s) => `- ${s.text}${s.selectedOption ? ` → ${s.selectedOption}` : ''}${s.skipped ? ' (skipped)' : ''}`).join('\n') || '- none'}`,
    `Hypotheses:\n${context.hypotheses.map((h) => `- ${h.label}: ${h.status}${h.reason ? ` (${h.reason})` : ''}`).join('\n') || '- none'}`,
    `Conversation:\n${context.messages.map((m) => `${m.role === 'user' ? 'Technician' : 'Assistant'}: ${m.body}`).join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return text;
}
