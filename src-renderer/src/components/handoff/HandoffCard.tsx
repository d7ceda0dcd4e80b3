import type { Ref } from 'react';
import { memo } from 'react';
import type { HandoffCard as Card } from '../../../../src-preload/contract';
import { TimeAgo } from '../TimeAgo';
import { AssessmentState, IntentBadge, PriorityBadge } from './Badges';

/** One waiting handoff in the queue. The title opens it read-only (the whole card is its target);
 * Claim picks it up. In the virtualized queue the card is placed at `top` (px, inside the list) and
 * measured through `measureRef`; `index` and `setSize` tell assistive technology where it sits among
 * all the waiting ones, not only the few rendered. Memoized: the callbacks take the id, so scrolling
 * re-renders no card whose place and data stay the same. */
export const HandoffCard = memo(function HandoffCard({
  handoff,
  claiming,
  onOpen,
  onClaim,
  index,
  setSize,
  top,
  measureRef,
}: {
  handoff: Card;
  claiming: boolean;
  onOpen: (id: string) => void;
  onClaim: (id: string) => void;
  index: number;
  setSize: number;
  top: number;
  measureRef?: Ref<HTMLLIElement>;
}) {
  const titleId = `handoff-${handoff.id}-title`;
  return (
    <li
      ref={measureRef}
      data-index={index}
      className={`handoff-card card priority-edge-${handoff.priority}${handoff.unread ? ' unread' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      aria-labelledby={titleId}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      <div className="handoff-card-top">
        {handoff.unread && (
          <span className="unread-dot" role="img" aria-label="Unread" title="Not opened yet" />
        )}
        <h2 className="handoff-card-title" id={titleId}>
          <button type="button" className="handoff-open" onClick={() => onOpen(handoff.id)}>
            {handoff.sessionTitle}
          </button>
        </h2>
        {handoff.overdue && (
          <span className="badge badge-overdue" title="Waiting longer than allowed for its priority">
            Overdue
          </span>
        )}
        <PriorityBadge priority={handoff.priority} />
      </div>
      <p className="handoff-card-reason">
        <IntentBadge intent={handoff.intent} />
        <span>{handoff.reason || <span className="muted">No reason given</span>}</span>
      </p>
      <div className="handoff-card-meta">
        <span>
          {handoff.handedOffByName} · <TimeAgo at={handoff.createdAt} />
        </span>
        {handoff.targetUserName && <span>for {handoff.targetUserName}</span>}
        <span className="ticket-number">{handoff.ticketNumber}</span>
        <AssessmentState state={handoff.assessmentState} />
        <button
          type="button"
          className="primary claim-button"
          disabled={claiming}
          aria-label={`Claim “${handoff.sessionTitle}”`}
          onClick={() => onClaim(handoff.id)}
        >
          {claiming ? 'Claiming…' : 'Claim'}
        </button>
      </div>
    </li>
  );
});
