import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { User } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import '../../handoff.css';
import { AddProfileDialog, switchProfile } from './AddProfileDialog';

export function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The signed-in profile at the foot of the sidebar, as a menu button: switch to another local
 * profile on this shared workstation, or add one. */
export function ProfileMenu({ profile }: { profile: User }) {
  const [open, setOpen] = useState(false);
  const [users, setUsers] = useState<User[]>([]);
  const [adding, setAdding] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const others = users.filter((u) => u.id !== profile.id && u.active);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    unwrap(baton().users.list())
      .then(setUsers)
      .catch((err: Error) => toast.error(`Could not list profiles: ${err.message}`));
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open, users]);

  const close = (focusButton = true) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  function onMenuKey(event: KeyboardEvent) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') close(false);
  }

  async function switchTo(user: User) {
    close();
    try {
      await switchProfile(user.id);
      toast.success(`Switched to ${user.name}`);
    } catch (err) {
      toast.error(`Could not switch: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="profile-menu">
      {open && (
        <ul
          className="profile-menu-list"
          role="menu"
          id={menuId}
          aria-label="Profiles"
          ref={menu}
          onKeyDown={onMenuKey}
        >
          {others.map((u) => (
            <li key={u.id} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void switchTo(u)}>
                <span className="avatar small" aria-hidden="true">
                  {initials(u.name)}
                </span>
                <span className="profile-menu-text">
                  Switch to {u.name}
                  <span className="role">{u.role}</span>
                </span>
              </button>
            </li>
          ))}
          {others.length > 0 && <li role="separator" className="profile-menu-sep" />}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                setAdding(true);
              }}
            >
              <span className="avatar small add" aria-hidden="true">
                +
              </span>
              <span className="profile-menu-text">Add profile…</span>
            </button>
          </li>
        </ul>
      )}
      <button
        type="button"
        ref={button}
        className="profile-chip"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Profile: ${profile.name}, ${profile.role}`}
        title={`${profile.name} (${profile.role})`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {/* The initials and the caret are drawn by CSS, so the visible text is the name and role
         * alone, both in the accessible name (WCAG 2.5.3). */}
        <span className="avatar" aria-hidden="true" data-initials={initials(profile.name)} />
        <span className="profile-chip-text">
          <strong>{profile.name}</strong> <span className="muted role">{profile.role}</span>
        </span>
        <span className="profile-chip-caret" aria-hidden="true" />
      </button>
      <AddProfileDialog
        open={adding}
        onOpenChange={(o) => {
          setAdding(o);
        }}
        onClosed={() => button.current?.focus()}
      />
    </div>
  );
}
