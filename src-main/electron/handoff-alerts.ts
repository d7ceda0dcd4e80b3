import { Notification } from 'electron';
import type { EventMap } from '../../src-preload/contract';
import type { Core } from '../core';
import { trayModel } from '../handoffs/tray-menu';
import { gateNotification } from '../redaction/gate';
import type { createTray } from './tray';

const SENIOR = new Set(['owner', 'admin', 'engineer']);

/** Every OS notification Baton raises: its text passes the redaction gate (it shows on a locked screen). */
function notify(text: { title: string; body: string }, onClick: () => void): void {
  const note = new Notification(gateNotification(text));
  note.on('click', onClick);
  note.show();
}

/**
 * Keeps the tray's list of unclaimed handoffs current for a senior, and raises an OS notification
 * when a new one arrives (never for the person who handed it off).
 */
export function watchHandoffs(
  core: Core,
  tray: ReturnType<typeof createTray>,
  showWindow: () => void,
): () => void {
  const refresh = () => {
    const me = core.services.profiles.current();
    const open = me && SENIOR.has(me.role) ? core.services.handoffs.list(me, 'priority') : [];
    // `overdue` comes from the thresholds in Settings.
    tray.show(trayModel(open, Date.now(), (h) => h.overdue));
  };
  const off = core.events.onAny((event, payload) => {
    if (event === 'handoff_created') {
      const me = core.services.profiles.current();
      const handoff = payload as {
        handedOffById: string;
        sessionTitle: string;
        priority: string;
        reason: string;
      };
      if (me && SENIOR.has(me.role) && handoff.handedOffById !== me.id && Notification.isSupported()) {
        notify(
          {
            title: `New escalation: ${handoff.sessionTitle}`,
            body: `${handoff.priority} priority — ${handoff.reason}`,
          },
          showWindow,
        );
      }
    }
    if (event === 'handoff_picked_up') {
      const { byName, sessionId } = payload as { byName: string; sessionId: string };
      const title = core.services.sessions.get(sessionId).title;
      if (Notification.isSupported()) {
        notify({ title: `${byName} picked up your escalation`, body: title }, showWindow);
      }
    }
    if (event === 'handoff_overdue') {
      const me = core.services.profiles.current();
      const overdue = payload as EventMap['handoff_overdue'];
      if (me && SENIOR.has(me.role) && overdue.handedOffById !== me.id && Notification.isSupported()) {
        notify(
          {
            title: `Still unclaimed: ${overdue.sessionTitle}`,
            body: `${overdue.priority} priority — waiting longer than Settings allow`,
          },
          showWindow,
        );
      }
    }
    if (event.startsWith('handoff_')) refresh();
  });
  // Ages and overdue marks move with the clock.
  const timer = setInterval(refresh, 60_000);
  refresh();
  return () => {
    off();
    clearInterval(timer);
  };
}
