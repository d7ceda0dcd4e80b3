import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../src-preload/contract';
import { TEXT_RULES } from '../../../../src-preload/text-rules';
import { COMPOSER_INPUT_ID, useAppStore } from '../../stores/app-store';
import { currentDraft, useDraft } from '../../stores/drafts-store';
import { LimitNote, schemaError, useTextLimit } from '../TextLimit';

const LIMIT = { max: TEXT_LIMITS.message, noun: 'a message', hint: 'Paste the part around the error.' };

/**
 * The message box: Enter sends, Shift+Enter breaks the line. Sending hands the text to the outbox
 * and clears the box at once, so the next note can be typed while the last one is saved; the note
 * shows in the conversation (with Retry if saving fails). What is typed but not sent is kept per
 * session, across view and session switches.
 */
export function Composer({ sessionId }: { sessionId: string }) {
  const sendMessage = useAppStore((s) => s.sendMessage);
  const key = `message:${sessionId}`;
  const [draft = '', setDraft] = useDraft(key);
  const [problem, setProblem] = useState<string | null>(null);
  const { refusal, onPaste, clearRefusal } = useTextLimit(LIMIT);

  function send(event?: FormEvent) {
    event?.preventDefault();
    // The box as it is now, not as it was when this handler was rendered.
    const body = (currentDraft(key) ?? '').trim();
    if (!body) return;
    const invalid = schemaError(TEXT_RULES.message, body);
    if (invalid) return setProblem(invalid);
    setDraft(undefined);
    setProblem(null);
    clearRefusal();
    sendMessage(sessionId, body);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form className="composer" onSubmit={send}>
      <label htmlFor={COMPOSER_INPUT_ID} className="visually-hidden">
        Message
      </label>
      <textarea
        id={COMPOSER_INPUT_ID}
        rows={3}
        value={draft}
        placeholder="Describe the problem or what you just tried…"
        aria-describedby="composer-hint composer-limit"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value === '' ? undefined : e.target.value);
          setProblem(null);
          clearRefusal();
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <button type="submit" className="primary" disabled={!draft.trim()}>
        Send
      </button>
      <div className="composer-foot">
        <span id="composer-hint" className="composer-hint muted">
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
        </span>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <LimitNote id="composer-limit" value={draft} max={LIMIT.max} refusal={refusal} />
      </div>
    </form>
  );
}
