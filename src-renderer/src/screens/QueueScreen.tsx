import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { JobView } from '../../../src-preload/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { JobRow } from '../components/JobRow';
import { useAppStore } from '../stores/app-store';
import type { QueueFilter } from '../stores/queue-store';
import { errorMessage, useQueueStore } from '../stores/queue-store';
import '../queue.css';

const FILTERS: { id: QueueFilter; label: string }[] = [
  { id: 'pending', label: 'Pending' },
  { id: 'dead', label: 'Failed' },
  { id: 'done', label: 'Done' },
  { id: 'all', label: 'All' },
];

const EMPTY: Record<QueueFilter, { title: string; text: string }> = {
  pending: { title: 'Nothing waiting.', text: 'Everything you did has been sent.' },
  dead: { title: 'Nothing failed.', text: 'Anything Baton gives up on sending shows up here to retry.' },
  done: { title: 'Nothing sent yet.', text: 'Items appear here once they have been delivered.' },
  all: {
    title: 'The queue is empty.',
    text: 'AI replies, emails and PSA notes wait here until they can be sent.',
  },
};

type Failure = { filter: QueueFilter; message: string } | null;

/** Loads the list for a filter; a failure is remembered for that filter and shown as a toast. */
function loadFilter(filter: QueueFilter, setFailure: (failure: Failure) => void) {
  return useQueueStore
    .getState()
    .loadJobs()
    .then(
      () => setFailure(null),
      (err: unknown) => {
        setFailure({ filter, message: errorMessage(err) });
        toast.error(`Could not load the queue: ${errorMessage(err)}`);
      },
    );
}

/** The outbox: everything waiting to be sent, sent, or given up on, with Retry and Discard. */
export function QueueScreen() {
  const status = useQueueStore((s) => s.status);
  const jobs = useQueueStore((s) => s.jobs);
  const filter = useQueueStore((s) => s.filter);
  const loaded = useQueueStore((s) => s.loaded);
  const busy = useQueueStore((s) => s.busy);
  const { setListing, setFilter, retry, discard } = useQueueStore.getState();
  const openSession = useAppStore((s) => s.openSession);
  const [failure, setFailure] = useState<Failure>(null);
  const [confirming, setConfirming] = useState<JobView | null>(null);
  const tabRefs = useRef(new Map<QueueFilter, HTMLButtonElement>());
  const panelRef = useRef<HTMLDivElement>(null);
  const held = status ? !status.connection.online || status.connection.workOffline : false;

  useEffect(() => {
    setListing(true);
    return () => setListing(false);
  }, [setListing]);

  useEffect(() => void loadFilter(filter, setFailure), [filter]);
  const failed = failure?.filter === filter ? failure.message : null;

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = FILTERS.findIndex((f) => f.id === filter);
    const next = {
      ArrowRight: (index + 1) % FILTERS.length,
      ArrowLeft: (index + FILTERS.length - 1) % FILTERS.length,
      Home: 0,
      End: FILTERS.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFilter(FILTERS[next]!.id);
    tabRefs.current.get(FILTERS[next]!.id)?.focus();
  }

  const counts: Partial<Record<QueueFilter, number>> = status
    ? { pending: status.waiting + status.running, dead: status.dead }
    : {};

  const onRetry = (job: JobView) =>
    retry(job.id)
      .then(() => toast.success(`Queued to send again: ${job.label}`))
      .catch((err: unknown) => toast.error(`Could not retry: ${errorMessage(err)}`));

  const onDiscard = (job: JobView) =>
    discard(job.id)
      .then(() => {
        toast.success(`Discarded: ${job.label}`);
        panelRef.current?.focus();
      })
      .catch((err: unknown) => toast.error(`Could not discard: ${errorMessage(err)}`));

  const open = (id: string) =>
    openSession(id).catch((err: unknown) => toast.error(`Could not open the session: ${errorMessage(err)}`));

  return (
    <section className="queue-view" aria-labelledby="queue-title">
      <header className="queue-header">
        <h1 id="queue-title">Queue</h1>
        <p className="muted">
          Everything Baton sends for you — AI replies, emails, PSA notes — is saved here first and sent when
          there is a connection.
        </p>
      </header>
      <div className="queue-tabs" role="tablist" aria-label="Filter the queue">
        {FILTERS.map((f) => {
          const selected = f.id === filter;
          const count = counts[f.id];
          return (
            <button
              key={f.id}
              ref={(el) => {
                if (el) tabRefs.current.set(f.id, el);
                else tabRefs.current.delete(f.id);
              }}
              type="button"
              role="tab"
              id={`queue-tab-${f.id}`}
              aria-selected={selected}
              aria-controls="queue-panel"
              tabIndex={selected ? 0 : -1}
              className={`queue-tab${selected ? ' selected' : ''}`}
              onClick={() => setFilter(f.id)}
              onKeyDown={onTabKey}
            >
              {f.label}
              {count ? (
                <span className={`tab-count${f.id === 'dead' ? ' tab-count-alert' : ''}`}>{count}</span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div
        id="queue-panel"
        ref={panelRef}
        className="queue-panel"
        role="tabpanel"
        aria-labelledby={`queue-tab-${filter}`}
        aria-busy={!loaded && !failed}
        tabIndex={-1}
      >
        {failed ? (
          <div className="queue-empty" role="alert">
            <h2>The queue could not be loaded</h2>
            <p className="muted">{failed}</p>
            <button
              type="button"
              onClick={() => {
                setFailure(null);
                void loadFilter(filter, setFailure);
              }}
            >
              Try again
            </button>
          </div>
        ) : !loaded ? null : jobs.length === 0 ? (
          <div className="queue-empty">
            {(filter === 'pending' || filter === 'dead') && (
              <span className="queue-empty-icon" aria-hidden="true">
                ✓
              </span>
            )}
            <h2>{EMPTY[filter].title}</h2>
            <p className="muted">{EMPTY[filter].text}</p>
          </div>
        ) : (
          <table className="jobs" aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">State</th>
                <th scope="col">Next try</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow
                  key={job.id}
                  job={job}
                  held={held}
                  busy={busy.includes(job.id)}
                  onOpenSession={(id) => void open(id)}
                  onRetry={(j) => void onRetry(j)}
                  onDiscard={setConfirming}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(isOpen) => !isOpen && setConfirming(null)}
        title="Discard this item?"
        description={
          <>
            <strong>{confirming?.label}</strong> will not be sent, and it is removed from the queue. This
            cannot be undone.
          </>
        }
        confirmLabel="Discard"
        cancelLabel="Keep it"
        danger
        onConfirm={() => confirming && void onDiscard(confirming)}
      />
    </section>
  );
}
