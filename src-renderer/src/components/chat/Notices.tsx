import { useState } from 'react';
import { toast } from 'sonner';
import type { SessionDetail } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useHandoffStore } from '../../stores/handoff-store';
import { errorMessage } from '../../stores/queue-store';
import { TimeAgo } from '../TimeAgo';
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

/**
 * A parked session: whoever parked it picks it up again here (that closes the park handoff; it is
 * not a claim). Anyone else is told who parked it and that a senior takes it over from the queue.
 */
export function ParkedBanner({ detail }: { detail: SessionDetail }) {
  const me = useAppStore((s) => s.profile);
  const [resuming, setResuming] = useState(false);
  const parked = detail.parked;
  if (detail.status !== 'paused' || !parked) return null;
  const mine = parked.byId === me?.id;

  async function resume() {
    setResuming(true);
    try {
      await unwrap(baton().handoffs.resume({ id: detail.id }));
      toast.success('Resumed: the session is active again');
    } catch (err) {
      toast.error(`Could not resume: ${errorMessage(err)}`);
    } finally {
      setResuming(false);
    }
  }

  return (
    <section className="parked-banner" role="region" aria-label="Parked">
      <p className="parked-text">
        Parked by {mine ? 'you' : parked.byName} <TimeAgo at={parked.at} />
        {!mine && <span className="muted"> · a senior can take it over from the Handoffs queue</span>}
      </p>
      {mine && (
        <button type="button" className="primary" disabled={resuming} onClick={() => void resume()}>
          {resuming ? 'Resuming…' : 'Resume session'}
        </button>
      )}
    </section>
  );
}
