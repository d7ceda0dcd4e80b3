import { useEffect } from 'react';
import type { MyHandoff } from '../../../../src-preload/contract';
import { useAppStore } from '../../stores/app-store';
import { useMyHandoffsStore } from '../../stores/my-handoffs-store';
import { TimeAgo, clockTime } from '../TimeAgo';
import { IntentBadge, PriorityBadge } from './Badges';

/** Where one of mine stands, in words. */
function StateLine({ handoff }: { handoff: MyHandoff }) {
  switch (handoff.state) {
    case 'waiting':
      return <>Waiting for a senior since {clockTime(handoff.createdAt)}</>;
    case 'picked-up':
      return (
        <>
          Picked up by <strong>{handoff.claimedByName ?? 'a senior'}</strong>{' '}
          {handoff.claimedAt !== null && <TimeAgo at={handoff.claimedAt} />}
        </>
      );
    case 'resumed':
      return <>You resumed it</>;
    case 'resolved':
      return handoff.claimedByName ? <>Resolved after {handoff.claimedByName} picked it up</> : <>Resolved</>;
  }
}

const openSession = (id: string) => void useAppStore.getState().openSession(id);

/**
 * The technician's "My handoffs" (issue 15): what this profile escalated or parked, newest first, and
 * who picked each up. The title opens the session. Kept live by push events while it is shown.
 */
export function MyHandoffs({ tabId }: { tabId: string }) {
  const items = useMyHandoffsStore((s) => s.items);
  const loaded = useMyHandoffsStore((s) => s.loaded);
  const loadError = useMyHandoffsStore((s) => s.loadError);

  useEffect(() => {
    const { load, listen } = useMyHandoffsStore.getState();
    const off = listen();
    void load();
    return off;
  }, []);

  return (
    <div className="handoffs-body" role="tabpanel" id="handoffs-panel-mine" aria-labelledby={tabId}>
      {loadError && (
        <div className="handoffs-error" role="alert">
          Could not load your handoffs: {loadError}{' '}
          <button type="button" className="small" onClick={() => void useMyHandoffsStore.getState().load()}>
            Try again
          </button>
        </div>
      )}
      {!loaded ? (
        <div className="content-loading" aria-busy="true" />
      ) : items.length > 0 ? (
        <ul className="my-handoff-list" aria-label="My handoffs">
          {items.map((h) => (
            <MyHandoffRow key={h.id} handoff={h} />
          ))}
        </ul>
      ) : (
        !loadError && (
          <div className="handoffs-empty">
            <div className="handoffs-empty-icon" aria-hidden="true">
              ⇄
            </div>
            <p>
              Nothing handed off yet. When you escalate or park a session it shows here with who picked it up.
            </p>
          </div>
        )
      )}
    </div>
  );
}

function MyHandoffRow({ handoff }: { handoff: MyHandoff }) {
  const titleId = `my-handoff-${handoff.id}-title`;
  return (
    <li
      className={`handoff-card my-handoff card priority-edge-${handoff.priority} state-${handoff.state}`}
      aria-labelledby={titleId}
    >
      <div className="handoff-card-top">
        <h2 className="handoff-card-title" id={titleId}>
          <button
            type="button"
            className="handoff-open"
            title={handoff.sessionTitle}
            onClick={() => openSession(handoff.sessionId)}
          >
            {handoff.sessionTitle}
          </button>
        </h2>
        <PriorityBadge priority={handoff.priority} />
      </div>
      <p className="handoff-card-reason">
        <IntentBadge intent={handoff.intent} />
        <span className="my-handoff-reason">
          {handoff.reason || <span className="muted">No reason given</span>}
        </span>
      </p>
      <div className="handoff-card-meta">
        <span className={`my-handoff-state my-handoff-${handoff.state}`}>
          <span className="my-handoff-dot" aria-hidden="true" />
          <span>
            <StateLine handoff={handoff} />
          </span>
        </span>
        {handoff.targetUserName && <span>for {handoff.targetUserName}</span>}
        {handoff.ticketNumber && <span className="ticket-number">{handoff.ticketNumber}</span>}
      </div>
    </li>
  );
}
