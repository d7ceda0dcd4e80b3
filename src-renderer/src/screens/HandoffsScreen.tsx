import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { BriefingDetails } from '../components/handoff/BriefingDetails';
import type { QueuePlace } from '../components/handoff/HandoffList';
import { CheckConnectWise } from '../components/handoff/CheckConnectWise';
import { HandoffList } from '../components/handoff/HandoffList';
import type { HandoffSort } from '../stores/handoff-store';
import { useHandoffStore } from '../stores/handoff-store';
import '../handoff.css';

const openCard = (id: string) => void useHandoffStore.getState().open(id);
const claimCard = (id: string) => void useHandoffStore.getState().claim(id);
const loadMoreCards = () => void useHandoffStore.getState().loadMore();

/** The team's queue of unclaimed handoffs, newest first (or by priority), kept live by push events. */
export function HandoffsScreen() {
  const queue = useHandoffStore((s) => s.queue);
  const total = useHandoffStore((s) => s.total);
  const unread = useHandoffStore((s) => s.unread);
  const loaded = useHandoffStore((s) => s.loaded);
  const loadError = useHandoffStore((s) => s.loadError);
  const sort = useHandoffStore((s) => s.sort);
  const viewing = useHandoffStore((s) => s.viewing);
  const claiming = useHandoffStore((s) => s.claiming);
  const { load, setSort, claim, closeViewing } = useHandoffStore.getState();
  // Where each sort's list was scrolled and which card had focus: survives reading a card and coming
  // back (the list unmounts meanwhile); switching to the other sort starts it at the top.
  const newestPlace = useRef<QueuePlace>({ offset: 0, focusId: null });
  const priorityPlace = useRef<QueuePlace>({ offset: 0, focusId: null });
  const placeOf = (value: HandoffSort) => (value === 'newest' ? newestPlace : priorityPlace);

  useEffect(() => {
    void useHandoffStore.getState().load();
    return () => useHandoffStore.getState().closeViewing();
  }, []);

  if (viewing) {
    return (
      <HandoffDetail
        key={viewing.id}
        claimed={Boolean(viewing.claimedById)}
        claiming={claiming.includes(viewing.id)}
        onBack={closeViewing}
        onClaim={() => void claim(viewing.id)}
      >
        <BriefingDetails handoff={viewing} />
      </HandoffDetail>
    );
  }

  const errorBanner = loadError ? (
    <div className="handoffs-error" role="alert">
      Could not load handoffs: {loadError}{' '}
      <button type="button" className="small" onClick={() => void load()}>
        Try again
      </button>
    </div>
  ) : null;
  return (
    <section className="handoffs-view" aria-labelledby="handoffs-title">
      <header className="handoffs-header">
        <div>
          <h1 id="handoffs-title">Handoffs</h1>
          <p className="muted">
            {total === 0
              ? 'Nothing waiting for a senior.'
              : `${total} waiting${unread ? `, ${unread} unread` : ''}`}
          </p>
        </div>
        <CheckConnectWise />
        <div className="sort-toggle" role="group" aria-label="Sort handoffs">
          {(
            [
              ['newest', 'Newest'],
              ['priority', 'Priority'],
            ] as [HandoffSort, string][]
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={sort === value}
              className={sort === value ? 'selected' : ''}
              onClick={() => {
                if (value !== sort) placeOf(value).current = { offset: 0, focusId: null };
                setSort(value);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      {loaded && queue.length > 0 ? (
        <HandoffList
          key={sort}
          queue={queue}
          total={total}
          loadMore={loadMoreCards}
          claiming={claiming}
          onOpen={openCard}
          onClaim={claimCard}
          place={placeOf(sort)}
          above={errorBanner}
        />
      ) : (
        <div className="handoffs-body">
          {errorBanner}
          {!loaded ? (
            <div className="content-loading" aria-busy="true" />
          ) : (
            !loadError && (
              <div className="handoffs-empty">
                <div className="handoffs-empty-icon" aria-hidden="true">
                  ⇄
                </div>
                <p>No handoffs waiting. When a technician escalates, it shows up here.</p>
              </div>
            )
          )}
        </div>
      )}
    </section>
  );
}

function HandoffDetail(props: {
  claimed: boolean;
  claiming: boolean;
  onBack: () => void;
  onClaim: () => void;
  children: ReactNode;
}) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <section className="handoffs-view" aria-label="Handoff details">
      <header className="handoffs-header">
        <button type="button" ref={back} onClick={props.onBack}>
          ← Back to handoffs
        </button>
        {!props.claimed && (
          <button type="button" className="primary" disabled={props.claiming} onClick={props.onClaim}>
            {props.claiming ? 'Claiming…' : 'Claim'}
          </button>
        )}
      </header>
      <div className="handoffs-body">{props.children}</div>
    </section>
  );
}
