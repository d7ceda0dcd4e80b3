// The offline outbox as the renderer sees it (DESIGN §4): the connection and queue counts for the
// status bar, and the jobs the Queue screen lists. Push events keep both current without a reload.
import { toast } from 'sonner';
import { create } from 'zustand';
import type { ConnectionState, JobView, QueueStatus } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';

export type QueueFilter = 'pending' | 'dead' | 'done' | 'all';

interface QueueState {
  status: QueueStatus | null;
  jobs: JobView[];
  filter: QueueFilter;
  /** True while the Queue screen is open: only then is the job list kept and refreshed. */
  listing: boolean;
  /** The list for the current filter has arrived at least once. */
  loaded: boolean;
  /** Jobs with a retry or discard in flight, so their buttons can be disabled. */
  busy: number[];
  /** Subscribes to the push events and loads the status; returns the unsubscribe function. */
  init: () => () => void;
  loadStatus: () => Promise<void>;
  /** The Queue screen calls this on mount (true) and unmount (false). */
  setListing: (listing: boolean) => void;
  setFilter: (filter: QueueFilter) => void;
  loadJobs: () => Promise<void>;
  retry: (id: number) => Promise<JobView>;
  discard: (id: number) => Promise<void>;
  setWorkOffline: (workOffline: boolean) => Promise<void>;
  applyJob: (job: JobView) => void;
  applyStatus: (status: QueueStatus) => void;
  applyConnection: (connection: ConnectionState) => void;
}

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function matchesFilter(job: JobView, filter: QueueFilter): boolean {
  if (filter === 'pending') return job.state === 'queued' || job.state === 'running';
  if (filter === 'dead') return job.state === 'dead';
  if (filter === 'done') return job.state === 'done';
  return true;
}

/** Pending work in the order it will run; everything else most recent first. */
function sortJobs(jobs: JobView[], filter: QueueFilter): JobView[] {
  const byNext = (a: JobView, b: JobView) => a.nextRunAt - b.nextRunAt || a.id - b.id;
  const byRecent = (a: JobView, b: JobView) => b.updatedAt - a.updatedAt || b.id - a.id;
  return [...jobs].sort(filter === 'pending' ? byNext : byRecent);
}

let listRequest = 0;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** queue_changed normally follows a retry or discard; this only makes sure the counts catch up. */
function refreshStatusQuietly() {
  useQueueStore
    .getState()
    .loadStatus()
    .catch(() => undefined);
}

export const useQueueStore = create<QueueState>()((set, get) => ({
  status: null,
  jobs: [],
  filter: 'pending',
  listing: false,
  loaded: false,
  busy: [],

  init() {
    const { applyJob, applyStatus, applyConnection, loadStatus } = get();
    const offs = [
      baton().on('job_updated', applyJob),
      baton().on('queue_changed', (status) => {
        applyStatus(status);
        // Jobs can appear or vanish without a job_updated (new work, a discard elsewhere):
        // refresh the open list, at most a few times a second while a drain is running.
        if (get().listing && !refreshTimer)
          refreshTimer = setTimeout(() => {
            refreshTimer = null;
            get()
              .loadJobs()
              .catch((err: unknown) => toast.error(`Could not refresh the queue: ${errorMessage(err)}`));
          }, 300);
      }),
      baton().on('online_changed', applyConnection),
    ];
    loadStatus().catch((err: unknown) =>
      toast.error(`Could not read the outbox status: ${errorMessage(err)}`),
    );
    return () => offs.forEach((off) => off());
  },

  async loadStatus() {
    get().applyStatus(await unwrap(baton().queue.status()));
  },

  setListing(listing) {
    set(listing ? { listing } : { listing, jobs: [], loaded: false });
  },

  setFilter(filter) {
    if (filter === get().filter) return;
    set({ filter, jobs: [], loaded: false });
  },

  async loadJobs() {
    const filter = get().filter;
    const request = ++listRequest;
    const fetched = await unwrap(baton().queue.list({ filter, limit: 200 }));
    if (request !== listRequest || get().filter !== filter || !get().listing) return;
    set((state) => {
      // An event may have overtaken this reply: keep whichever copy of a job is newer.
      const local = new Map(state.jobs.map((j) => [j.id, j]));
      const merged = fetched.map((job) => {
        const mine = local.get(job.id);
        return mine && mine.updatedAt > job.updatedAt ? mine : job;
      });
      return {
        jobs: sortJobs(
          merged.filter((j) => matchesFilter(j, filter)),
          filter,
        ),
        loaded: true,
      };
    });
  },

  async retry(id) {
    set((state) => ({ busy: [...state.busy, id] }));
    try {
      const job = await unwrap(baton().queue.retry({ id }));
      get().applyJob(job);
      refreshStatusQuietly();
      return job;
    } finally {
      set((state) => ({ busy: state.busy.filter((b) => b !== id) }));
    }
  },

  async discard(id) {
    set((state) => ({ busy: [...state.busy, id] }));
    try {
      await unwrap(baton().queue.discard({ id }));
      set((state) => ({ jobs: state.jobs.filter((j) => j.id !== id) }));
      refreshStatusQuietly();
    } finally {
      set((state) => ({ busy: state.busy.filter((b) => b !== id) }));
    }
  },

  async setWorkOffline(workOffline) {
    get().applyStatus(await unwrap(baton().connection['set-work-offline']({ workOffline })));
  },

  applyJob(job) {
    set((state) => {
      if (!state.listing) return {};
      const others = state.jobs.filter((j) => j.id !== job.id);
      const current = state.jobs.find((j) => j.id === job.id);
      if (current && current.updatedAt > job.updatedAt) return {};
      if (!matchesFilter(job, state.filter)) return current ? { jobs: others } : {};
      return { jobs: sortJobs([...others, job], state.filter) };
    });
  },

  applyStatus(status) {
    set({ status });
  },

  applyConnection(connection) {
    set((state) => (state.status ? { status: { ...state.status, connection } } : {}));
  },
}));
