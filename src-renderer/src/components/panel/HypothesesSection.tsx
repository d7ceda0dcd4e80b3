import type { Hypothesis, Step } from '../../../../src-preload/contract';
import { useOutboxStore } from '../../stores/outbox-store';
import { AddTextForm } from './AddTextForm';
import type { Tree } from './HypothesisNode';
import { HypothesisNode } from './HypothesisNode';
import { checkHypothesis, HYPOTHESIS_LIMIT } from './limits';
import { PendingRow } from './PendingRow';
import { addHypothesis, pendingAdds } from './saves';
import { SectionHeading } from './SectionHeading';

function buildTree(hypotheses: Hypothesis[], steps: Step[]): Tree {
  const known = new Set(hypotheses.map((h) => h.id));
  const children = new Map<string | null, Hypothesis[]>();
  for (const h of hypotheses) {
    // A branch whose parent is gone is shown at the top level rather than lost.
    const parent = h.parentId && known.has(h.parentId) ? h.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), h]);
  }
  const stepsOf = new Map<string, Step[]>();
  for (const s of steps)
    if (s.hypothesisId) stepsOf.set(s.hypothesisId, [...(stepsOf.get(s.hypothesisId) ?? []), s]);
  return { children, stepsOf, pending: [] };
}

/** The hypothesis map: every branch with its status, reason and the steps tried on it. */
export function HypothesesSection({
  sessionId,
  hypotheses,
  steps,
}: {
  sessionId: string;
  hypotheses: Hypothesis[];
  steps: Step[];
}) {
  const outbox = useOutboxStore((s) => s.items);
  const tree = buildTree(hypotheses, steps);
  tree.pending = pendingAdds(outbox, sessionId, 'hypotheses', hypotheses);
  const roots = tree.children.get(null) ?? [];
  const known = new Set(hypotheses.map((h) => h.id));
  // Sub-branches show under their parent; a new top-level one (or one whose parent is gone) here.
  const pendingRoots = tree.pending.filter((p) => !p.parentId || !known.has(p.parentId));

  return (
    <section className="panel-section" aria-labelledby="panel-hypotheses">
      <SectionHeading id="panel-hypotheses" title="Hypotheses" count={hypotheses.length} />
      {roots.length + pendingRoots.length === 0 ? (
        <p className="panel-empty">No hypotheses yet. Add the likely causes and rule them out one by one.</p>
      ) : (
        <ul className="branch-tree">
          {roots.map((h) => (
            <HypothesisNode key={h.id} hypothesis={h} tree={tree} />
          ))}
          {pendingRoots.map((item) => (
            <PendingRow key={item.id} item={item} noun="hypothesis" className="branch" />
          ))}
        </ul>
      )}
      <AddTextForm
        label="New hypothesis"
        button="Add hypothesis"
        placeholder="e.g. Stale credentials from the old tenant"
        draftKey={`hypothesis-add:${sessionId}`}
        limit={HYPOTHESIS_LIMIT}
        check={checkHypothesis}
        onAdd={(label) => addHypothesis(sessionId, label)}
      />
    </section>
  );
}
