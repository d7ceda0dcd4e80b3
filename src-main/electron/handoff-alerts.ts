// A senior's tray and OS notifications for handoffs: the tray lists the unclaimed ones with Claim
// items, the dock/taskbar shows how many wait, and a new or overdue handoff raises a notification
// (never for the person who handed it off). Notification text is redacted like the webhooks' (a
// technician may have pasted a secret into the problem) and a notification is kept referenced until it
// is closed or clicked, or the OS would lose its click handler with the object. A click opens that
// handoff; where the OS offers actions (macOS), the notification also has a Claim button.
import type { BrowserWindow, NotificationConstructorOptions } from 'electron';
import type { EventMap } from '../../src-preload/contract';
import { Notification, app, nativeImage } from 'electron';
import type { AppLayout } from '../app-layout';
import type { Core } from '../core';
import { trayModel } from '../handoffs/tray-menu';
import { isSenior as isSeniorRole } from '../../src-preload/contract';
import { gateNotification } from '../redaction/gate';
import type { BatonTray } from './tray';

export interface HandoffAlertDeps {
  core: Core;
  tray: BatonTray;
  layout: AppLayout;
  platform: NodeJS.Platform;
  showWindow: () => void;
  getWindow: () => BrowserWindow | null;
  claim: (handoffId: string) => void;
}

export type HandoffAlerts = ReturnType<typeof watchHandoffs>;

export function watchHandoffs(deps: HandoffAlertDeps) {
  const { core, tray, platform } = deps;
  /** Shown and not yet closed: referenced here so they are not collected with their click handlers. */
  const live = new Set<Notification>();

  const isSenior = () => {
    const me = core.services.profiles.current();
    return me && isSeniorRole(me.role) ? me : null;
  };

  const setBadge = (count: number) => {
    if (platform === 'win32') {
      const win = deps.getWindow();
      if (win && !win.isDestroyed())
        win.setOverlayIcon(
          count > 0 ? nativeImage.createFromPath(deps.layout.pendingOverlayIcon) : null,
          count > 0 ? `${count} handoff${count === 1 ? '' : 's'} waiting` : '',
        );
    } else {
      // The macOS dock and Linux launchers that support it (Unity, KDE, GNOME with an extension).
      app.setBadgeCount(count);
    }
  };

  const refresh = () => {
    const me = isSenior();
    const open = me ? core.services.handoffs.list(me, 'priority') : [];
    tray.show(trayModel(open, Date.now(), (h) => h.overdue));
    setBadge(open.length);
  };

  function notify(options: { title: string; body: string; handoffId: string | null; claimable: boolean }) {
    if (!Notification.isSupported()) return;
    const offersClaim = options.claimable && platform === 'darwin';
    const extra: Partial<NotificationConstructorOptions> = offersClaim
      ? { actions: [{ type: 'button', text: 'Claim' }] }
      : {};
    // The text passes the redaction gate (a notification shows on a locked screen).
    const note = new Notification({ ...gateNotification(options), ...extra });
    live.add(note);
    const forget = () => live.delete(note);
    note.on('click', () => {
      forget();
      deps.showWindow();
      if (options.handoffId) core.events.emit('open_handoff', { handoffId: options.handoffId });
    });
    note.on('action', () => {
      forget();
      if (options.handoffId) deps.claim(options.handoffId);
    });
    note.on('close', forget);
    note.on('failed', forget);
    note.show();
  }

  const off = core.events.onAny((event, payload) => {
    if (event === 'handoff_created') {
      const me = isSenior();
      const handoff = payload as {
        id: string;
        handedOffById: string;
        sessionTitle: string;
        priority: string;
        reason: string;
      };
      if (me && handoff.handedOffById !== me.id)
        notify({
          title: `New escalation: ${handoff.sessionTitle}`,
          body: `${handoff.priority} priority — ${handoff.reason}`,
          handoffId: handoff.id,
          claimable: true,
        });
    }
    if (event === 'handoff_overdue') {
      const me = isSenior();
      const overdue = payload as {
        id: string;
        sessionTitle: string;
        priority: string;
        handedOffById: string;
      };
      if (me && overdue.handedOffById !== me.id)
        notify({
          title: `Still unclaimed: ${overdue.sessionTitle}`,
          body: `${overdue.priority} priority — waiting longer than Settings allow`,
          handoffId: overdue.id,
          claimable: true,
        });
    }
    if (event === 'handoff_picked_up') {
      const { byName, sessionId, escalatorId } = payload as EventMap['handoff_picked_up'];
      // Only for the person who handed it off (on a shared computer, not for the one who claimed it).
      if (core.services.profiles.current()?.id === escalatorId)
        notify({
          title: `${byName} picked up your escalation`,
          body: core.services.sessions.get(sessionId).title,
          handoffId: null,
          claimable: false,
        });
    }
    if (event.startsWith('handoff_')) refresh();
  });
  // Ages and overdue marks move with the clock.
  const timer = setInterval(refresh, 60_000);
  refresh();
  return {
    refresh,
    /** Notifications shown and not yet closed or clicked. */
    liveCount: () => live.size,
    dispose() {
      off();
      clearInterval(timer);
      live.clear();
    },
  };
}
