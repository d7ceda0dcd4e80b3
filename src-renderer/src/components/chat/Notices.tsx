import type { SessionDetail } from '../../../../src-preload/contract';
import { useHandoffStore } from '../../stores/handoff-store';
import { SparkIcon } from './icons';

const DONE: SessionDetail['status'][] = ['requesting_escalation', 'escalated', 'resolved'];

/** Shown when the assistant (or the technician) asked for a senior and the session has not been
 * handed on yet: the button opens the escalation form with the reason filled in. */
export function EscalationBanner({ detail }: { detail: SessionDetail }) {
  const openForm = useHandoffStore((s) => s.openForm);
  if (!detail.escalationRequest.requested || DONE.includes(detail.status)) return null;

  return (
    <section className="escalation-banner" role="region" aria-label="Escalation suggested">
      <span className="escalation-icon" aria-hidden="true">
        <SparkIcon />
      </span>
      <p className="escalation-text">
        {detail.escalationRequest.reason?.trim() || 'The assistant suggests bringing in a senior'}
      </p>
      <button
        type="button"
        className="primary"
        aria-haspopup="dialog"
        onClick={() => openForm(detail.escalationRequest.reason)}
      >
        Escalate to a senior
      </button>
    </section>
  );
}

/** One calm line when no provider is configured, so nobody waits for a reply that cannot come. */
export function AssistantUnavailable() {
  return (
    <p className="assistant-unavailable" role="note">
      No AI assistant is set up. Your notes are saved; ask an admin to choose a provider in Settings.
    </p>
  );
}
