import { useEffect } from 'react';
import { Toaster } from 'sonner';
import { baton } from './api/client';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { SessionsScreen } from './screens/SessionsScreen';
import { useAppStore } from './stores/app-store';
import { useAppearanceStore } from './stores/appearance-store';
import { useHandoffStore } from './stores/handoff-store';
import { listenForOpenUrl } from './stores/microsoft-settings-store';
import { useQueueStore } from './stores/queue-store';

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
      {/* Top centre, over the screen's title: clear of the header's actions at the right, the
       * composer and the status bar. */}
      <Toaster position="top-center" offset={{ top: 12 }} theme={theme} richColors closeButton />
    </>
  );
}
