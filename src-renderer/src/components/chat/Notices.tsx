import { useState } from 'react';
import { toast } from 'sonner';
import type { SessionDetail } from '../../../../src-preload/contract';
import { useAppStore } from '../../stores/app-store';
import { SparkIcon } from './icons';

const DONE: SessionDetail['status'][] = ['requesting_escalation', 'escalated', 'resolved'];

/** Shown when the assistant (or the technician) asked for a senior and the session has not been
 * handed on yet: one button records the request (the full escalation form comes later). */
export function EscalationBanner({ detail }: { detail: SessionDetail }) {
  const requestEscalation = useAppStore((s) => s.requestEscalation);
  const [busy, setBusy] = useState(false);
  if (!detail.escalationRequest.requested || DONE.includes(detail.status)) return null;

  async function escalate() {
    setBusy(true);
    try {
      await requestEscalation();
      toast.success('Marked as needing a senior');
    } catch (err) {
      toast.error(`Could not escalate: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="escalation-banner" role="region" aria-label="Escalation suggested">
      <span className="escalation-icon" aria-hidden="true">
        <SparkIcon />
      </span>
      <p className="escalation-text">
        {detail.escalationRequest.reason?.trim() || 'The assistant suggests bringing in a senior'}
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => void escalate()}>
        {busy ? 'Escalating…' : 'Escalate to a senior'}
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
