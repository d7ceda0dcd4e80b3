import { randomUUID } from 'node:crypto';
import type { User, UserRole } from '../../src-preload/contract';
import type { Core } from '../core';
import { insertUser } from '../store/repos/users';

type ProfileInput = { name: string; email: string; role: UserRole };

/**
 * Test setup: another profile on this computer, as if its owner had added it. (The rules themselves —
 * the first profile is the owner, only owners and admins grant senior roles — are tested in
 * services/profile-rules.test.ts; tests about other things start from a machine already set up.)
 */
export function seedUser(core: Pick<Core, 'db'>, input: ProfileInput): User {
  return insertUser(
    core.db,
    { id: randomUUID(), ...input, email: input.email.trim().toLowerCase() },
    Date.now(),
  );
}

/** seedUser, then made the current profile. */
export function seedProfile(core: Pick<Core, 'db' | 'services'>, input: ProfileInput): User {
  return core.services.profiles.switchTo(seedUser(core, input).id);
}
