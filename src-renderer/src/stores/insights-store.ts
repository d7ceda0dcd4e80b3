import { create } from 'zustand';
import type { InputOf, InsightsReport } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type InsightsRange = { lastDays: 7 | 30 | 90 } | { from: string; to: string };
export type InsightsFilters = NonNullable<InputOf<'insights:report'>['filters']>;

interface InsightsState {
  range: InsightsRange;
  filters: InsightsFilters;
  report: InsightsReport | null;
  loading: boolean;
  error: string | null;
  setRange: (range: InsightsRange) => void;
  setFilter: <K extends keyof InsightsFilters>(key: K, value: InsightsFilters[K] | undefined) => void;
  clearFilters: () => void;
  load: () => Promise<void>;
}

/** The viewer's own time zone: days on the screen are their local days. */
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let request = 0;

/** The Insights screen's range, filters and the report for them (kept while the screen is closed). */
export const useInsightsStore = create<InsightsState>()((set, get) => ({
  range: { lastDays: 30 },
  filters: {},
  report: null,
  loading: false,
  error: null,
  setRange: (range) => {
    set({ range });
    void get().load();
  },
  setFilter: (key, value) => {
    const filters = { ...get().filters };
    if (value === undefined) delete filters[key];
    else filters[key] = value;
    set({ filters });
    void get().load();
  },
  clearFilters: () => {
    set({ filters: {} });
    void get().load();
  },
  load: async () => {
    const mine = ++request;
    set({ loading: true, error: null });
    try {
      const { range, filters } = get();
      const report = await unwrap(baton().insights.report({ range, filters, timeZone: timeZone() }));
      if (mine === request) set({ report, loading: false });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err), loading: false });
    }
  },
}));
