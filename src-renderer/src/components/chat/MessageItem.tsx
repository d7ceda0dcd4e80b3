import { useState } from 'react';
import type { Message } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { useAppStore } from '../../stores/app-store';
import type { OutboxItem } from '../../stores/outbox-store';
import { OutboxStatus } from '../OutboxStatus';
import { TimeAgo } from '../TimeAgo';
import { WarnIcon } from './icons';
import { Markdown } from './LazyMarkdown';
import { ReplyStatus } from './ReplyStatus';
import { RetryButton } from './RetryButton';
import { WithheldBadge } from './WithheldBadge';

/**
 * A technician's message: the text as stored (placeholders where secrets were), the reply's state, the
 * withheld secrets, and for their author "Show withheld", which fills them back in on this screen only.
 */
export function TechnicianMessage({ message }: { message: Message }) {
  const me = useAppStore((s) => s.profile);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const canReveal = message.withheld.length > 0 && me !== null && message.authorId === me.id;

  async function toggle() {
    setRevealError(null);
    if (revealed !== null) return setRevealed(null);
    try {
      setRevealed((await unwrap(baton().messages.reveal({ messageId: message.id }))).body);
    } catch (err) {
      setRevealError(errorMessage(err));
    }
  }

  return (
    <li className="message message-user">
      <div className="message-meta">
        <strong>{message.authorName ?? 'You'}</strong>
        <TimeAgo at={message.createdAt} />
      </div>
      <div className={`message-body${revealed !== null ? ' message-revealed' : ''}`}>
        {revealed ?? message.body}
      </div>
      {(message.withheld.length > 0 ||
        message.reply.state === 'waiting' ||
        message.reply.state === 'failed') && (
        <div className="message-footer">
          <WithheldBadge withheld={message.withheld} />
          {canReveal && (
            <button
              type="button"
              className="link small withheld-show"
              aria-pressed={revealed !== null}
              onClick={() => void toggle()}
            >
              {revealed !== null ? 'Hide withheld' : 'Show withheld'}
            </button>
          )}
          <ReplyStatus message={message} />
        </div>
      )}
      {revealError && (
        <p className="form-error" role="alert">
          {revealError}
        </p>
      )}
    </li>
  );
}

/** A technician's note not stored yet: as typed, with "Saving…", or why it failed with Retry. */
export function PendingMessage({ item }: { item: OutboxItem }) {
  return (
    <li className={`message message-user message-pending${item.state === 'failed' ? ' message-failed' : ''}`}>
      <div className="message-meta">
        <strong>You</strong>
      </div>
      <div className="message-body">{item.text}</div>
      <div className="message-footer">
        <OutboxStatus item={item} noun="note" />
      </div>
    </li>
  );
}

/** An assistant reply: markdown, growing with a caret while it streams, kept if the stream was cut. */
export function AssistantMessage({ message, request }: { message: Message; request: Message | undefined }) {
  const streaming = message.status === 'streaming';
  const incomplete = message.status === 'incomplete';
  return (
    <li
      className={`message message-assistant${streaming ? ' streaming' : ''}${incomplete ? ' incomplete' : ''}`}
      aria-busy={streaming || undefined}
    >
      <div className="message-meta">
        <strong>Assistant</strong>
        {streaming ? <span>replying…</span> : <TimeAgo at={message.createdAt} />}
      </div>
      {message.body ? (
        <Markdown text={message.body} />
      ) : (
        streaming && <span className="caret caret-alone" aria-hidden="true" />
      )}
      {incomplete && (
        <div className="message-notice">
          <WarnIcon />
          <span>Connection lost mid-reply — the partial answer is kept</span>
          {request?.reply.state === 'failed' && <RetryButton messageId={request.id} />}
        </div>
      )}
    </li>
  );
}

export function SystemMessage({ message }: { message: Message }) {
  return (
    <li className="message message-system">
      <div className="message-body">{message.body}</div>
    </li>
  );
}
