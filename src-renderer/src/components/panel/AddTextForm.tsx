import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { currentDraft, useDraft } from '../../stores/drafts-store';
import type { Limit } from '../TextLimit';
import { LimitNote, useTextLimit } from '../TextLimit';

interface AddTextFormProps {
  /** The field's label ("New fact") and the button's text ("Add fact"). */
  label: string;
  button: string;
  placeholder?: string;
  /** Where the typed text is kept until it is added (survives view and session switches). */
  draftKey: string;
  limit: Limit;
  /** The contract's message for a text it would refuse, or null. */
  check: (text: string) => string | null;
  /** Hands the text over for saving (the outbox shows it until it is stored). */
  onAdd: (text: string) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A one-line add form: it clears as soon as the text is handed over, so the next one can be typed. */
export function AddTextForm({
  label,
  button,
  placeholder,
  draftKey,
  limit,
  check,
  onAdd,
  onCancel,
  autoFocus,
}: AddTextFormProps) {
  const [text = '', setText] = useDraft(draftKey);
  const [error, setError] = useState<string | null>(null);
  const { refusal, onPaste, clearRefusal } = useTextLimit(limit);
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = (currentDraft(draftKey) ?? '').trim();
    const problem = check(typed);
    if (problem) return setError(problem);
    setText(undefined);
    setError(null);
    clearRefusal();
    onAdd(typed);
  }

  return (
    <form className={`add-form${error ? ' has-error' : ''}`} onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <div className="add-form-row">
        <input
          id={inputId}
          type="text"
          value={text}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${error ? `${inputId}-error ` : ''}${inputId}-limit`}
          autoFocus={autoFocus}
          onChange={(e) => {
            setText(e.target.value === '' ? undefined : e.target.value);
            setError(null);
            clearRefusal();
          }}
          onPaste={onPaste}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && onCancel) onCancel();
          }}
        />
        <button type="submit" className="small">
          {button}
        </button>
        {onCancel && (
          <button type="button" className="small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <LimitNote id={`${inputId}-limit`} value={text} max={limit.max} refusal={refusal} />
    </form>
  );
}
