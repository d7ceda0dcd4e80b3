import type { SessionDetail } from '../../../../src-preload/contract';
import { CloseIcon } from '../chat/icons';
import { FactsSection } from './FactsSection';
import { HypothesesSection } from './HypothesesSection';
import { StepsSection } from './StepsSection';
import '../../chat.css';

export const PANEL_ID = 'session-panel';

/** The right-hand panel of a session: what was tried, what is known, what might be wrong. It closes
 * from its own top bar too, which stays in view while the panel scrolls. */
export function SidePanel({
  detail,
  hidden,
  onClose,
}: {
  detail: SessionDetail;
  hidden: boolean;
  onClose: () => void;
}) {
  return (
    <aside id={PANEL_ID} className="session-panel" aria-label="Steps, facts and hypotheses" hidden={hidden}>
      <div className="panel-bar">
        <span className="panel-bar-title" aria-hidden="true">
          Working notes
        </span>
        <button
          type="button"
          className="icon-button panel-close"
          aria-label="Close the panel"
          title="Close the panel"
          onClick={() => {
            onClose();
            // Back to the header's toggle, the control that opens it again.
            document.querySelector<HTMLElement>(`[aria-controls="${PANEL_ID}"]`)?.focus();
          }}
        >
          <CloseIcon />
        </button>
      </div>
      <StepsSection sessionId={detail.id} steps={detail.steps} hypotheses={detail.hypotheses} />
      <FactsSection sessionId={detail.id} facts={detail.facts} />
      <HypothesesSection sessionId={detail.id} hypotheses={detail.hypotheses} steps={detail.steps} />
    </aside>
  );
}
