import '../../styles/session/trace.css';
import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../src-preload/contract';
import { TEXT_RULES, textProblem } from '../../../../src-preload/text-rules';
import { baton, unwrap } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { errorMessage } from '../../stores/queue-store';

/**
 * The session's title, renamed in place. The first message stays whole as the problem statement:
 * it is the tooltip wherever the title is cut.
 */
export function SessionTitle({ id, title, problem }: { id: string; title: string; problem: string | null }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (editing === null || saving) return;
    const next = editing.trim();
    const invalid = textProblem(TEXT_RULES.sessionTitle, next);
    if (invalid) return setError(invalid);
    if (next === title) return setEditing(null);
    setSaving(true);
    try {
      const summary = await unwrap(baton().sessions.rename({ id, title: next }));
      useAppStore.getState().applySession(summary);
      setEditing(null);
      setError(null);
    } catch (err) {
      // What was typed stays, with the reason beside it.
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      setError(null);
    }
  }

  if (editing !== null)
    return (
      <form className="session-title-form" onSubmit={(e) => void save(e)}>
        <label htmlFor="session-title-input" className="visually-hidden">
          Session title
        </label>
        <input
          id="session-title-input"
          value={editing}
          maxLength={TEXT_LIMITS.sessionTitle + 50}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'session-title-error' : undefined}
          onChange={(e) => {
            setEditing(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="small primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            setEditing(null);
            setError(null);
          }}
        >
          Cancel
        </button>
        {error && (
          <p id="session-title-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    );

  return (
    <div className="session-title-row">
      <h1 id="session-title" title={problem && problem !== title ? problem : title}>
        {title}
      </h1>
      <button
        type="button"
        className="icon-button rename-button"
        aria-label="Rename session"
        title="Rename"
        onClick={() => setEditing(title)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path
            d="M11.5 2.5l2 2L6 12l-3 1 1-3 7.5-7.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </div>
  );
}
