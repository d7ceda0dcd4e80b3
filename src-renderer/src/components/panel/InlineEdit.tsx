import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { currentDraft, useDraft } from '../../stores/drafts-store';
import type { Limit } from '../TextLimit';
import { LimitNote, useTextLimit } from '../TextLimit';

interface InlineEditProps {
  label: string;
  /** The draft that holds the text while the editor is open (its presence keeps it open). */
  draftKey: string;
  /** The text as shown now: saving it unchanged just closes the editor. */
  initial: string;
  multiline?: boolean;
  limit: Limit;
  /** The contract's message for a text it would refuse, or null. */
  check: (value: string) => string | null;
  /** Hands the new text over for saving; the editor closes at once. */
  onSave: (value: string) => void;
}

/** Edits one text in place: Enter (or Save) saves, Escape (or Cancel) leaves it as it was. */
export function InlineEdit({ label, draftKey, initial, multiline, limit, check, onSave }: InlineEditProps) {
  const [value = '', setValue] = useDraft(draftKey);
  const [error, setError] = useState<string | null>(null);
  const { refusal, onPaste, clearRefusal } = useTextLimit(limit);
  const errorId = useId();
  const close = () => setValue(undefined);

  function save() {
    const typed = (currentDraft(draftKey) ?? '').trim();
    if (typed === initial.trim()) return close();
    const problem = check(typed);
    if (problem) return setError(problem);
    close();
    onSave(typed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  }

  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${error ? `${errorId} ` : ''}${errorId}-limit`,
    value,
    autoFocus: true,
    onKeyDown,
    onPaste,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      setError(null);
      clearRefusal();
    },
  };
  return (
    <div className={`inline-edit${error ? ' has-error' : ''}`}>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <LimitNote id={`${errorId}-limit`} value={value} max={limit.max} refusal={refusal} />
      <div className="inline-edit-actions">
        <button type="button" className="small primary" onClick={save}>
          Save
        </button>
        <button type="button" className="small" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
