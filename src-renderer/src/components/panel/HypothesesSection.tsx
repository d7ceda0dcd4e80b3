import type { Hypothesis, Step } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { AddTextForm } from './AddTextForm';
import type { Tree } from './HypothesisNode';
import { HypothesisNode } from './HypothesisNode';
import { attempt } from './run';
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
  return { children, stepsOf };
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
  const applyItem = useAppStore((s) => s.applyItem);
  const tree = buildTree(hypotheses, steps);
  const roots = tree.children.get(null) ?? [];
  const add = (label: string) =>
    attempt('Could not add the hypothesis', baton().hypotheses.add({ sessionId, label }), (h) =>
      applyItem('hypotheses', h),
    );

  return (
    <section className="panel-section" aria-labelledby="panel-hypotheses">
      <SectionHeading id="panel-hypotheses" title="Hypotheses" count={hypotheses.length} />
      {roots.length === 0 ? (
        <p className="panel-empty">No hypotheses yet. Add the likely causes and rule them out one by one.</p>
      ) : (
        <ul className="branch-tree">
          {roots.map((h) => (
            <HypothesisNode key={h.id} hypothesis={h} tree={tree} />
          ))}
        </ul>
      )}
      <AddTextForm
        label="New hypothesis"
        button="Add hypothesis"
        placeholder="e.g. Stale credentials from the old tenant"
        field="label"
        onAdd={add}
      />
    </section>
  );
}
