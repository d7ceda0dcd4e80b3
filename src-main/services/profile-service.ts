import { randomUUID } from 'node:crypto';
import type { User } from '../../src-preload/contract';
import type { ProfileCreateInput, ProfileFirstInput, UserRole } from '../../src-preload/contract';
import { ROLES_GRANTED_BY } from '../../src-preload/contract';
import type { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { CURRENT_PROFILE_KEY } from './current-profile';
import { findUserByEmail, getUser, insertUser, listUsers } from '../store/repos/users';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';
import { applyRosterMember, isSetAside, NOT_ON_ROSTER_KEY, roleWithArticle } from '../managed/roster';

/** Who may add a profile with each role (ROLES_GRANTED_BY, read the other way), for refusals. */
const WHO_MAY_ADD: Record<UserRole, string> = {
  owner: 'an owner or admin',
  admin: 'an owner or admin',
  engineer: 'an owner, admin or engineer',
  technician: 'anyone with a profile',
};

/**
 * The person using this Baton. The first run creates it; every action is attributed to it. With a team
 * roster in the managed settings file, the roster decides each profile's role (managed/roster.ts says
 * why and how); without one, the first profile is the owner and roles are granted as ROLES_GRANTED_BY says.
 */
export function createProfileService(db: Db, clock: Clock, managed: ManagedSettings = noManagedSettings()) {
  const where = managed.file ? ` (${managed.file})` : '';
  const notOnRoster = (email: string) => {
    const message = `${email} is not on your organization's team roster${where}. Use the work email the roster lists for you, or ask your administrator to add you.`;
    return new AppError('FORBIDDEN', message, { field: 'email', roster: true });
  };
  // Every write asks who is acting; the answer changes only through this service.
  let cached: User | null | undefined;

  function current(): User | null {
    if (cached === undefined) {
      const id = getSetting<string>(db, CURRENT_PROFILE_KEY);
      cached = id ? getUser(db, id) : null;
    }
    return cached;
  }

  function require(): User {
    const user = current();
    if (!user) throw new AppError('FORBIDDEN', 'Create your profile first');
    return user;
  }

  /**
   * First run: the first profile on this computer is its owner (nobody else is there to grant a role);
   * with a roster, it has the roster's role, and an email not on the roster is refused.
   */
  function create(input: z.output<typeof ProfileFirstInput>): User {
    const entry = managed.roster ? managed.rosterEntry(input.email) : undefined;
    if (managed.roster && !entry) throw notOnRoster(input.email);
    const created = inTransaction(db, () => {
      if (current())
        throw new AppError(
          'FORBIDDEN',
          'This Baton already has its owner. Only an owner or admin adds profiles (from the profile menu).',
        );
      if (findUserByEmail(db, input.email)) {
        throw new AppError('CONFLICT', `${input.email} is already used by another profile`, {
          field: 'email',
        });
      }
      const now = clock.now();
      const user = insertUser(
        db,
        { id: randomUUID(), name: input.name, email: input.email, role: entry?.role ?? 'owner' },
        now,
      );
      applyRosterMember(db, user.id, entry?.connectwiseMember, now);
      putSetting(db, CURRENT_PROFILE_KEY, user.id, now, user.id);
      putSetting(db, NOT_ON_ROSTER_KEY, null, now, user.id);
      appendAudit(
        db,
        {
          actorId: user.id,
          action: 'profile.create',
          entityType: 'user',
          entityId: user.id,
          details: { role: user.role, ...(entry && { by: 'roster' }) },
        },
        now,
      );
      return user;
    });
    cached = created;
    return created;
  }

  /**
   * Another local profile on this workstation (a shared bench machine; also how claims are tried locally).
   * With a roster, the role is the roster's (the one asked for does not count) and must still be one the
   * actor may grant: a technician cannot bring in an admin by typing the admin's email.
   */
  function add(actor: User, input: z.output<typeof ProfileCreateInput>): User {
    const entry = managed.roster ? managed.rosterEntry(input.email) : undefined;
    if (managed.roster && !entry) throw notOnRoster(input.email);
    const role = entry?.role ?? input.role;
    if (!ROLES_GRANTED_BY[actor.role].includes(role))
      throw new AppError(
        'FORBIDDEN',
        entry
          ? `The team roster makes ${input.email} ${roleWithArticle(role)}: only ${WHO_MAY_ADD[role]} can add that profile`
          : `Only ${WHO_MAY_ADD[role]} can add ${roleWithArticle(role)} profile`,
        { role, grantable: ROLES_GRANTED_BY[actor.role] },
      );
    return inTransaction(db, () => {
      if (findUserByEmail(db, input.email)) {
        throw new AppError('CONFLICT', `${input.email} is already used by another profile`, {
          field: 'email',
        });
      }
      const now = clock.now();
      const user = insertUser(db, { id: randomUUID(), name: input.name, email: input.email, role }, now);
      applyRosterMember(db, user.id, entry?.connectwiseMember, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'profile.add',
          entityType: 'user',
          entityId: user.id,
          details: { role: user.role, ...(entry && { by: 'roster' }) },
        },
        now,
      );
      return user;
    });
  }

  function switchTo(id: string): User {
    const user = getUser(db, id);
    if (user && !user.active && isSetAside(db, user.id))
      throw new AppError(
        'FORBIDDEN',
        `${user.name} (${user.email}) is not on your organization's team roster${where}, so this profile cannot be used here`,
        { roster: true },
      );
    if (!user || !user.active) throw new AppError('NOT_FOUND', 'Profile not found');
    inTransaction(db, () => {
      putSetting(db, CURRENT_PROFILE_KEY, user.id, clock.now(), user.id);
      appendAudit(
        db,
        { actorId: user.id, action: 'profile.switch', entityType: 'user', entityId: user.id },
        clock.now(),
      );
    });
    cached = user;
    return user;
  }

  return { current, require, create, add, switchTo, list: () => listUsers(db) };
}

export type ProfileService = ReturnType<typeof createProfileService>;
