// People: roles (who may claim, who runs this Baton, who may grant what) and profiles on this computer.
import { z } from 'zod';
import { id } from './fields';

export const USER_ROLES = ['owner', 'admin', 'engineer', 'technician'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The roles that take escalations: they see the Handoffs queue, claim, and are told of new handoffs. */
export const SENIOR_ROLES: readonly UserRole[] = ['owner', 'admin', 'engineer'];
export const isSenior = (role: UserRole): boolean => SENIOR_ROLES.includes(role);
/** The roles that run this Baton: settings, connections, who may do what. */
export const ADMIN_ROLES: readonly UserRole[] = ['owner', 'admin'];
export const isAdmin = (role: UserRole): boolean => ADMIN_ROLES.includes(role);

/**
 * Roles are never self-granted: which roles a profile of each role may give a new profile. Admin and
 * owner need an owner or admin; an engineer needs a senior (a technician adding one and switching to
 * it would be granting themselves claims). Main enforces it; the UI offers only these.
 */
export const ROLES_GRANTED_BY: Record<UserRole, readonly UserRole[]> = {
  owner: ['owner', 'admin', 'engineer', 'technician'],
  admin: ['owner', 'admin', 'engineer', 'technician'],
  engineer: ['engineer', 'technician'],
  technician: ['technician'],
};

/** Timestamps cross the contract as epoch milliseconds (UTC), as they are stored. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  createdAt: number;
}

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const profileName = trimmed('Name', 100);
const profileEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, like jane@example.com'));

/** Another profile on this computer, added by someone already signed in (their role decides which roles). */
export const ProfileCreateInput = z.object({
  name: profileName,
  email: profileEmail,
  role: z.enum(USER_ROLES, { error: 'Choose a role: owner, admin, engineer or technician' }),
});

/** The first profile on a computer: it is the computer's owner, who then adds everyone else. */
export const ProfileFirstInput = z.object({
  name: profileName,
  email: profileEmail,
  role: z
    .literal('owner', {
      error:
        'The first profile on this computer is its owner; add other roles from the profile menu afterwards',
    })
    .optional(),
});

export const ProfileSwitchInput = z.object({ id: id('profile') });
