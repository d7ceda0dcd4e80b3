// The in-app bell: unread handoff notifications for the current profile. Opening one goes to the
// handoff in the queue; "Mark all read" clears the count.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BellNotification } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useHandoffStore } from '../../stores/handoff-store';
import { TimeAgo } from '../TimeAgo';

export function Bell() {
  const profileId = useAppStore((s) => s.profile?.id);
  const [items, setItems] = useState<BellNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () =>
      unwrap(baton().notifications.list()).then((bell) => {
        setItems(bell.items);
        setUnread(bell.unread);
      }),
    [],
  );

  useEffect(() => {
    void load().catch(() => undefined);
    return baton().on('notifications_changed', (change) => {
      if (profileId && change.userIds.includes(profileId)) void load().catch(() => undefined);
    });
  }, [load, profileId]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !panelRef.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const openItem = async (item: BellNotification) => {
    setOpen(false);
    await unwrap(baton().notifications['mark-read']({ ids: [item.id] }));
    useAppStore.getState().setView('handoffs');
    if (item.handoffId) await useHandoffStore.getState().open(item.handoffId);
  };

  return (
    <div className="bell" ref={panelRef}>
      <button
        type="button"
        className="bell-button"
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5-6.71V3.5a2 2 0 0 0-4 0v.79A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-panel card" role="dialog" aria-label="Notifications list">
          <div className="bell-panel-header">
            <strong>Notifications</strong>
            <button
              type="button"
              className="link-button"
              disabled={unread === 0}
              onClick={() =>
                void unwrap(baton().notifications['mark-read']({}))
                  .then((r) => setUnread(r.unread))
                  .then(load)
              }
            >
              Mark all read
            </button>
          </div>
          {items.length === 0 ? (
            <p className="muted bell-empty">Nothing yet. Handoffs for you show up here.</p>
          ) : (
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`bell-item${item.read ? '' : ' unread'}`}
                    onClick={() => void openItem(item)}
                  >
                    <span className="bell-item-title">{item.title}</span>
                    <span className="bell-item-body">{item.body}</span>
                    <TimeAgo at={item.createdAt} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
