import type { Message } from '../../../../src-preload/contract';
import { TimeAgo } from '../TimeAgo';
import { WarnIcon } from './icons';
import { Markdown } from './LazyMarkdown';
import { ReplyStatus } from './ReplyStatus';
import { RetryButton } from './RetryButton';
import { WithheldBadge } from './WithheldBadge';

/** A technician's message: plain text as typed, the reply's state, withheld secrets. */
export function TechnicianMessage({ message }: { message: Message }) {
  return (
    <li className="message message-user">
      <div className="message-meta">
        <strong>{message.authorName ?? 'You'}</strong>
        <TimeAgo at={message.createdAt} />
      </div>
      <div className="message-body">{message.body}</div>
      {(message.withheld.length > 0 ||
        message.reply.state === 'waiting' ||
        message.reply.state === 'failed') && (
        <div className="message-footer">
          <WithheldBadge withheld={message.withheld} />
          <ReplyStatus message={message} />
        </div>
      )}
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
