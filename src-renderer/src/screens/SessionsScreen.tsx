import { lazy, Suspense, useEffect } from 'react';
import { toast } from 'sonner';
import type { User } from '../../../src-preload/contract';
import { Sidebar } from '../components/sidebar/Sidebar';
import { StatusBar } from '../components/StatusBar';
import { useAppStore } from '../stores/app-store';
import { SessionView } from './SessionView';

// Settings is opened now and then, never on the first screen: its code loads when it is.
const SettingsScreen = lazy(() => import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

// Insights brings its chart library: loaded only when the screen is first opened.
const InsightsScreen = lazy(() => import('./InsightsScreen'));
// The Handoffs and Queue screens are not the first screen either: loaded with their first visit, and
// fetched ahead once the first screen has painted so that visit does not wait on the network.
const loadHandoffs = () => import('./HandoffsScreen').then((m) => ({ default: m.HandoffsScreen }));
const loadQueue = () => import('./QueueScreen').then((m) => ({ default: m.QueueScreen }));
const HandoffsScreen = lazy(loadHandoffs);
const QueueScreen = lazy(loadQueue);
const prefetch = () => void Promise.all([loadHandoffs(), loadQueue()]).catch(() => undefined);
if ('requestIdleCallback' in window) window.requestIdleCallback(prefetch, { timeout: 2_000 });
else setTimeout(prefetch, 500);

const isMac = navigator.platform.toLowerCase().includes('mac');
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

export function SessionsScreen({ profile }: { profile: User }) {
  const sessions = useAppStore((s) => s.sessions);
  const view = useAppStore((s) => s.view);
  const selectedId = useAppStore((s) => s.selectedId);
  const createSession = useAppStore((s) => s.createSession);

  const startSession = () =>
    createSession().catch((err: Error) => toast.error(`Could not start a session: ${err.message}`));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        void startSession();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="shell with-statusbar">
      <Sidebar
        profile={profile}
        onNewSession={() => void startSession()}
        newSessionHint={`New session (${MOD_KEY}+N)`}
      />
      <main className="content">
        {view === 'queue' ? (
          <Suspense fallback={<div className="content-loading" aria-busy="true" />}>
            <QueueScreen />
          </Suspense>
        ) : view === 'handoffs' ? (
          <Suspense fallback={<div className="content-loading" aria-busy="true" />}>
            <HandoffsScreen />
          </Suspense>
        ) : view === 'settings' ? (
          <Suspense fallback={<div className="splash" aria-busy="true" />}>
            <SettingsScreen />
          </Suspense>
        ) : view === 'insights' ? (
          <Suspense fallback={<div className="content-loading" aria-busy="true" />}>
            <InsightsScreen />
          </Suspense>
        ) : selectedId ? (
          <SessionView key={selectedId} />
        ) : (
          <EmptyState hasSessions={sessions.length > 0} onStart={() => void startSession()} />
        )}
      </main>
      <StatusBar />
    </div>
  );
}

function EmptyState({ hasSessions, onStart }: { hasSessions: boolean; onStart: () => void }) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">
        {hasSessions ? 'Pick up where you left off' : 'No troubleshooting sessions yet'}
      </h1>
      <p className="muted">
        {hasSessions
          ? 'Choose a session on the left, or start a new one for the next ticket.'
          : 'Start a session for the problem in front of you. Everything you note is saved on this laptop, online or not.'}
      </p>
      <button type="button" className="primary large" onClick={onStart}>
        Start a session
      </button>
      <p className="muted shortcut">
        or press <kbd>{MOD_KEY}</kbd> + <kbd>N</kbd>
      </p>
    </section>
  );
}
