import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { FieldErrors } from './run';
import { errorFor } from './run';

interface AddTextFormProps {
  /** The field's label ("New fact") and the button's text ("Add fact"). */
  label: string;
  button: string;
  placeholder?: string;
  field: string;
  onAdd: (text: string) => Promise<FieldErrors | null>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A one-line add form: the error (from the backend's validation) sits under the field. */
export function AddTextForm({
  label,
  button,
  placeholder,
  field,
  onAdd,
  onCancel,
  autoFocus,
}: AddTextFormProps) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const error = errorFor(errors, field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await onAdd(text);
    setBusy(false);
    if (result === null) return;
    setErrors(result);
    if (Object.keys(result).length === 0) setText('');
  }

  return (
    <form className={`add-form${error ? ' has-error' : ''}`} onSubmit={(e) => void submit(e)}>
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
          aria-describedby={error ? `${inputId}-error` : undefined}
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && onCancel) onCancel();
          }}
        />
        <button type="submit" className="small" disabled={busy}>
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
    </form>
  );
}
