import { useEffect } from 'react';
import { Toaster, toast } from 'sonner';
import { baton } from './api/client';
import { LeaveDialog } from './components/LeaveDialog';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { SessionsScreen } from './screens/SessionsScreen';
import { useAppStore } from './stores/app-store';
import { useAppearanceStore } from './stores/appearance-store';
import { useHandoffStore } from './stores/handoff-store';
import { listenForOpenUrl } from './stores/microsoft-settings-store';
import { useQueueStore } from './stores/queue-store';
import { useUpdateStore } from './stores/update-store';

/** The application menu's shortcuts (Electron's menu takes the keys before the page sees them). */
function runMenuCommand(command: 'new-session' | 'search' | 'settings') {
  const app = useAppStore.getState();
  if (command === 'settings') return app.setView('settings');
  if (command === 'new-session') {
    app.createSession().catch((err: Error) => toast.error(`Could not start a session: ${err.message}`));
    return;
  }
  // The search box answers Ctrl/Cmd+K itself: hand it the same key.
  app.setView('sessions');
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, metaKey: true }));
}

export function App() {
  const phase = useAppStore((s) => s.phase);
  const failure = useAppStore((s) => s.failure);
  const profile = useAppStore((s) => s.profile);
  const theme = useAppearanceStore((s) => s.shown);

  useEffect(() => {
    const { load, applySession, applyMessage, replaceMessage, applyDelta, sessionChanged } =
      useAppStore.getState();
    void load();
    const offs = [
      baton().on('session_created', applySession),
      baton().on('session_updated', applySession),
      baton().on('message_added', applyMessage),
      baton().on('message_delta', applyDelta),
      baton().on('message_updated', replaceMessage),
      baton().on('session_changed', sessionChanged),
    ];
    const handoffs = useHandoffStore.getState();
    offs.push(
      baton().on('handoff_created', handoffs.applyCreated),
      baton().on('handoff_assessment_ready', handoffs.applyUpdated),
      baton().on('handoff_claimed', handoffs.applyClaimed),
      baton().on('handoff_closed', handoffs.applyClosed),
      baton().on('handoff_overdue', handoffs.applyOverdue),
      // The browser host cannot open the system browser: main asks this page (Microsoft sign-in).
      listenForOpenUrl(),
      useAppearanceStore.getState().init(),
      // A notification or the tray was clicked: show that handoff.
      baton().on('open_handoff', ({ handoffId }) => {
        useAppStore.getState().setView('handoffs');
        void useHandoffStore.getState().open(handoffId);
      }),
      baton().on('menu_command', ({ command }) => runMenuCommand(command)),
      useUpdateStore.getState().init(),
    );
    const offQueue = useQueueStore.getState().init();
    return () => {
      offs.forEach((off) => off());
      offQueue();
    };
  }, []);

  // The Handoffs nav badge needs the queue for whoever is signed in, before the screen opens.
  const profileId = profile?.id;
  useEffect(() => {
    if (profileId) void useHandoffStore.getState().load();
  }, [profileId]);

  useEffect(() => {
    // A signal for tests and automation: the first load has settled.
    document.body.dataset.phase = phase;
  }, [phase]);

  return (
    <>
      {phase === 'loading' && <div className="splash" aria-busy="true" />}
      {phase === 'failed' && (
        <div className="fatal" role="alert">
          <h1>Baton could not load your data</h1>
          <p>{failure}</p>
        </div>
      )}
      {phase === 'ready' && (profile ? <SessionsScreen profile={profile} /> : <FirstRunScreen />)}
      <LeaveDialog />
      {/* Top centre, over the screen's title: clear of the header's actions at the right, the
       * composer and the status bar. */}
      <Toaster position="top-center" offset={{ top: 12 }} theme={theme} richColors closeButton />
    </>
  );
}
