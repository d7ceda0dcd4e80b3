// One derived, ordered view of a session shared by every drafter: the problem statement, facts and
// steps in order, the hypothesis tree, the open leads and the confidence heuristic. Pure: the same
// context always gives the same view (ties are broken by the order the records were given in).
import type { Fact, Hypothesis, HypothesisStatus, Step } from '../../../src-preload/contract';
import type { Assessment, DraftContext } from './types';
import { oneLine } from './text';

export interface Branch {
  hypothesis: Hypothesis;
  depth: number;
  parent: Hypothesis | null;
  /** Steps linked to this branch, in step order. */
  steps: Step[];
  /** Of those, the ones answered (an option or a note) and not skipped: the evidence on the branch. */
  supporting: number;
}

export interface SessionView {
  problem: string | null;
  facts: Fact[];
  steps: Step[];
  done: Step[];
  open: Step[];
  /** Every branch in tree order (parents before children, siblings by seq). */
  branches: Branch[];
  byId: ReadonlyMap<string, Branch>;
  active: Branch[];
  solved: Branch[];
  deadEnds: Branch[];
  untried: Branch[];
  /** The branch a successor should pick up first: the best-supported active one, else the first untried. */
  lead: Branch | null;
  technicianMessages: DraftContext['messages'];
  confidence: Assessment['confidence'];
}

export const STATUS_WORDS: Record<HypothesisStatus, string> = {
  untried: 'untried',
  active: 'active',
  dead_end: 'ruled out',
  solved: 'solved',
};

export const SESSION_STATUS_WORDS: Record<DraftContext['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  requesting_escalation: 'Escalation requested',
  escalated: 'Escalated',
  resolved: 'Resolved',
};

function stableSort<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => key(a.item) - key(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

export function isAnswered(step: Step): boolean {
  return !step.skipped && (nonEmpty(step.selectedOption) || nonEmpty(step.freeText));
}

function nonEmpty(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim().length > 0;
}

/** problemSummary, else the title, else the first line of the technician's first message. */
export function problemOf(ctx: DraftContext, technicianMessages: DraftContext['messages']): string | null {
  if (nonEmpty(ctx.problemSummary)) return oneLine(ctx.problemSummary);
  if (nonEmpty(ctx.title)) return oneLine(ctx.title);
  for (const message of technicianMessages) {
    const line = message.body.split('\n').find((l) => l.trim().length > 0);
    if (line !== undefined) return oneLine(line);
  }
  return null;
}

function tree(hypotheses: readonly Hypothesis[]): { hypothesis: Hypothesis; depth: number }[] {
  const ids = new Set(hypotheses.map((h) => h.id));
  const ordered = stableSort(hypotheses, (h) => h.seq);
  const children = new Map<string | null, Hypothesis[]>();
  for (const h of ordered) {
    const parent = h.parentId !== null && ids.has(h.parentId) && h.parentId !== h.id ? h.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), h]);
  }
  const out: { hypothesis: Hypothesis; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (h: Hypothesis, depth: number) => {
    if (seen.has(h.id)) return;
    seen.add(h.id);
    out.push({ hypothesis: h, depth });
    for (const child of children.get(h.id) ?? []) walk(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) walk(root, 0);
  // A parent cycle has no root to start from: show its members at the top level rather than lose them.
  for (const h of ordered) walk(h, 0);
  return out;
}

/**
 * Confidence heuristic (the enrichment's `confidence`, also shown in the briefing):
 * - high: a hypothesis is solved, or there are at least 5 facts and an active hypothesis with at
 *   least one supporting step (a step linked to it that was answered, not skipped);
 * - low: fewer than 2 facts and no active hypothesis (and nothing solved);
 * - medium: everything in between.
 */
export function confidenceOf(
  facts: number,
  active: readonly Branch[],
  solved: number,
): Assessment['confidence'] {
  if (solved > 0) return 'high';
  if (facts >= 5 && active.some((b) => b.supporting > 0)) return 'high';
  if (facts < 2 && active.length === 0) return 'low';
  return 'medium';
}

export function analyse(ctx: DraftContext): SessionView {
  const technicianMessages = stableSort(
    ctx.messages.filter((m) => m.role === 'user' && m.body.trim().length > 0),
    (m) => m.createdAt,
  );
  const facts = stableSort(
    ctx.facts.filter((f) => f.text.trim().length > 0),
    (f) => f.createdAt,
  );
  const steps = stableSort(
    ctx.steps.filter((s) => s.text.trim().length > 0),
    (s) => s.seq,
  );
  const branches: Branch[] = tree(ctx.hypotheses).map(({ hypothesis, depth }) => {
    const own = steps.filter((s) => s.hypothesisId === hypothesis.id);
    return {
      hypothesis,
      depth,
      parent: ctx.hypotheses.find((h) => h.id === hypothesis.parentId && h.id !== hypothesis.id) ?? null,
      steps: own,
      supporting: own.filter(isAnswered).length,
    };
  });
  const byId = new Map(branches.map((b) => [b.hypothesis.id, b]));
  const withStatus = (status: HypothesisStatus) => branches.filter((b) => b.hypothesis.status === status);
  const active = withStatus('active');
  const solved = withStatus('solved');
  const untried = withStatus('untried');
  // Best-supported active branch; ties go to the one earliest in the tree.
  const strongest = active.reduce<Branch | null>(
    (best, b) => (!best || b.supporting > best.supporting ? b : best),
    null,
  );
  return {
    problem: problemOf(ctx, technicianMessages),
    facts,
    steps,
    done: steps.filter((s) => s.skipped || isAnswered(s)),
    open: steps.filter((s) => !s.skipped && !isAnswered(s)),
    branches,
    byId,
    active,
    solved,
    deadEnds: withStatus('dead_end'),
    untried,
    lead: strongest ?? untried[0] ?? null,
    technicianMessages,
    confidence: confidenceOf(facts.length, active, solved.length),
  };
}
