import { format, formatDistanceToNowStrict, isToday } from 'date-fns';
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = Date.now();
setInterval(() => {
  current = Date.now();
  listeners.forEach((notify) => notify());
}, 30_000);

/** One shared clock for every relative time on screen, ticking every half minute. */
function useNow(): number {
  return useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => current,
  );
}

/** "2 min ago", refreshed every half minute; the exact time is in the tooltip. */
export function TimeAgo({ at }: { at: number }) {
  const now = useNow();
  const label = now - at < 45_000 ? 'just now' : `${formatDistanceToNowStrict(at)} ago`;
  return (
    <time dateTime={new Date(at).toISOString()} title={format(at, 'PPpp')}>
      {label}
    </time>
  );
}

/** "10:42 AM" today, "3 Mar, 10:42 AM" before: when something started waiting. */
export const clockTime = (at: number) => format(at, isToday(at) ? 'p' : 'd MMM, p');
