// Managed settings and the team roster (issue 17).
import type { UserRole } from './people';

/** A problem with the managed settings file, in plain words: which key, what is wrong. */
export interface ManagedProblem {
  /** Where in the file ("connectwise.site", "roster[2].email"); "" for the file as a whole. */
  key: string;
  message: string;
}

/** Before anyone is signed in: whether the organization's roster decides roles on this computer. */
export interface ManagedStatus {
  /** The managed settings file in use (null: none). */
  file: string | null;
  roster: boolean;
  /** The profile in use that was set aside at this start because the roster does not list it. */
  notOnRoster: { name: string; email: string } | null;
}

/** Settings → Managed settings: the file, what it sets, what is wrong with it, what changed. */
export interface ManagedSettingsView {
  /** The file Baton read or looked for (null when this host does not read one). */
  file: string | null;
  /** env: BATON_SETTINGS_FILE; os: the OS's usual place. */
  source: 'env' | 'os' | null;
  /** none: no file there (nothing is managed); read: used (perhaps in part); unreadable: not used at all. */
  state: 'none' | 'read' | 'unreadable';
  problems: ManagedProblem[];
  /** Every value the file sets, by its path in the file, as Settings shows it. */
  values: { key: string; label: string; value: string }[];
  roster: boolean;
  /** The last start at which the file changed something (what changed, and when). */
  lastChange: { at: number; changes: { key: string; from: string; to: string }[] } | null;
}

/** Settings → People: the team roster (or this computer's profiles) and who claims as which member. */
export interface PeopleView {
  /** Where the roster comes from; null: no roster, roles are decided on this computer. */
  rosterFile: string | null;
  people: {
    name: string;
    email: string;
    role: UserRole;
    /** roster: listed on it; not-on-roster: a profile here the roster does not list (set aside); local: no roster. */
    source: 'roster' | 'not-on-roster' | 'local';
    /** This person's profile on this computer, if they have one. */
    profile: { userId: string; active: boolean; current: boolean } | null;
    /** The ConnectWise member they claim as; null: looked up by email when they first claim. */
    member: { identifier: string; from: 'roster' | 'manual' | 'email' } | null;
  }[];
}
