import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import '../../queue.css';
import { LimitNote, overLimit, useTextLimit } from '../TextLimit';
import { REASON_LIMIT } from './limits';
import type { FieldErrors } from './run';
import { errorFor } from './run';

export type Verdict = 'dead_end' | 'solved';

const TEXT: Record<Verdict, { title: string; hint: string; action: string }> = {
  dead_end: {
    title: 'Rule out this hypothesis?',
    hint: 'Say why, so whoever picks this up does not try it again.',
    action: 'Rule out',
  },
  solved: {
    title: 'Confirm this hypothesis?',
    hint: 'Say what proved it: this becomes the root cause in the notes.',
    action: 'Confirm',
  },
};

const REQUIRED = 'Say why: a ruled-out or confirmed hypothesis needs a reason';

interface ReasonDialogProps {
  verdict: Verdict | null;
  label: string;
  /** Resolves to field errors to show ({} when saved), or null when it failed and was toasted. */
  onSubmit: (verdict: Verdict, reason: string) => Promise<FieldErrors | null>;
  onClose: () => void;
  /** Where focus goes when the button that opened the dialog is gone (the status changed). */
  fallbackFocus: () => void;
}

/** Asks for the reason a branch is ruled out or confirmed (required), as a modal alert dialog. */
export function ReasonDialog({ verdict, label, onSubmit, onClose, fallbackFocus }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const { refusal, onPaste, clearRefusal } = useTextLimit(REASON_LIMIT);
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // Opened from state rather than a Trigger: remember what had focus and give it back on close.
  const opener = useRef<HTMLElement | null>(null);
  const error = errorFor(errors, 'reason');
  const text = TEXT[verdict ?? 'dead_end'];

  const close = () => {
    setReason('');
    setErrors({});
    clearRefusal();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!verdict) return;
    if (!reason.trim()) return setErrors({ reason: REQUIRED });
    if (overLimit(reason, REASON_LIMIT.max))
      return setErrors({
        reason: `The reason is at most ${REASON_LIMIT.max.toLocaleString('en-US')} characters`,
      });
    setBusy(true);
    const result = await onSubmit(verdict, reason.trim());
    setBusy(false);
    if (result === null) return;
    if (Object.keys(result).length === 0) close();
    else setErrors(result);
  }

  return (
    <AlertDialog.Root open={verdict !== null} onOpenChange={(open) => !open && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog card"
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            event.preventDefault();
            field.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener.current?.isConnected) opener.current.focus();
            else fallbackFocus();
            opener.current = null;
          }}
        >
          <AlertDialog.Title className="dialog-title">{text.title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            <strong>{label}</strong>
            <br />
            {text.hint}
          </AlertDialog.Description>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <div className={`field${error ? ' has-error' : ''}`}>
              <label htmlFor={fieldId}>Reason</label>
              <textarea
                id={fieldId}
                rows={3}
                value={reason}
                required
                ref={field}
                readOnly={busy}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${error ? `${fieldId}-error ` : ''}${fieldId}-limit`}
                onChange={(e) => {
                  setReason(e.target.value);
                  clearRefusal();
                }}
                onPaste={onPaste}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
                }}
              />
              {error && (
                <p id={`${fieldId}-error`} className="field-error" role="alert">
                  {error}
                </p>
              )}
              <LimitNote id={`${fieldId}-limit`} value={reason} max={REASON_LIMIT.max} refusal={refusal} />
            </div>
            <div className="dialog-actions reason-actions">
              <AlertDialog.Cancel asChild>
                <button type="button">Cancel</button>
              </AlertDialog.Cancel>
              <button type="submit" className={verdict === 'dead_end' ? 'danger' : 'primary'} disabled={busy}>
                {text.action}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
