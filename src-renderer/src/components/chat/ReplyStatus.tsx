import type { Message } from '../../../../src-preload/contract';
import { ClockIcon, WarnIcon } from './icons';
import { RetryButton } from './RetryButton';

/** Under a technician message: what became of the reply it asked for. */
export function ReplyStatus({ message }: { message: Message }) {
  const { state, error } = message.reply;
  if (state === 'waiting')
    return (
      <p className="reply-state reply-waiting">
        <ClockIcon />
        {/* With an error, the wait is on the AI endpoint itself, not on the network. */}
        {error
          ? `Reply will arrive when the AI assistant answers again. ${error}`
          : "Reply will arrive when you're back online"}
      </p>
    );
  if (state === 'failed')
    return (
      <div className="reply-state reply-failed">
        <WarnIcon />
        <span className="reply-failed-text">Reply failed: {error ?? 'the assistant did not answer'}</span>
        <RetryButton messageId={message.id} />
      </div>
    );
  return null;
}

/** "Assistant is thinking…" while a reply is being asked for and no text has arrived yet. */
export function ThinkingRow() {
  return (
    <li className="thinking-row">
      <span className="thinking" role="status">
        <span className="thinking-dots" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        Assistant is thinking…
      </span>
    </li>
  );
}
