import { randomUUID } from 'node:crypto';
import type { User } from '../../src-preload/contract';
import type { ProfileCreateInput } from '../../src-preload/contract';
import type { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { findUserByEmail, getUser, insertUser } from '../store/repos/users';

const CURRENT_PROFILE_KEY = 'local.currentProfileId';

/** The person using this Baton. The first run creates it; every action is attributed to it. */
export function createProfileService(db: Db, clock: Clock) {
  function current(): User | null {
    const id = getSetting<string>(db, CURRENT_PROFILE_KEY);
    return id ? getUser(db, id) : null;
  }

  function require(): User {
    const user = current();
    if (!user) throw new AppError('FORBIDDEN', 'Create your profile first');
    return user;
  }

  function create(input: z.output<typeof ProfileCreateInput>): User {
    return inTransaction(db, () => {
      if (current()) throw new AppError('CONFLICT', 'This Baton already has a profile');
      if (findUserByEmail(db, input.email)) {
        throw new AppError('CONFLICT', `${input.email} is already used by another profile`, {
          field: 'email',
        });
      }
      const now = clock.now();
      const user = insertUser(db, { id: randomUUID(), ...input }, now);
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
  }

  return { current, require, create };
}

export type ProfileService = ReturnType<typeof createProfileService>;
