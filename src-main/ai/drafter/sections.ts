// Line builders shared by the drafters. Each takes a formatter for the recorded text (`md` for
// markdown, `plain` for plain text), so the same sentence comes out escaped or plain, and adds only
// fixed phrases around what the session recorded.
import type { Step } from '../../../src-preload/contract';
import type { Branch, SessionView } from './analysis';
import { STATUS_WORDS } from './analysis';
import type { Fmt } from './text';
import { capitalise, capped, plural, quoted, sentence } from './text';

/** How much of a long session a draft shows; the rest is counted ("… and N more"). */
export const CAPS = {
  facts: 20,
  steps: 30,
  branches: 20,
  branchMap: 40,
  depth: 6,
  nextSteps: 12,
  options: 6,
} as const;

export const NOTHING_CONFIRMED = 'Nothing confirmed yet.';
export const NO_STEPS = 'No diagnostic steps recorded.';
export const NO_STEPS_ANSWERED = 'No diagnostic steps answered yet.';
export const NO_HYPOTHESIS = 'No working hypothesis recorded.';
export const NO_PROBLEM = 'No problem description recorded.';
export const NO_NEXT_STEPS = 'No open steps or untried hypotheses were recorded.';

/** Who the "strongest open lead" line speaks to: the senior taking over, the technician resuming, or nobody. */
export type Audience = 'escalate' | 'park' | 'none';

export function stepOutcome(fmt: Fmt, step: Step): string {
  if (step.skipped) return 'skipped';
  const option = step.selectedOption?.trim() ? fmt(step.selectedOption, 200) : null;
  const note = step.freeText?.trim() ? fmt(step.freeText, 300) : null;
  if (option && note) return `${option}; note: ${note}`;
  return option ?? note ?? 'not answered yet';
}

function branchTag(fmt: Fmt, view: SessionView, step: Step): string {
  const branch = step.hypothesisId ? view.byId.get(step.hypothesisId) : undefined;
  if (!branch) return '';
  return ` (branch ${quoted(fmt, branch.hypothesis.label, 120)}, ${STATUS_WORDS[branch.hypothesis.status]})`;
}

export function stepLine(fmt: Fmt, view: SessionView, step: Step): string {
  return `${fmt(step.text, 300)} → ${stepOutcome(fmt, step)}${branchTag(fmt, view, step)}`;
}

export function factLines(fmt: Fmt, view: SessionView): string[] {
  return capped(view.facts, CAPS.facts, (f) => fmt(f.text), 'facts');
}

/** Answered and skipped steps in order; for a long session the latest ones, since they matter most. */
export function triedLines(fmt: Fmt, view: SessionView): string[] {
  return capped(view.done, CAPS.steps, (s) => stepLine(fmt, view, s), 'steps', 'last');
}

export function noStepsText(view: SessionView): string {
  return view.steps.length === 0 ? NO_STEPS : NO_STEPS_ANSWERED;
}

function under(fmt: Fmt, branch: Branch): string {
  return branch.parent ? ` (under ${quoted(fmt, branch.parent.label, 120)})` : '';
}

function because(fmt: Fmt, branch: Branch, missing: string): string {
  const reason = branch.hypothesis.reason?.trim();
  return reason ? fmt(reason, 300) : missing;
}

/** `"label" (under "parent") — active, 2 supporting steps: reason` */
export function workingLine(fmt: Fmt, branch: Branch): string {
  const status = STATUS_WORDS[branch.hypothesis.status];
  const reason = branch.hypothesis.reason?.trim() ? `: ${fmt(branch.hypothesis.reason, 300)}` : '';
  return `${quoted(fmt, branch.hypothesis.label)}${under(fmt, branch)} — ${status}, ${plural(branch.supporting, 'supporting step')}${reason}`;
}

export function ruledOutLines(fmt: Fmt, view: SessionView): string[] {
  return capped(
    view.deadEnds,
    CAPS.branches,
    (b) =>
      `${quoted(fmt, b.hypothesis.label)}${under(fmt, b)} — ruled out: ${because(fmt, b, 'no reason recorded')}`,
    'ruled-out branches',
  );
}

export function solvedLines(fmt: Fmt, view: SessionView): string[] {
  return view.solved.map(
    (b) =>
      `${quoted(fmt, b.hypothesis.label)}${under(fmt, b)} — confirmed: ${because(fmt, b, 'no reason recorded')}`,
  );
}

/** The branch map: every branch with its status, reason and step count, indented by depth. */
export function branchMapLines(fmt: Fmt, view: SessionView): { depth: number; text: string }[] {
  const shown = view.branches.slice(0, CAPS.branchMap).map((b) => {
    const reason = b.hypothesis.reason?.trim() ? `: ${fmt(b.hypothesis.reason, 300)}` : '';
    const steps = b.steps.length > 0 ? ` (${plural(b.steps.length, 'step')})` : '';
    return {
      depth: Math.min(b.depth, CAPS.depth),
      text: `${quoted(fmt, b.hypothesis.label)} — ${STATUS_WORDS[b.hypothesis.status]}${steps}${reason}`,
    };
  });
  const rest = view.branches.length - shown.length;
  return rest > 0 ? [...shown, { depth: 0, text: `… and ${rest} more branches` }] : shown;
}

const LEAD_PREFIX: Record<Audience, string> = {
  escalate: 'For the senior: ',
  park: 'When resuming: ',
  none: '',
};

/** The line pointing whoever picks the session up at the strongest open lead (or at what there is). */
function leadLine(fmt: Fmt, view: SessionView, audience: Audience): string | null {
  const prefix = LEAD_PREFIX[audience];
  const lead = view.lead;
  if (lead) {
    const status = STATUS_WORDS[lead.hypothesis.status];
    const support =
      lead.hypothesis.status === 'active' ? `, ${plural(lead.supporting, 'supporting step')}` : '';
    return capitalise(
      `${prefix}start with the strongest open lead, ${quoted(fmt, lead.hypothesis.label)} (${status}${support}).`,
    );
  }
  if (audience === 'none') return null;
  const sources = [
    view.facts.length > 0 ? 'the confirmed facts' : null,
    view.open.length > 0 ? 'the open steps' : null,
    view.technicianMessages.length > 0 ? 'the conversation' : null,
  ].filter((source) => source !== null);
  if (sources.length === 0) {
    return `${prefix}no open lead was recorded yet${audience === 'escalate' ? '; start by asking the technician' : ''}.`;
  }
  const from = sources.length > 1 ? `${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}` : sources[0];
  return `${prefix}start from ${from}; no open lead was recorded.`;
}

function optionsOf(fmt: Fmt, step: Step): string {
  if (step.options.length === 0) return '';
  const shown = step.options.slice(0, CAPS.options).map((o) => fmt(o, 80));
  const more =
    step.options.length > CAPS.options ? ` / … and ${step.options.length - CAPS.options} more` : '';
  return ` (options: ${shown.join(' / ')}${more})`;
}

/** "5 facts confirmed, 3 of 5 diagnostic steps answered." and its empty variants. */
export function countsSentence(view: SessionView): string {
  const answered = view.done.filter((s) => !s.skipped).length;
  const facts = view.facts.length > 0 ? `${plural(view.facts.length, 'fact')} confirmed` : null;
  const steps =
    view.steps.length > 0 ? `${answered} of ${plural(view.steps.length, 'diagnostic step')} answered` : null;
  if (facts && steps) return `${facts}, ${steps}.`;
  if (facts) return `${facts}, no diagnostic steps recorded.`;
  if (steps) return `No facts confirmed, ${steps}.`;
  return 'No facts or diagnostic steps recorded yet.';
}

/** What to do next (empty when nothing is open): the lead, other active branches, unanswered steps, then untried branches. */
export function nextStepLines(fmt: Fmt, view: SessionView, audience: Audience): string[] {
  const lines: string[] = [];
  const lead = leadLine(fmt, view, audience);
  if (lead) lines.push(lead);
  for (const b of view.active) {
    if (b === view.lead) continue;
    lines.push(
      `Continue testing ${quoted(fmt, b.hypothesis.label)} (active, ${plural(b.supporting, 'supporting step')}).`,
    );
  }
  for (const s of view.open)
    lines.push(`Answer the open step: ${quoted(fmt, s.text, 300)}${optionsOf(fmt, s)}.`);
  for (const b of view.untried) {
    if (b === view.lead) continue;
    lines.push(sentence(`Try the untried branch ${quoted(fmt, b.hypothesis.label)}${under(fmt, b)}`));
  }
  return capped(lines, CAPS.nextSteps, (l) => l, 'suggestions');
}
