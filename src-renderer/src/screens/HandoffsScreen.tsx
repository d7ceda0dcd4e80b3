import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { BriefingDetails } from '../components/handoff/BriefingDetails';
import type { QueuePlace } from '../components/handoff/HandoffList';
import { CheckConnectWise } from '../components/handoff/CheckConnectWise';
import { HandoffList } from '../components/handoff/HandoffList';
import { MyHandoffs } from '../components/handoff/MyHandoffs';
import { useAppStore } from '../stores/app-store';
import type { HandoffSort } from '../stores/handoff-store';
import { useHandoffStore } from '../stores/handoff-store';
import type { HandoffsTab } from '../stores/my-handoffs-store';
import { defaultTab, useMyHandoffsStore } from '../stores/my-handoffs-store';
import '../handoff.css';

const openCard = (id: string) => void useHandoffStore.getState().open(id);
const claimCard = (id: string) => void useHandoffStore.getState().claim(id);
const loadMoreCards = () => void useHandoffStore.getState().loadMore();

const TABS: [HandoffsTab, string][] = [
  ['queue', 'Waiting for a senior'],
  ['mine', 'My handoffs'],
];
const tabId = (tab: HandoffsTab) => `handoffs-tab-${tab}`;

/** Two tabs: the team's queue of unclaimed handoffs, newest first (or by priority), kept live by push
 * events; and "My handoffs", what this profile handed off and where each stands. A senior starts on
 * the queue, anyone else on their own. */
export function HandoffsScreen() {
  const role = useAppStore((s) => s.profile?.role);
  const senior = defaultTab(role) === 'queue';
  const tab = useMyHandoffsStore((s) => s.tab) ?? defaultTab(role);
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
      <header className="handoffs-header with-tabs">
        <div>
          <h1 id="handoffs-title">Handoffs</h1>
          <p className="muted">
            {tab === 'mine'
              ? 'What you escalated or parked, newest first.'
              : !senior
                ? 'Seniors pick up handoffs from this queue.'
                : total === 0
                  ? 'Nothing waiting for a senior.'
                  : `${total} waiting${unread ? `, ${unread} unread` : ''}`}
          </p>
        </div>
        {/* A technician's queue is always empty (only seniors see it): nothing to check or sort. */}
        {tab === 'queue' && senior && <CheckConnectWise />}
        {tab === 'queue' && senior && (
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
        )}
      </header>
      <HandoffsTabs tab={tab} />
      {tab === 'mine' ? (
        <MyHandoffs tabId={tabId('mine')} />
      ) : (
        <div
          className="handoffs-tabpanel"
          role="tabpanel"
          id="handoffs-panel-queue"
          aria-labelledby={tabId('queue')}
        >
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
                    <p>
                      {senior
                        ? 'No handoffs waiting. When a technician escalates, it shows up here.'
                        : 'Only seniors pick up handoffs from this queue. What you escalate or park is under My handoffs.'}
                    </p>
                  </div>
                )
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The tab bar (WAI-ARIA tabs, automatic activation): the chosen tab is the one Tab stops on; the arrow
 * keys, Home and End move between them. Written here rather than taken from a library: two tabs and a
 * dozen lines of keys, not worth a new dependency in the lockfile.
 */
function HandoffsTabs({ tab }: { tab: HandoffsTab }) {
  const { setTab } = useMyHandoffsStore.getState();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex(([value]) => value === tab);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const [value] = TABS[next]!;
    setTab(value);
    document.getElementById(tabId(value))?.focus();
  };
  return (
    <div className="handoffs-tabs" role="tablist" aria-label="Handoffs" onKeyDown={onKeyDown}>
      {TABS.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="tab"
          id={tabId(value)}
          aria-selected={tab === value}
          aria-controls={`handoffs-panel-${value}`}
          tabIndex={tab === value ? 0 : -1}
          className={tab === value ? 'selected' : ''}
          onClick={() => setTab(value)}
        >
          {label}
        </button>
      ))}
    </div>
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
