// The team roster (issue 17): with one in the managed settings file, the organization decides who uses
// Baton and as what, not whoever sits at a laptop.
//
// - A profile's role is the roster's, matched by email (case-insensitively), at every start and when the
//   profile is made. Its ConnectWise member is the roster's identifier when one is given (locked in
//   Settings → ConnectWise → People); without one, matching by email and the manual choice still apply.
// - A new profile whose email is not on the roster is refused: the roster is the organization's list of
//   who uses Baton, and a typed email must not be a way around it (the person asks for the roster to be
//   updated; an RMM push takes minutes).
// - An existing local profile whose email is not on the roster can no longer be used here: it is set
//   aside (inactive, so it cannot be switched to and cannot act), its work stays on the computer (sessions
//   are shared by every profile here), and it is back as soon as the roster lists it. If it was the
//   profile in use, Baton opens on the first-run screen, which says why.
// - Without a roster the local rules hold (profile-service.ts): the first profile is the owner, roles are
//   granted only as ROLES_GRANTED_BY allows. Profiles that a former roster set aside come back as
//   technicians: the least role, until an owner or admin decides otherwise.
import type { UserRole } from '../../src-preload/contract';
import type { Db } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { listMemberMappings, listUsers, setMemberMapping, setRoleAndActive } from '../store/repos/users';
import { CURRENT_PROFILE_KEY } from '../services/current-profile';
import type { ManagedSettings } from './managed-settings';

/** Profiles the roster set aside (ids): only these come back when the roster lists them again. */
export const ROSTER_SET_ASIDE_KEY = 'managed.roster.setAside';
/** People whose ConnectWise member the roster set (ids), so a member dropped from the roster is let go. */
export const ROSTER_MAPPED_KEY = 'managed.roster.mapped';
/** The profile in use that the roster set aside, for the first-run screen's explanation. */
export const NOT_ON_ROSTER_KEY = 'managed.roster.notOnRoster';

export interface SetAsideProfile {
  name: string;
  email: string;
}

/** Brings the store's profiles in line with the roster. Call inside a transaction; returns what changed. */
export function syncRoster(db: Db, managed: ManagedSettings, now: number): string[] {
  const setAside = new Set(getSetting<string[]>(db, ROSTER_SET_ASIDE_KEY) ?? []);
  const mapped = new Set(getSetting<string[]>(db, ROSTER_MAPPED_KEY) ?? []);
  const members = new Map(listMemberMappings(db).map((m) => [m.userId, m]));
  const currentId = getSetting<string>(db, CURRENT_PROFILE_KEY) ?? null;
  const changes: string[] = [];
  const audit = (userId: string, action: string, details: Record<string, unknown>) =>
    appendAudit(db, { actorId: null, action, entityType: 'user', entityId: userId, details }, now);

  for (const user of listUsers(db)) {
    const entry = managed.roster ? managed.rosterEntry(user.email) : undefined;
    if (managed.roster && entry) {
      const active = user.active || setAside.has(user.id);
      if (user.role !== entry.role || active !== user.active) {
        setRoleAndActive(db, user.id, entry.role, active, now);
        audit(user.id, 'profile.roster.role', {
          from: user.role,
          to: entry.role,
          ...(active !== user.active && { restored: true }),
        });
        changes.push(`${user.email}: ${user.role} → ${entry.role}${active !== user.active ? ' (back)' : ''}`);
      }
      setAside.delete(user.id);
      const member = members.get(user.id);
      if (entry.connectwiseMember) {
        if (member?.identifier !== entry.connectwiseMember || !member.manual) {
          setMemberMapping(db, user.id, entry.connectwiseMember, now);
          audit(user.id, 'settings.connectwise.member', { member: entry.connectwiseMember, by: 'roster' });
        }
        mapped.add(user.id);
      } else if (mapped.delete(user.id)) {
        setMemberMapping(db, user.id, null, now);
        audit(user.id, 'settings.connectwise.member', { member: null, by: 'email' });
      }
    } else if (managed.roster) {
      if (mapped.delete(user.id)) setMemberMapping(db, user.id, null, now);
      // Colleagues known from team escalations are inactive already; only local profiles are set aside.
      if (!user.active) continue;
      setRoleAndActive(db, user.id, user.role, false, now);
      setAside.add(user.id);
      audit(user.id, 'profile.roster.set_aside', { email: user.email, role: user.role });
      changes.push(`${user.email}: not on the roster, set aside`);
      if (user.id === currentId) {
        putSetting(db, CURRENT_PROFILE_KEY, null, now, null);
        putSetting(db, NOT_ON_ROSTER_KEY, { name: user.name, email: user.email }, now, null);
      }
    } else {
      if (setAside.delete(user.id)) {
        setRoleAndActive(db, user.id, 'technician', true, now);
        audit(user.id, 'profile.roster.role', { from: user.role, to: 'technician', restored: true });
        changes.push(`${user.email}: no roster any more, back as a technician`);
      }
      if (mapped.delete(user.id)) {
        setMemberMapping(db, user.id, null, now);
        audit(user.id, 'settings.connectwise.member', { member: null, by: 'email' });
      }
    }
  }
  putSetting(db, ROSTER_SET_ASIDE_KEY, [...setAside], now, null);
  putSetting(db, ROSTER_MAPPED_KEY, [...mapped], now, null);
  return changes;
}

/** After a profile is made from a roster entry: its member mapping, recorded as the roster's. */
export function applyRosterMember(db: Db, userId: string, identifier: string | undefined, now: number): void {
  if (!identifier) return;
  setMemberMapping(db, userId, identifier, now);
  const mapped = new Set(getSetting<string[]>(db, ROSTER_MAPPED_KEY) ?? []);
  mapped.add(userId);
  putSetting(db, ROSTER_MAPPED_KEY, [...mapped], now, null);
}

export const isSetAside = (db: Db, userId: string): boolean =>
  (getSetting<string[]>(db, ROSTER_SET_ASIDE_KEY) ?? []).includes(userId);

/** "an admin", "a technician". */
export const roleWithArticle = (role: UserRole): string =>
  `${role === 'admin' || role === 'owner' || role === 'engineer' ? 'an' : 'a'} ${role}`;
