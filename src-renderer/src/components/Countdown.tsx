import { format, formatDistanceStrict } from 'date-fns';
import { useSyncExternalStore } from 'react';

// A one-second clock, running only while something on screen counts down.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(notify: () => void) {
  listeners.add(notify);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((n) => n());
    }, 1000);
  }
  return () => {
    listeners.delete(notify);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** "in 30 seconds", "in 2 minutes", or "now" once the time has come; exact time in the tooltip. */
export function Countdown({ at }: { at: number }) {
  const current = useSyncExternalStore(subscribe, () => now);
  const label = at - current < 1000 ? 'now' : formatDistanceStrict(at, current, { addSuffix: true });
  return (
    <time dateTime={new Date(at).toISOString()} title={format(at, 'PPpp')}>
      {label}
    </time>
  );
}
