import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import { shownSessions, useSearchStore } from '../../stores/search-store';
import { LISTBOX_ID } from './SessionList';
import { useListKeys } from './useListKeys';
import { optionId } from './VirtualListbox';

const isMac = navigator.platform.toLowerCase().includes('mac');

/**
 * The sidebar's search: a combobox over the session listbox. Typing searches (the store debounces
 * and drops stale answers), ArrowUp/ArrowDown move the highlight, Enter opens it, Escape clears.
 * Ctrl/Cmd+K focuses it from anywhere in the window.
 */
export function SearchBox() {
  const query = useSearchStore((s) => s.query);
  const setQuery = useSearchStore((s) => s.setQuery);
  const activeId = useSearchStore((s) => s.activeId);
  const hasOptions = useSearchStore((s) => shownSessions(s).length > 0);
  const listKeys = useListKeys(true);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      return;
    }
    listKeys(event);
  }

  return (
    <div className="sidebar-search" role="search">
      <label htmlFor="session-search" className="visually-hidden">
        Search sessions
      </label>
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5 14 14" />
      </svg>
      <input
        ref={inputRef}
        id="session-search"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={hasOptions}
        aria-controls={hasOptions ? LISTBOX_ID : undefined}
        aria-activedescendant={hasOptions && activeId ? optionId(activeId) : undefined}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        placeholder="Search sessions"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {query ? (
        <button
          type="button"
          className="search-clear"
          aria-label="Clear search"
          title="Clear search (Esc)"
          onClick={() => {
            setQuery('');
            inputRef.current?.focus();
          }}
        >
          ×
        </button>
      ) : (
        <kbd className="search-shortcut" aria-hidden="true">
          {isMac ? '⌘K' : 'Ctrl K'}
        </kbd>
      )}
    </div>
  );
}
