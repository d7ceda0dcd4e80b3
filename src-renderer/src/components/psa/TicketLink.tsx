import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { PsaTicketView, SessionDetail } from '../../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import '../../psa.css';

/**
 * The session's ConnectWise ticket: link one by number (looked up first, so a typo is caught), see its
 * summary, board and status as ConnectWise shows them now, or unlink it.
 */
export function TicketLink({ detail }: { detail: SessionDetail }) {
  const linked = detail.psaTicketId;
  const [ticket, setTicket] = useState<PsaTicketView | null>(null);
  const [lookup, setLookup] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const systemNotices = detail.messages.filter((m) => m.role === 'system').length;

  useEffect(() => {
    if (linked === null) return;
    let live = true;
    unwrap(baton().sessions.ticket({ id: detail.id }))
      .then((view) => {
        if (!live) return;
        setTicket(view);
        setLookup(null);
      })
      .catch((err: unknown) => live && setLookup(errorMessage(err)));
    return () => {
      live = false;
    };
    // Re-read when the ticket's status likely moved: a status change here, a post, a pick-up notice.
  }, [detail.id, linked, detail.status, detail.pendingPost?.state, systemNotices]);

  async function link(event: FormEvent) {
    event.preventDefault();
    const ticketId = Number(typed.trim().replace(/^#/, ''));
    setBusy(true);
    setError(null);
    try {
      const view = await unwrap(baton().sessions['link-ticket']({ sessionId: detail.id, ticketId }));
      setTicket(view);
      setEditing(false);
      setTyped('');
      toast.success(`Linked to ConnectWise ticket #${ticketId}`);
    } catch (err) {
      setError(err instanceof BatonError ? err.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function unlink() {
    setBusy(true);
    try {
      await unwrap(baton().sessions['link-ticket']({ sessionId: detail.id, ticketId: null }));
      setTicket(null);
      toast.success('Unlinked: notes now stay in Baton');
    } catch (err) {
      toast.error(`Could not unlink: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }

  if (editing)
    return (
      <form
        className="ticket-link-form"
        onSubmit={(e) => void link(e)}
        aria-label="Link a ConnectWise ticket"
      >
        <label htmlFor="ticket-number">ConnectWise ticket #</label>
        <input
          id="ticket-number"
          inputMode="numeric"
          autoFocus
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ticket-number-error' : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="small primary" disabled={busy || typed.trim() === ''}>
          {busy ? 'Looking up…' : 'Link'}
        </button>
        <button type="button" className="small" onClick={() => setEditing(false)} disabled={busy}>
          Cancel
        </button>
        {error && (
          <span className="field-error" id="ticket-number-error" role="alert">
            {error}
          </span>
        )}
      </form>
    );

  if (linked === null)
    return (
      <p className="ticket-link muted">
        <span className="ticket-link-hint">Not linked to a ConnectWise ticket: notes stay in Baton.</span>{' '}
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Link a ticket…
        </button>
      </p>
    );

  return (
    <p className="ticket-link" aria-label="ConnectWise ticket">
      <span className="ticket-chip">CW #{linked}</span>
      {ticket ? (
        <>
          <span className="ticket-summary">{ticket.summary}</span>
          <span className="muted">
            {ticket.board ? `${ticket.board} · ` : ''}
            {ticket.status}
            {ticket.owner ? ` · ${ticket.owner}` : ''}
          </span>
        </>
      ) : (
        <span className="muted">
          {lookup ? `Could not read the ticket: ${lookup}` : 'Reading the ticket…'}
        </span>
      )}
      {detail.status !== 'resolved' && !detail.teamTicket && (
        <button type="button" className="link" onClick={() => void unlink()} disabled={busy}>
          Unlink
        </button>
      )}
    </p>
  );
}

/** A note on its way to ConnectWise, or one ConnectWise refused (with Retry). */
export function PendingPost({ detail }: { detail: SessionDetail }) {
  const [busy, setBusy] = useState(false);
  const pending = detail.pendingPost;
  if (!pending) return null;
  const what = pending.kind === 'resolve' ? 'The resolution note' : 'The escalation package';

  async function retry() {
    setBusy(true);
    try {
      const outcome = await unwrap(baton().notes['retry-post']({ id: detail.id }));
      toast.success(
        outcome.outcome === 'queued' ? 'Queued: posting when ConnectWise answers' : 'Posted to ConnectWise',
      );
    } catch (err) {
      toast.error(`Still not done: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }

  // An escalation's session is escalated already: what waits is the team's copy on the ticket.
  const waitingLine =
    pending.kind === 'resolve'
      ? `${what} is posting to ConnectWise ticket #${pending.ticketId} when online. The session's status changes once ConnectWise confirms it.`
      : `${what} is posting to ConnectWise ticket #${pending.ticketId} when online, for seniors on other machines.`;
  if (pending.state === 'waiting')
    return (
      <p className="pending-post" role="status">
        {waitingLine}
        {pending.error && <span className="muted"> Last try: {pending.error}</span>}
      </p>
    );
  // The note landed and only the status change failed: say so, and offer only the status change again.
  return (
    <section className="pending-post pending-post-failed" role="region" aria-label="Not posted">
      <p>
        {pending.noteOnTicket
          ? pending.error
          : `${what} was not posted to ConnectWise ticket #${pending.ticketId}: ${pending.error}`}
      </p>
      <button type="button" className="small primary" disabled={busy} onClick={() => void retry()}>
        {busy ? 'Retrying…' : pending.noteOnTicket ? 'Retry the status change' : 'Retry'}
      </button>
    </section>
  );
}
