import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import type { FieldErrors } from './run';
import { errorFor } from './run';

interface InlineEditProps {
  label: string;
  initial: string;
  field: string;
  multiline?: boolean;
  /** Resolves to field errors to show (empty when saved). */
  onSave: (value: string) => Promise<FieldErrors | null>;
  onDone: () => void;
}

/** Edits one text in place: Enter (or Save) saves, Escape (or Cancel) leaves it as it was. */
export function InlineEdit({ label, initial, field, multiline, onSave, onDone }: InlineEditProps) {
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const error = errorFor(errors, field);

  async function save() {
    if (value.trim() === initial.trim()) return onDone();
    setBusy(true);
    const result = await onSave(value);
    setBusy(false);
    if (result === null) return;
    if (Object.keys(result).length === 0) onDone();
    else setErrors(result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  }

  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    value,
    autoFocus: true,
    onKeyDown,
    disabled: busy,
  };
  return (
    <div className={`inline-edit${error ? ' has-error' : ''}`}>
      {multiline ? (
        <textarea rows={2} {...common} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => setValue(e.target.value)} />
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-edit-actions">
        <button type="button" className="small primary" disabled={busy} onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="small" disabled={busy} onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
