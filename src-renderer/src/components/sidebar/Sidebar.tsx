import { useEffect } from 'react';
import type { User } from '../../../../src-preload/contract';
import { useSearchStore } from '../../stores/search-store';
import { ProfileMenu } from '../profile/ProfileMenu';
import { ViewNav } from '../ViewNav';
import { Bell } from './Bell';
import { SearchBox } from './SearchBox';
import { SessionList } from './SessionList';
import { StatusFilter } from './StatusFilter';
import '../../sidebar.css';

/** The dark column on the left: new session, search, the views, the session list, who is signed in. */
export function Sidebar({
  profile,
  onNewSession,
  newSessionHint,
}: {
  profile: User;
  onNewSession: () => void;
  newSessionHint: string;
}) {
  useEffect(() => useSearchStore.getState().init(), []);

  return (
    <aside className="sidebar" aria-label="Sessions">
      <header className="sidebar-header">
        <span className="brand">
          <span className="brand-mark small" aria-hidden="true">
            B
          </span>
          Baton
        </span>
        <Bell />
        <button type="button" className="primary" onClick={onNewSession} title={newSessionHint}>
          New session
        </button>
      </header>
      <SearchBox />
      <ViewNav />
      <StatusFilter />
      <SessionList />
      <ProfileMenu profile={profile} />
    </aside>
  );
}
