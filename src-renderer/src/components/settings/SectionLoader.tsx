import type { ReactNode } from 'react';

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
