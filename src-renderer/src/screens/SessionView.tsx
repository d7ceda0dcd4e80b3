import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { StatusBadge } from '../components/StatusBadge';
import { TimeAgo } from '../components/TimeAgo';
import { useAppStore } from '../stores/app-store';

export function SessionView() {
  const detail = useAppStore((s) => s.detail);
  const addMessage = useAppStore((s) => s.addMessage);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);
  const messageCount = detail?.messages.length ?? 0;

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messageCount]);

  if (!detail) return <div className="content-loading" aria-busy="true" />;

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
    <section className="session-view" aria-labelledby="session-title">
      <header className="session-header">
        <div>
          <h1 id="session-title">{detail.title}</h1>
          <p className="muted">
            Started <TimeAgo at={detail.createdAt} /> · {detail.messages.length}{' '}
            {detail.messages.length === 1 ? 'entry' : 'entries'}
          </p>
        </div>
        <StatusBadge status={detail.status} />
      </header>
      <ol className="conversation" aria-label="Conversation" aria-live="polite">
        {detail.messages.length === 0 && (
          <li className="conversation-empty muted">
            Describe the problem: what the user sees, which device, what changed. Notes are saved as you go.
          </li>
        )}
        {detail.messages.map((m) => (
          <li key={m.id} className={`message message-${m.role}`}>
            <div className="message-meta">
              <strong>{m.role === 'assistant' ? 'Assistant' : (m.authorName ?? 'You')}</strong>
              <TimeAgo at={m.createdAt} />
            </div>
            <div className="message-body">{m.body}</div>
          </li>
        ))}
        <div ref={endRef} />
      </ol>
      <form className="composer" onSubmit={(e) => void send(e)}>
        <label htmlFor="composer-input" className="visually-hidden">
          Note
        </label>
        <textarea
          id="composer-input"
          rows={3}
          value={draft}
          placeholder="Type a note or describe the problem… (Enter to save, Shift+Enter for a new line)"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
        />
        <button type="submit" className="primary" disabled={sending || !draft.trim()}>
          {sending ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}
