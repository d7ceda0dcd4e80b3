import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { SettingsResource } from '../../stores/settings-resource';

/** A settings section's three states: could not load (with Try again), loading, loaded. */
export function SectionLoader<T>(props: {
  value: T | null;
  failure: string | null;
  /** What could not be read, e.g. "the AI settings". */
  what: string;
  retry: () => void;
  children: (value: T) => ReactNode;
}) {
  if (props.failure)
    return (
      <p className="form-error" role="alert">
        Could not read {props.what}: {props.failure}{' '}
        <button type="button" className="link" onClick={props.retry}>
          Try again
        </button>
      </p>
    );
  if (!props.value)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  return props.children(props.value);
}

/** SectionLoader for a section whose store came from createSettingsStore: loads it on mount. */
export function StoreSectionLoader<V, I>(props: {
  store: UseBoundStore<StoreApi<SettingsResource<V, I>>>;
  what: string;
  children: (value: V) => ReactNode;
}) {
  const { store } = props;
  const settings = store((s) => s.settings);
  const failure = store((s) => s.error);
  const load = store((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <SectionLoader value={settings} failure={failure} what={props.what} retry={() => void load()}>
      {props.children}
    </SectionLoader>
  );
}
