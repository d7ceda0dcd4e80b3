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
import { findUserByEmail, getUser, insertUser, listUsers } from '../store/repos/users';

const CURRENT_PROFILE_KEY = 'local.currentProfileId';

/** Who may add a profile with each role (ROLES_GRANTED_BY, read the other way), for refusals. */
const WHO_MAY_ADD: Record<UserRole, string> = {
  owner: 'an owner or admin',
  admin: 'an owner or admin',
  engineer: 'an owner, admin or engineer',
  technician: 'anyone with a profile',
};

/** The person using this Baton. The first run creates it; every action is attributed to it. */
export function createProfileService(db: Db, clock: Clock) {
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

  /** First run: the first profile on this computer is its owner (nobody else is there to grant a role). */
  function create(input: z.output<typeof ProfileFirstInput>): User {
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
      const user = insertUser(db, { id: randomUUID(), ...input, role: 'owner' }, now);
      putSetting(db, CURRENT_PROFILE_KEY, user.id, now, user.id);
      appendAudit(
        db,
        {
          actorId: user.id,
          action: 'profile.create',
          entityType: 'user',
          entityId: user.id,
          details: { role: user.role },
        },
        now,
      );
      return user;
    });
    cached = created;
    return created;
  }

  /** Another local profile on this workstation (a shared bench machine; also how claims are tried locally). */
  function add(actor: User, input: z.output<typeof ProfileCreateInput>): User {
    if (!ROLES_GRANTED_BY[actor.role].includes(input.role))
      throw new AppError(
        'FORBIDDEN',
        `Only ${WHO_MAY_ADD[input.role]} can add ${input.role === 'technician' ? 'a' : 'an'} ${input.role} profile`,
        { role: input.role, grantable: ROLES_GRANTED_BY[actor.role] },
      );
    return inTransaction(db, () => {
      if (findUserByEmail(db, input.email)) {
        throw new AppError('CONFLICT', `${input.email} is already used by another profile`, {
          field: 'email',
        });
      }
      const now = clock.now();
      const user = insertUser(db, { id: randomUUID(), ...input }, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'profile.add',
          entityType: 'user',
          entityId: user.id,
          details: { role: user.role },
        },
        now,
      );
      return user;
    });
  }

  function switchTo(id: string): User {
    const user = getUser(db, id);
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
