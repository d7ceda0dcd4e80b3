import type { ReactNode } from 'react';
import type { View } from '../stores/app-store';
import { useAppStore } from '../stores/app-store';
import { useHandoffStore } from '../stores/handoff-store';
import { useQueueStore } from '../stores/queue-store';
import { ChartIcon, ChatIcon, GearIcon, HandoffIcon, OutboxIcon } from './chat/icons';
import '../queue.css';

/** The sidebar's switch between the sessions, the handoffs queue, the outbox queue, Insights and
 * settings. In the collapsed sidebar only the icons show; the names stay the buttons' accessible names. */
export function ViewNav() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const waiting = useQueueStore((s) => s.status?.waiting ?? 0);
  const dead = useQueueStore((s) => s.status?.dead ?? 0);
  const queueCount = waiting + dead;
  const unreadHandoffs = useHandoffStore((s) => s.unread);

  const item = (
    target: View,
    label: string,
    icon: ReactNode,
    count: number,
    countLabel: string,
    alert = false,
  ) => (
    <li>
      <button
        type="button"
        className={`view-nav-item${view === target ? ' selected' : ''}`}
        aria-current={view === target ? 'page' : undefined}
        title={label}
        onClick={() => setView(target)}
      >
        <span className="view-nav-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="view-nav-label">{label}</span>
        {count > 0 && (
          <>
            <span className={`nav-count${alert ? ' nav-count-alert' : ''}`} aria-hidden="true">
              {count}
            </span>
            <span className="visually-hidden">, {countLabel}</span>
          </>
        )}
      </button>
    </li>
  );

  return (
    <nav className="view-nav" aria-label="Views">
      <ul>
        {item('sessions', 'Sessions', <ChatIcon />, 0, '')}
        {item('handoffs', 'Handoffs', <HandoffIcon />, unreadHandoffs, `${unreadHandoffs} unread`)}
        {item(
          'queue',
          'Queue',
          <OutboxIcon />,
          queueCount,
          dead > 0 ? `${waiting} waiting, ${dead} failed` : `${waiting} waiting`,
          dead > 0,
        )}
        {item('insights', 'Insights', <ChartIcon />, 0, '')}
        {item('settings', 'Settings', <GearIcon />, 0, '')}
      </ul>
    </nav>
  );
}
