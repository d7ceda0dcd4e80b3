import { useState } from 'react';
import { toast } from 'sonner';
import type { FixDecision, FixOutcome, SuggestedFix } from '../../../../src-preload/contract';
import { TEXT_LIMITS } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { LimitNote, useTextLimit } from '../TextLimit';

const REASON_LIMIT = { max: TEXT_LIMITS.fixReason, noun: 'the reason', hint: 'Say it in a few lines.' };

const OUTCOME_TEXT: Record<FixOutcome, string> = {
  worked: 'It worked',
  pending: 'Still pending',
  failed: 'It failed',
};

/**
 * The session's active suggested fix (DESIGN §3): apply it once, save it as a template, or dismiss
 * it; once applied, say whether it worked (pending and failed need a reason).
 */
export function SuggestedFixCard({ fix }: { fix: SuggestedFix }) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<'pending' | 'failed' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { refusal, onPaste, clearRefusal } = useTextLimit(REASON_LIMIT);
  const applied = fix.decision === 'apply_once' || fix.decision === 'save_as_template';

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setAsking(null);
      setReason('');
      toast.success(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const decide = (decision: FixDecision, done: string) =>
    run(() => unwrap(baton().fixes.decide({ id: fix.id, decision })), done);
  const outcome = (value: FixOutcome) =>
    run(
      () =>
        unwrap(
          baton().fixes.outcome({ id: fix.id, outcome: value, ...(value === 'worked' ? {} : { reason }) }),
        ),
      `Recorded: ${OUTCOME_TEXT[value].toLowerCase()}`,
    );

  return (
    <section className="fix-card" role="region" aria-label="Suggested fix">
      <div className="fix-head">
        <span className="fix-label">Suggested fix</span>
        <span className="badge fix-confidence" title="The assistant's confidence">
          {fix.confidence}% confidence
        </span>
        {fix.decision === 'save_as_template' && <span className="muted">Saved as a template</span>}
      </div>
      <p className="fix-text">{fix.text}</p>

      {!applied ? (
        <div className="fix-actions">
          <button
            type="button"
            className="small primary"
            disabled={busy}
            onClick={() => void decide('apply_once', 'Fix applied: say whether it worked')}
          >
            Apply once
          </button>
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={() => void decide('save_as_template', 'Applied and saved as a template')}
          >
            Save as template
          </button>
          <button
            type="button"
            className="small danger-quiet"
            disabled={busy}
            onClick={() => void decide('dismissed', 'Fix dismissed')}
          >
            Dismiss
          </button>
        </div>
      ) : fix.outcome && !asking ? (
        <p className={`fix-outcome fix-outcome-${fix.outcome}`} role="status">
          {OUTCOME_TEXT[fix.outcome]}
          {fix.outcomeReason ? `: ${fix.outcomeReason}` : ''}
          {fix.outcome !== 'worked' && (
            <button
              type="button"
              className="link"
              onClick={() => setAsking(fix.outcome === 'failed' ? 'failed' : 'pending')}
            >
              Update
            </button>
          )}
          {fix.outcome === 'pending' && (
            <button type="button" className="link" disabled={busy} onClick={() => void outcome('worked')}>
              It worked now
            </button>
          )}
        </p>
      ) : asking ? (
        <form
          className="fix-reason"
          onSubmit={(e) => {
            e.preventDefault();
            void outcome(asking);
          }}
        >
          <label htmlFor="fix-reason">
            {asking === 'pending' ? 'What is it waiting for?' : 'How did it fail?'}
          </label>
          <input
            id="fix-reason"
            value={reason}
            autoFocus
            readOnly={busy}
            aria-describedby="fix-reason-limit"
            onChange={(e) => {
              setReason(e.target.value);
              clearRefusal();
            }}
            onPaste={onPaste}
          />
          <button type="submit" className="small primary" disabled={busy || reason.trim() === ''}>
            Save
          </button>
          <button type="button" className="small" onClick={() => setAsking(null)}>
            Cancel
          </button>
          <LimitNote id="fix-reason-limit" value={reason} max={REASON_LIMIT.max} refusal={refusal} />
        </form>
      ) : (
        <div className="fix-actions">
          <span className="fix-question">Applied. Did it work?</span>
          <button
            type="button"
            className="small primary"
            disabled={busy}
            onClick={() => void outcome('worked')}
          >
            It worked
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => setAsking('pending')}>
            Still pending…
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => setAsking('failed')}>
            It failed…
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
