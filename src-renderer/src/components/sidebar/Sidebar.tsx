import { useEffect } from 'react';
import type { User } from '../../../../src-preload/contract';
import { useAppearanceStore } from '../../stores/appearance-store';
import { useSearchStore } from '../../stores/search-store';
import { PlusIcon, SidebarIcon } from '../chat/icons';
import { ProfileMenu } from '../profile/ProfileMenu';
import { ViewNav } from '../ViewNav';
import { Bell } from './Bell';
import { SearchBox } from './SearchBox';
import { SessionList } from './SessionList';
import { StatusFilter } from './StatusFilter';
import '../../sidebar.css';

export const SIDEBAR_ID = 'sidebar';
const isMac = navigator.platform.toLowerCase().includes('mac');
const MOD = isMac ? '⌘' : 'Ctrl';

/** Expands a collapsed sidebar and puts the cursor in its search box. */
function searchFromRail() {
  void useAppearanceStore.getState().setSidebar('expanded');
  requestAnimationFrame(() => document.getElementById('session-search')?.focus());
}

/**
 * The dark column on the left: new session, search, the views, the session list, who is signed in.
 * Collapsed (the toggle, or Ctrl/Cmd+B), it is a rail of icons: new session, search, the views with
 * their counts, the bell and the profile; the choice is kept for this computer.
 */
export function Sidebar({
  profile,
  onNewSession,
  newSessionHint,
}: {
  profile: User;
  onNewSession: () => void;
  newSessionHint: string;
}) {
  const collapsed = useAppearanceStore((s) => s.sidebar === 'collapsed');
  const setSidebar = useAppearanceStore((s) => s.setSidebar);
  const toggle = () => void setSidebar(collapsed ? 'expanded' : 'collapsed').catch(() => undefined);
  useEffect(() => useSearchStore.getState().init(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'b') {
        event.preventDefault();
        toggle();
      } else if (key === 'k' && collapsed) {
        // The search box is not on screen while collapsed: open the sidebar on it.
        event.preventDefault();
        searchFromRail();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const toggleLabel = collapsed ? 'Expand sidebar' : 'Collapse sidebar';
  const toggleButton = (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-label={toggleLabel}
      title={`${toggleLabel} (${MOD}+B)`}
      aria-expanded={!collapsed}
      aria-controls={SIDEBAR_ID}
      onClick={toggle}
    >
      <SidebarIcon />
    </button>
  );

  return (
    <aside id={SIDEBAR_ID} className="sidebar" aria-label="Sessions">
      {collapsed ? (
        <div className="sidebar-rail-top">
          {toggleButton}
          <button
            type="button"
            className="icon-button rail-new-session"
            aria-label="New session"
            title={newSessionHint}
            onClick={onNewSession}
          >
            <PlusIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Search sessions"
            title={`Search sessions (${MOD}+K)`}
            onClick={searchFromRail}
          >
            <svg className="rail-search-icon" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" />
              <path d="M10.5 10.5 14 14" />
            </svg>
          </button>
          <Bell />
        </div>
      ) : (
        <>
          <header className="sidebar-header">
            <span className="brand">
              <span className="brand-mark small" aria-hidden="true">
                B
              </span>
              Baton
            </span>
            <Bell />
            {toggleButton}
          </header>
          <div className="sidebar-new">
            <button type="button" className="primary" onClick={onNewSession} title={newSessionHint}>
              <PlusIcon />
              New session
            </button>
          </div>
          <SearchBox />
        </>
      )}
      <ViewNav />
      {collapsed ? (
        <div className="sidebar-rail-spacer" />
      ) : (
        <>
          <StatusFilter />
          <SessionList />
        </>
      )}
      <ProfileMenu profile={profile} />
    </aside>
  );
}
