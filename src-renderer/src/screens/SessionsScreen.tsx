import { useEffect } from 'react';
import { toast } from 'sonner';
import type { User } from '../../../src-preload/contract';
import { StatusBadge } from '../components/StatusBadge';
import { StatusBar } from '../components/StatusBar';
import { TimeAgo } from '../components/TimeAgo';
import { ViewNav } from '../components/ViewNav';
import { useAppStore } from '../stores/app-store';
import { QueueScreen } from './QueueScreen';
import { SessionView } from './SessionView';

const isMac = navigator.platform.toLowerCase().includes('mac');
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

export function SessionsScreen({ profile }: { profile: User }) {
  const sessions = useAppStore((s) => s.sessions);
  const view = useAppStore((s) => s.view);
  const selectedId = useAppStore((s) => s.selectedId);
  const createSession = useAppStore((s) => s.createSession);
  const openSession = useAppStore((s) => s.openSession);

  const isOpen = (id: string) => view === 'sessions' && id === selectedId;

  const startSession = () =>
    createSession().catch((err: Error) => toast.error(`Could not start a session: ${err.message}`));
  const open = (id: string) =>
    openSession(id).catch((err: Error) => toast.error(`Could not open the session: ${err.message}`));

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
      <aside className="sidebar" aria-label="Sessions">
        <header className="sidebar-header">
          <span className="brand">
            <span className="brand-mark small" aria-hidden="true">
              B
            </span>
            Baton
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => void startSession()}
            title={`New session (${MOD_KEY}+N)`}
          >
            New session
          </button>
        </header>
        <ViewNav />
        <nav className="session-list" aria-label="Your sessions">
          {sessions.length === 0 ? (
            <p className="muted list-empty">No sessions yet.</p>
          ) : (
            <ul>
              {sessions.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`session-item${isOpen(s.id) ? ' selected' : ''}`}
                    aria-current={isOpen(s.id) ? 'page' : undefined}
                    onClick={() => void open(s.id)}
                  >
                    <span className="session-item-title">{s.title}</span>
                    <span className="session-item-meta">
                      <StatusBadge status={s.status} />
                      <TimeAgo at={s.updatedAt} />
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className="profile-chip" aria-label="Signed-in profile">
          <span className="avatar" aria-hidden="true">
            {initials(profile.name)}
          </span>
          <span>
            <strong>{profile.name}</strong>
            <span className="muted role">{profile.role}</span>
          </span>
        </section>
      </aside>
      <main className="content">
        {view === 'queue' ? (
          <QueueScreen />
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

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}
