// Who may call what (issue 13, item 3): ONE table mapping every contract channel to the roles that may
// call it, enforced by the dispatcher before any handler runs. `satisfies Record<Channel, …>` makes a
// channel missing from the table a type error, and authorization.test.ts states the policy again and
// fails until a new channel is added to both deliberately.
import type { Channel, User, UserRole } from '../../src-preload/contract';
import { ADMIN_ROLES, CHANNELS, SENIOR_ROLES, USER_ROLES } from '../../src-preload/contract';
import { AppError } from '../errors';

/** `anyone`: callable before a profile exists (start-up, first run); otherwise the roles that may call it. */
export type ChannelAccess =
  | { who: 'anyone' }
  | { who: readonly UserRole[]; /** "change the AI settings": completes "Only … can …". */ action?: string };

const EVERY_ROLE: readonly UserRole[] = USER_ROLES;
// The senior roles (claim handoffs, check the team queue) and the admin roles, from the contract's one list.
const SENIORS = SENIOR_ROLES;
const ADMINS = ADMIN_ROLES;

const anyone: ChannelAccess = { who: 'anyone' };
const signedIn: ChannelAccess = { who: EVERY_ROLE };
const seniors = (action: string): ChannelAccess => ({ who: SENIORS, action });
const admins = (action: string): ChannelAccess => ({ who: ADMINS, action });

export const CHANNEL_ACCESS = {
  'app:info': anyone,
  // The status bar asks from the first screen on; restarting waits for work in flight (any profile).
  'app:update-status': anyone,
  'app:restart-to-update': signedIn,
  'startup:status': anyone,
  'startup:recover': anyone,
  'profile:current': anyone,
  // First run only: the profile service refuses once this Baton has a profile (the first is its owner).
  'profile:create': anyone,
  // Which role the new profile may have is decided with the actor's role (profile-service.ts).
  'profile:add': signedIn,
  'profile:switch': signedIn,
  // The first-run screen says whether the organization's roster decides roles (before any profile).
  'managed:status': anyone,
  'settings:managed-get': signedIn,
  'settings:people-get': signedIn,
  'users:list': signedIn,

  'sessions:list': signedIn,
  'sessions:create': signedIn,
  'sessions:get': signedIn,
  'sessions:search': signedIn,
  'sessions:request-escalation': signedIn,
  'sessions:rename': signedIn,
  'sessions:link-ticket': signedIn,
  'sessions:ticket': signedIn,
  'messages:add': signedIn,
  'messages:retry-reply': signedIn,
  'steps:add': signedIn,
  'steps:update': signedIn,
  'steps:remove': signedIn,
  'facts:add': signedIn,
  'facts:update': signedIn,
  'facts:remove': signedIn,
  'hypotheses:add': signedIn,
  'hypotheses:update': signedIn,
  'hypotheses:remove': signedIn,
  'fixes:decide': signedIn,
  'fixes:outcome': signedIn,
  'notes:preview': signedIn,
  'notes:post': signedIn,
  'notes:retry-post': signedIn,
  // What notes:post would post (its redaction), nothing stored.
  'notes:check': signedIn,
  // Only the person who pasted a secret sees it again (messages-service checks the author).
  'messages:reveal': signedIn,
  // A technician's Insights cover their own work (insights-service decides the scope).
  'insights:report': signedIn,
  'assessments:latest': signedIn,

  'handoffs:create': signedIn,
  // The queue is for seniors (a technician's list is empty); the escalator reads their own handoff.
  'handoffs:list': signedIn,
  'handoffs:get': signedIn,
  'handoffs:mine': signedIn,
  'handoffs:claim': seniors('claim handoffs'),
  'handoffs:refresh': seniors('check ConnectWise for team escalations'),
  'handoffs:resume': signedIn,

  'notifications:list': signedIn,
  'notifications:mark-read': signedIn,
  // The status bar's connection and outbox counts: nothing private, and read before the first profile.
  'queue:status': anyone,
  'queue:list': signedIn,
  'queue:retry': signedIn,
  'queue:discard': signedIn,
  'connection:set-work-offline': signedIn,

  // Settings: everyone reads them (the views never carry a secret); owners and admins change and test
  // them, since a test sends the stored keys.
  'settings:ai-get': signedIn,
  'settings:ai-save': admins('change the AI assistant settings'),
  'settings:ai-test': admins('test the AI assistant connection'),
  'settings:webhooks-get': signedIn,
  'settings:webhooks-save': admins('change the Teams and Slack webhooks'),
  'settings:webhooks-test': admins('send a test message to Teams or Slack'),
  'settings:connectwise-get': signedIn,
  'settings:connectwise-save': admins('change the ConnectWise connection'),
  'settings:connectwise-test': admins('test the ConnectWise connection'),
  'settings:connectwise-boards': admins('load ConnectWise service boards'),
  'settings:connectwise-statuses': admins('load ConnectWise ticket statuses'),
  'settings:connectwise-save-mapping': admins('map ConnectWise ticket statuses'),
  'settings:connectwise-people': signedIn,
  'settings:connectwise-map-member': admins('map people to ConnectWise members'),
  'settings:microsoft-get': signedIn,
  'settings:microsoft-save': admins('change the Microsoft 365 settings'),
  'settings:microsoft-sign-in': admins('sign in to Microsoft 365 for escalation email'),
  'settings:microsoft-sign-out': admins('sign out of Microsoft 365'),
  'settings:email-recipients-get': signedIn,
  'settings:email-recipients-save': admins('choose who gets escalation email'),
  'settings:team-get': signedIn,
  'settings:team-save': admins('change the team escalation settings'),
  'settings:handoffs-get': signedIn,
  'settings:handoffs-save': admins('change the escalation settings'),
  // Start at login is each person's choice on this computer; the update feed is checked in the service.
  'settings:desktop-get': signedIn,
  'settings:desktop-save': signedIn,
  // This computer's look: read before any profile exists (the first-run screen is themed too);
  // anyone signed in may change it, since it changes nothing for the team.
  'settings:appearance-get': anyone,
  'settings:appearance-save': signedIn,
} as const satisfies Record<Channel, ChannelAccess>;

const ROLE_WORDS: Record<UserRole, string> = {
  owner: 'an owner',
  admin: 'an admin',
  engineer: 'an engineer',
  technician: 'a technician',
};

/** "an owner or admin", "an owner, admin or engineer". */
export function rolesInWords(roles: readonly UserRole[]): string {
  const words = roles.map((role, i) => (i === 0 ? ROLE_WORDS[role] : role));
  return words.length <= 1 ? (words[0] ?? 'nobody') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export function accessOf(channel: Channel): ChannelAccess {
  return CHANNEL_ACCESS[channel];
}

/** Whether `user` may call `channel` (views use it for canEdit, so the table is the one answer). */
export function mayCall(user: User | null, channel: Channel): boolean {
  const access = accessOf(channel);
  if (access.who === 'anyone') return true;
  return user !== null && user.active && access.who.includes(user.role);
}

/** The refusal for `user` calling `channel`, or null when allowed. FORBIDDEN says who can do it. */
export function refusal(user: User | null, channel: Channel): AppError | null {
  if (mayCall(user, channel)) return null;
  const access = accessOf(channel);
  const allowed = access.who === 'anyone' ? EVERY_ROLE : access.who;
  const details = { channel, allowedRoles: allowed };
  if (!user) return new AppError('FORBIDDEN', 'Create your profile first', details);
  if (!user.active)
    return new AppError(
      'FORBIDDEN',
      `${user.name}'s profile is deactivated: switch to another profile`,
      details,
    );
  const action = 'action' in access && access.action ? access.action : 'do this';
  return new AppError('FORBIDDEN', `Only ${rolesInWords(allowed)} can ${action}. Ask one of them.`, {
    ...details,
    role: user.role,
  });
}

/** Throws the refusal (for services reached outside the dispatcher, e.g. the tray's Claim). */
export function assertMayCall(user: User | null, channel: Channel): void {
  const refused = refusal(user, channel);
  if (refused) throw refused;
}

/** Channels in the contract that the table does not name (always empty: the type makes sure). */
export const unlistedChannels = (): string[] => CHANNELS.filter((c) => !Object.hasOwn(CHANNEL_ACCESS, c));
