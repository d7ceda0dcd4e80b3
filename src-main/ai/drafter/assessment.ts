// The enrichment assessment (DESIGN §3 Enrichment) drafted without a model: the same JSON shape the AI
// returns, in plain text (the consumer escapes it for wherever it is shown).
import { SESSION_STATUS_WORDS, analyse } from './analysis';
import type { Branch, SessionView } from './analysis';
import { CAPS, NO_PROBLEM, countsSentence, nextStepLines } from './sections';
import { capped, plain, quoted, sentence } from './text';
import type { Assessment, DraftContext } from './types';

export const CAUSE_UNKNOWN = 'Not determined yet.';

function why(branch: Branch): string {
  return branch.hypothesis.reason?.trim() ? ` — ${plain(branch.hypothesis.reason, 300)}` : '';
}

function likelyCause(view: SessionView): string {
  const solved = view.solved[0];
  if (solved) {
    const reason = solved.hypothesis.reason?.trim() ? `: ${plain(solved.hypothesis.reason, 300)}` : '';
    return `${quoted(plain, solved.hypothesis.label)} (confirmed${reason})`;
  }
  const lead = view.active.length > 0 ? view.lead : null;
  if (lead) return `${quoted(plain, lead.hypothesis.label)} (working hypothesis, not confirmed)`;
  return CAUSE_UNKNOWN;
}

/** A few sentences: problem, status, what was recorded, where the hypotheses stand. */
function summaryProse(ctx: DraftContext, view: SessionView): string {
  const parts = [sentence(view.problem === null ? NO_PROBLEM : plain(view.problem, 300))];
  parts.push(`Status: ${SESSION_STATUS_WORDS[ctx.status].toLowerCase()}.`);
  parts.push(countsSentence(view));
  if (view.solved.length > 0) {
    parts.push(
      `Confirmed cause: ${view.solved.map((b) => quoted(plain, b.hypothesis.label, 120)).join(', ')}.`,
    );
  } else if (view.active.length > 0) {
    parts.push(
      `Working hypothesis: ${view.active.map((b) => quoted(plain, b.hypothesis.label, 120)).join(', ')}.`,
    );
  } else {
    parts.push('No working hypothesis recorded.');
  }
  if (view.deadEnds.length > 0) {
    const shown = view.deadEnds.slice(0, 5).map((b) => quoted(plain, b.hypothesis.label, 120));
    const more = view.deadEnds.length > 5 ? ` and ${view.deadEnds.length - 5} more` : '';
    parts.push(`Ruled out: ${shown.join(', ')}${more}.`);
  }
  return parts.join(' ');
}

export function draftAssessment(ctx: DraftContext): Assessment {
  const view = analyse(ctx);
  const facts = capped(view.facts, CAPS.facts, (f) => plain(f.text), 'facts');
  const known = [
    ...facts,
    ...view.solved.map((b) => `Confirmed: ${quoted(plain, b.hypothesis.label)}${why(b)}`),
    ...capped(
      view.deadEnds,
      CAPS.branches,
      (b) => `Ruled out: ${quoted(plain, b.hypothesis.label)}${why(b)}`,
      'ruled-out branches',
    ),
  ];
  const audience = ctx.escalation ? ctx.escalation.intent : 'none';
  return {
    summary_prose: summaryProse(ctx, view),
    what_we_know: known,
    likely_cause: likelyCause(view),
    suggested_steps: ctx.status === 'resolved' ? [] : nextStepLines(plain, view, audience),
    confidence: view.confidence,
  };
}
