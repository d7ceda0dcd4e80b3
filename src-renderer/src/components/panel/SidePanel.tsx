import type { SessionDetail } from '../../../../src-preload/contract';
import { FactsSection } from './FactsSection';
import { HypothesesSection } from './HypothesesSection';
import { StepsSection } from './StepsSection';
import '../../chat.css';

export const PANEL_ID = 'session-panel';

/** The right-hand panel of a session: what was tried, what is known, what might be wrong. */
export function SidePanel({ detail, hidden }: { detail: SessionDetail; hidden: boolean }) {
  return (
    <aside id={PANEL_ID} className="session-panel" aria-label="Steps, facts and hypotheses" hidden={hidden}>
      <StepsSection sessionId={detail.id} steps={detail.steps} hypotheses={detail.hypotheses} />
      <FactsSection sessionId={detail.id} facts={detail.facts} />
      <HypothesesSection sessionId={detail.id} hypotheses={detail.hypotheses} steps={detail.steps} />
    </aside>
  );
}
