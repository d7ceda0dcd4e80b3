// The one-paragraph plain-text summary for the handoff snapshot and notifications (at most 500
// characters): problem, status, reason, where the hypotheses stand, and how much was recorded.
import { SESSION_STATUS_WORDS, analyse } from './analysis';
import { NO_PROBLEM, countsSentence } from './sections';
import { plain, quoted, sentence, truncate } from './text';
import type { DraftContext } from './types';

export const SUMMARY_MAX = 500;

export function draftSummary(ctx: DraftContext): string {
  const view = analyse(ctx);
  const e = ctx.escalation;
  const parts = [sentence(view.problem === null ? NO_PROBLEM : plain(view.problem, 200))];
  const intent = e ? (e.intent === 'park' ? 'parked' : 'escalated') : null;
  const status = intent ?? SESSION_STATUS_WORDS[ctx.status].toLowerCase();
  parts.push(`Status: ${status}${e ? `, ${e.priority} priority` : ''}.`);
  if (e?.reason?.trim()) parts.push(sentence(`Reason: ${plain(e.reason, 150)}`));
  const solved = view.solved[0];
  const lead = view.active.length > 0 ? view.lead : null;
  if (solved) parts.push(`Confirmed cause: ${quoted(plain, solved.hypothesis.label, 100)}.`);
  else if (lead) parts.push(`Working hypothesis: ${quoted(plain, lead.hypothesis.label, 100)}.`);
  if (view.deadEnds.length > 0) {
    const shown = view.deadEnds.slice(0, 3).map((b) => quoted(plain, b.hypothesis.label, 60));
    const more = view.deadEnds.length > 3 ? ` and ${view.deadEnds.length - 3} more` : '';
    parts.push(`Ruled out: ${shown.join(', ')}${more}.`);
  }
  parts.push(countsSentence(view));
  return truncate(parts.join(' '), SUMMARY_MAX);
}
