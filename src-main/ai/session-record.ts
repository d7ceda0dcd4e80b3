// What a session recorded, in the two shapes the drafters need: the offline drafter's context, and
// the plain-text record sent to a model (the redaction gate reads it on its way out). The context is
// redacted at its source: a drafter quotes, cuts and escapes what it is given, which can break a secret
// apart so that no pass over the finished note recognises it (the store keeps placeholders already; an
// older store, or a field written before it was redacted, may not).
import type { DraftContext, DraftEscalation } from './drafter';
import { redact } from '../redaction/redact';
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
  const clean = (text: string) => redact(text).text;
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  return {
    title: clean(session.title),
    problemSummary: cleanOrNull(session.problemSummary),
    status: session.status,
    messages: listMessages(db, session.id).map((m) => ({ ...m, body: clean(m.body) })),
    steps: listSteps(db, session.id).map((s) => ({
      ...s,
      text: clean(s.text),
      freeText: cleanOrNull(s.freeText),
    })),
    facts: listFacts(db, session.id).map((f) => ({ ...f, text: clean(f.text) })),
    hypotheses: listHypotheses(db, session.id).map((h) => ({
      ...h,
      label: clean(h.label),
      reason: cleanOrNull(h.reason),
    })),
    ...extra,
    escalation: extra.escalation && {
      ...extra.escalation,
      reason: cleanOrNull(extra.escalation.reason),
      notes: cleanOrNull(extra.escalation.notes),
    },
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
