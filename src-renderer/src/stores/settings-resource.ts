// A settings section's store: load (with "Could not read…" on failure), save (throws VALIDATION with
// field details, FORBIDDEN…), and the answer main gave last. Sections with more (Test connection,
// live lists) keep their own stores.
import { create } from 'zustand';
import type { Envelope } from '../../../src-preload/contract';
import { unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export interface SettingsResource<V, I> {
  settings: V | null;
  error: string | null;
  load: () => Promise<void>;
  save: (input: I) => Promise<V>;
}

export function createSettingsStore<V, I>(calls: {
  get: () => Promise<Envelope<V>>;
  save: (input: I) => Promise<Envelope<V>>;
}) {
  let request = 0;
  return create<SettingsResource<V, I>>()((set) => ({
    settings: null,
    error: null,
    async load() {
      const mine = ++request;
      set({ error: null });
      try {
        const settings = await unwrap(calls.get());
        if (mine === request) set({ settings });
      } catch (err) {
        if (mine === request) set({ error: errorMessage(err) });
      }
    },
    async save(input) {
      const settings = await unwrap(calls.save(input));
      request++; // a load still on its way is older than this answer
      set({ settings, error: null });
      return settings;
    },
  }));
}
