import type { Handoff, HypothesisStatus, Priority } from '../../../../src-preload/contract';
import { PRIORITY_LABEL } from '../../../../src-preload/contract';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge priority-badge priority-${priority}`}>
      <span className="visually-hidden">Priority: </span>
      {PRIORITY_LABEL[priority]}
    </span>
  );
}

export const intentLabel = (intent: Handoff['intent']) => (intent === 'escalate' ? 'Escalated' : 'Parked');

export function IntentBadge({ intent }: { intent: Handoff['intent'] }) {
  return <span className={`badge intent-badge intent-${intent}`}>{intentLabel(intent)}</span>;
}

const ASSESSMENT: Record<Handoff['assessment']['state'], string> = {
  computing: 'Assessment still computing…',
  ready: 'Assessment ready',
  unavailable: 'Assessment unavailable',
};

export function AssessmentState({ state }: { state: Handoff['assessment']['state'] }) {
  return (
    <span className={`assessment-state assessment-${state}`}>
      <span className="assessment-dot" aria-hidden="true" />
      {ASSESSMENT[state]}
    </span>
  );
}

const BRANCH: Record<HypothesisStatus, string> = {
  untried: 'Untried',
  active: 'Active',
  dead_end: 'Ruled out',
  solved: 'Solved',
};

export function BranchChip({ status }: { status: HypothesisStatus }) {
  return <span className={`badge branch-chip branch-${status}`}>{BRANCH[status]}</span>;
}
