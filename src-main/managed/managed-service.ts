// The managed settings and the roster as Settings shows them: Settings → Managed settings (the file, its
// values, its problems, what changed at the last start), Settings → People (the roster and who claims as
// which ConnectWise member), and the first-run screen's question (does a roster decide roles here?).
import type { ManagedSettingsView, ManagedStatus, PeopleView } from '../../src-preload/contract';
import type { Db } from '../store/database';
import { getSetting } from '../store/repos/settings';
import { listMemberMappings, listUsers } from '../store/repos/users';
import { readManagedSnapshot } from './apply';
import { MANAGED_KEYS } from './managed-schema';
import type { ManagedSettings } from './managed-settings';
import type { SetAsideProfile } from './roster';
import { NOT_ON_ROSTER_KEY, ROSTER_MAPPED_KEY, ROSTER_SET_ASIDE_KEY } from './roster';

export function createManagedService(deps: {
  db: Db;
  managed: ManagedSettings;
  currentUserId: () => string | null;
}) {
  const { db, managed } = deps;

  function status(): ManagedStatus {
    return {
      file: managed.state === 'none' ? null : managed.file,
      roster: managed.roster !== null,
      notOnRoster: managed.roster
        ? (getSetting<SetAsideProfile | null>(db, NOT_ON_ROSTER_KEY) ?? null)
        : null,
    };
  }

  function view(): ManagedSettingsView {
    const snapshot = readManagedSnapshot(db);
    return {
      file: managed.file,
      source: managed.source,
      state: managed.state,
      problems: managed.problems.map((p) => ({ ...p })),
      values: [...managed.values].map(([key, value]) => ({
        key,
        label: MANAGED_KEYS[key],
        value: shown(value),
      })),
      roster: managed.roster !== null,
      lastChange:
        snapshot?.changedAt && snapshot.changes.length > 0
          ? {
              at: snapshot.changedAt,
              changes: snapshot.changes.map((c) => ({
                key: c.key,
                from: 'from' in c ? shown(c.from) : 'not managed',
                to: 'to' in c ? shown(c.to) : 'not managed',
              })),
            }
          : null,
    };
  }

  function people(): PeopleView {
    const currentId = deps.currentUserId();
    const setAside = new Set(getSetting<string[]>(db, ROSTER_SET_ASIDE_KEY) ?? []);
    const rosterMapped = new Set(getSetting<string[]>(db, ROSTER_MAPPED_KEY) ?? []);
    const mappings = new Map(listMemberMappings(db).map((m) => [m.userId, m]));
    // Local profiles: active ones and those the roster set aside (inactive users are colleagues known
    // only from team escalations).
    const profiles = listUsers(db).filter((u) => u.active || setAside.has(u.id));
    const byEmail = new Map(profiles.map((u) => [u.email.toLowerCase(), u]));
    const memberOf = (userId: string | undefined): PeopleView['people'][number]['member'] => {
      const mapping = userId ? mappings.get(userId) : undefined;
      if (!mapping?.identifier) return null;
      return {
        identifier: mapping.identifier,
        from: rosterMapped.has(userId!) ? 'roster' : mapping.manual ? 'manual' : 'email',
      };
    };
    const profileOf = (user: (typeof profiles)[number] | undefined) =>
      user ? { userId: user.id, active: user.active, current: user.id === currentId } : null;

    if (!managed.roster)
      return {
        rosterFile: null,
        people: profiles.map((u) => ({
          name: u.name,
          email: u.email,
          role: u.role,
          source: 'local' as const,
          profile: profileOf(u),
          member: memberOf(u.id),
        })),
      };
    const listed = new Set(managed.roster.map((p) => p.email.toLowerCase()));
    return {
      rosterFile: managed.file,
      people: [
        ...managed.roster.map((person) => {
          const user = byEmail.get(person.email.toLowerCase());
          return {
            name: person.name,
            email: person.email,
            role: person.role,
            source: 'roster' as const,
            profile: profileOf(user),
            member: person.connectwiseMember
              ? { identifier: person.connectwiseMember, from: 'roster' as const }
              : memberOf(user?.id),
          };
        }),
        ...profiles
          .filter((u) => !listed.has(u.email.toLowerCase()))
          .map((u) => ({
            name: u.name,
            email: u.email,
            role: u.role,
            source: 'not-on-roster' as const,
            profile: profileOf(u),
            member: null,
          })),
      ],
    };
  }

  return { status, view, people };
}

/** A managed value as Settings shows it. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.length ? value.map(shown).join(', ') : 'none';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('id' in v) return v.name ? `${shown(v.id)} (${shown(v.name)})` : shown(v.id);
    return (
      Object.values(v)
        .filter((item) => item !== '' && item !== null)
        .map(shown)
        .join(', ') || 'none'
    );
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type ManagedService = ReturnType<typeof createManagedService>;
