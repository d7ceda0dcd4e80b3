import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import { toast } from 'sonner';
import { useAppStore } from '../../stores/app-store';

/** The message box: Enter sends, Shift+Enter breaks the line; a failed save keeps the draft. */
export function Composer() {
  const addMessage = useAppStore((s) => s.addMessage);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const body = draft.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      await addMessage(body);
      setDraft('');
    } catch (err) {
      // The draft stays in the box so nothing typed is lost.
      toast.error(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form className="composer" onSubmit={(e) => void send(e)}>
      <label htmlFor="composer-input" className="visually-hidden">
        Message
      </label>
      <textarea
        id="composer-input"
        rows={3}
        value={draft}
        placeholder="Describe the problem or what you just tried…"
        aria-describedby="composer-hint"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <button type="submit" className="primary" disabled={sending || !draft.trim()}>
        {sending ? 'Sending…' : 'Send'}
      </button>
      <span id="composer-hint" className="composer-hint muted">
        <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
      </span>
    </form>
  );
}
