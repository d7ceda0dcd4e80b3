import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { HandoffConfirmation, HandoffIntent, Priority } from '../../../../src-preload/contract';
import { PRIORITIES, PRIORITY_LABEL, TEXT_LIMITS, isSenior } from '../../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useHandoffStore } from '../../stores/handoff-store';
import { useUnsavedGuard } from '../../stores/unsaved-store';
import '../../handoff.css';
import { ConfirmDialog } from '../ConfirmDialog';
import type { Limit } from '../TextLimit';
import { LimitNote, overLimit, useTextLimit } from '../TextLimit';
import { Confirmation } from './Confirmation';

const REASON_REQUIRED = 'Say why you are escalating';
const REASON_LIMIT: Limit = {
  max: TEXT_LIMITS.escalationReason,
  noun: 'the reason',
  hint: 'Say in a line or two what you need; put details in the notes.',
};
const NOTES_LIMIT: Limit = {
  max: TEXT_LIMITS.handoffNotes,
  noun: 'the notes field',
  hint: 'Paste the part around the error; the whole conversation already goes with the handoff.',
};
const count = (n: number) => n.toLocaleString('en-US');

/** The escalation / park form for the open session, as a modal dialog; after a successful submit
 * it turns into the confirmation (ticket number, what happens next, expert contacts). */
export function HandoffDialog({ sessionId }: { sessionId: string }) {
  const form = useHandoffStore((s) => s.form);
  const closeForm = useHandoffStore((s) => s.closeForm);
  const open = form !== null;
  // Opened from state rather than a Trigger: remember what had focus and give it back on close.
  const opener = useRef<HTMLElement | null>(null);
  const [confirmation, setConfirmation] = useState<HandoffConfirmation | null>(null);
  // What is typed in the form is not thrown away by Escape or Cancel without asking.
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);

  const close = () => {
    closeForm();
    setConfirmation(null);
    setDirty(false);
  };
  const requestClose = () => (dirty && !confirmation ? setAsking(true) : close());

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && requestClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog card handoff-dialog"
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            requestClose();
          }}
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            event.preventDefault();
            document.querySelector<HTMLElement>('.handoff-dialog input[type="radio"]:checked')?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener.current?.isConnected) opener.current.focus();
            else document.querySelector<HTMLElement>('#session-title')?.focus();
            opener.current = null;
          }}
        >
          {confirmation ? (
            <Confirmation confirmation={confirmation} onClose={close} />
          ) : (
            form && (
              <HandoffForm
                sessionId={sessionId}
                initialReason={form.reason}
                onDone={(done) => {
                  setDirty(false);
                  setConfirmation(done);
                }}
                onCancel={requestClose}
                onDirtyChange={setDirty}
              />
            )
          )}
          <ConfirmDialog
            open={asking}
            onOpenChange={setAsking}
            title="Discard this handoff?"
            description="What you typed in the form is not saved anywhere else."
            cancelLabel="Keep editing"
            confirmLabel="Discard"
            danger
            onConfirm={close}
          />
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function HandoffForm(props: {
  sessionId: string;
  initialReason: string;
  onDone: (confirmation: HandoffConfirmation) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const profile = useAppStore((s) => s.profile);
  const users = useHandoffStore((s) => s.users);
  const loadUsers = useHandoffStore((s) => s.loadUsers);
  const [intent, setIntent] = useState<HandoffIntent>('escalate');
  const [reason, setReason] = useState(props.initialReason);
  const [priority, setPriority] = useState<Priority>('medium');
  const [notes, setNotes] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonLimit = useTextLimit(REASON_LIMIT);
  const notesLimit = useTextLimit(NOTES_LIMIT);
  const id = useId();
  const dirty =
    intent !== 'escalate' ||
    reason !== props.initialReason ||
    priority !== 'medium' ||
    notes.trim() !== '' ||
    target !== '';
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useUnsavedGuard('the handoff form', dirty);

  useEffect(() => {
    loadUsers().catch(() => undefined);
  }, [loadUsers]);

  const seniors = users.filter((u) => u.active && isSenior(u.role) && u.id !== profile?.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (intent === 'escalate' && !reason.trim()) {
      setErrors({ reason: REASON_REQUIRED });
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    // Refused here, whole, rather than cut: the counter under the field says by how much.
    const tooLong = {
      ...(overLimit(reason, REASON_LIMIT.max) && {
        reason: `The reason is at most ${count(REASON_LIMIT.max)} characters: shorten it, or move details to the notes`,
      }),
      ...(overLimit(notes, NOTES_LIMIT.max) && {
        notes: `The notes are at most ${count(NOTES_LIMIT.max)} characters: shorten them before handing off`,
      }),
    };
    if (Object.keys(tooLong).length > 0) {
      setErrors(tooLong);
      document.getElementById(`${id}-${'reason' in tooLong ? 'reason' : 'notes'}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const confirmation = await unwrap(
        baton().handoffs.create({
          sessionId: props.sessionId,
          intent,
          reason: reason.trim(),
          priority,
          notes: notes.trim() || undefined,
          targetUserId: intent === 'escalate' && target ? target : null,
        }),
      );
      props.onDone(confirmation);
    } catch (err) {
      if (err instanceof BatonError && err.code === 'VALIDATION' && Object.keys(err.fieldErrors()).length) {
        const fields = err.fieldErrors();
        setErrors(fields);
        const first = ['reason', 'priority', 'notes', 'targetUserId'].find((f) => fields[f]);
        if (first) document.getElementById(`${id}-${first}`)?.focus();
        const unknown = Object.keys(fields).filter(
          (f) => !['reason', 'priority', 'notes', 'targetUserId'].includes(f),
        );
        if (unknown.length) setFormError(unknown.map((f) => fields[f]).join(' '));
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const aria = (field: string, limit = false) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [errors[field] && `${id}-${field}-error`, limit && `${id}-${field}-limit`].filter(Boolean).join(' ') ||
      undefined,
  });
  const fieldError = (field: string) =>
    errors[field] ? (
      <span className="field-error" id={`${id}-${field}-error`} role="alert">
        {errors[field]}
      </span>
    ) : null;

  return (
    <form className="handoff-form" onSubmit={(e) => void submit(e)} noValidate>
      <AlertDialog.Title className="dialog-title">Hand off this session</AlertDialog.Title>
      <AlertDialog.Description className="dialog-description">
        Escalate to bring in a senior now, or park it to come back to later. Everything you have noted goes
        with it.
      </AlertDialog.Description>

      <fieldset className="handoff-intent">
        <legend>What do you want to do?</legend>
        {(
          [
            ['escalate', 'Escalate to a senior', 'A senior picks it up from the Handoffs queue'],
            ['park', 'Park for later', 'Set it aside; resume it from the session'],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className={`intent-option${intent === value ? ' selected' : ''}`}>
            <input
              type="radio"
              name={`${id}-intent`}
              value={value}
              checked={intent === value}
              onChange={() => {
                setIntent(value);
                setErrors((e) => ({ ...e, reason: '' }));
              }}
            />
            <span>
              <strong>{label}</strong>
              <span className="field-hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className={`field${errors.reason ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-reason`}>Reason{intent === 'escalate' ? '' : ' (optional)'}</label>
        <textarea
          {...aria('reason', true)}
          rows={2}
          required={intent === 'escalate'}
          readOnly={busy}
          value={reason}
          placeholder={intent === 'escalate' ? 'What do you need a senior for?' : 'Why are you parking it?'}
          onChange={(e) => {
            setReason(e.target.value);
            reasonLimit.clearRefusal();
          }}
          onPaste={reasonLimit.onPaste}
        />
        {fieldError('reason')}
        <LimitNote
          id={`${id}-reason-limit`}
          value={reason}
          max={REASON_LIMIT.max}
          refusal={reasonLimit.refusal}
        />
      </div>

      <div className="handoff-row">
        <div className={`field${errors.priority ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select
            {...aria('priority')}
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
          {fieldError('priority')}
        </div>
        {intent === 'escalate' && (
          <div className={`field${errors.targetUserId ? ' has-error' : ''}`}>
            <label htmlFor={`${id}-targetUserId`}>Senior</label>
            <select {...aria('targetUserId')} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Anyone on the team</option>
              {seniors.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.role})
                </option>
              ))}
            </select>
            {fieldError('targetUserId')}
          </div>
        )}
      </div>

      <div className={`field${errors.notes ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-notes`}>Notes for the senior</label>
        <textarea
          {...aria('notes', true)}
          rows={3}
          readOnly={busy}
          value={notes}
          placeholder="Anything not in the chat: what the customer said, what you'd try next…"
          onChange={(e) => {
            setNotes(e.target.value);
            notesLimit.clearRefusal();
          }}
          onPaste={notesLimit.onPaste}
        />
        {fieldError('notes')}
        <LimitNote
          id={`${id}-notes-limit`}
          value={notes}
          max={NOTES_LIMIT.max}
          refusal={notesLimit.refusal}
        />
      </div>

      {formError && (
        <p className="form-error handoff-form-error" role="alert">
          {formError}
        </p>
      )}

      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Handing off…' : intent === 'escalate' ? 'Escalate' : 'Park'}
        </button>
      </div>
    </form>
  );
}
