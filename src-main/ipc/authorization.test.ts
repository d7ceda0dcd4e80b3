// Authorization in main (issue 13, item 3): the table names every channel; the policy is stated here a
// second time, so a new channel (or a changed rule) fails until both are updated on purpose; the
// dispatcher enforces the table for every channel and every role; roles are never self-granted.
import { describe, expect, it } from 'vitest';
import type { User, UserRole } from '../../src-preload/contract';
import { CHANNELS, USER_ROLES } from '../../src-preload/contract';
import { callers } from '../test-support/callers';
import { seedProfile } from '../test-support/profiles';
import { tempCore } from '../test-support/temp-core';
import { CHANNEL_ACCESS, unlistedChannels } from './authorization';
import type { Handlers } from './dispatcher';
import { createDispatcher } from './dispatcher';

type Who = 'anyone' | 'signed-in' | 'seniors' | 'admins';

/** The policy, written out: who may call each channel. Change it only together with the table. */
const POLICY: Record<string, Who> = {
  'app:info': 'anyone',
  'app:update-status': 'anyone',
  'app:restart-to-update': 'signed-in',
  'notes:check': 'signed-in',
  'messages:reveal': 'signed-in',
  'insights:report': 'signed-in',
  'assessments:latest': 'signed-in',
  'settings:connectwise-people': 'signed-in',
  'settings:connectwise-map-member': 'admins',
  'settings:desktop-get': 'signed-in',
  'settings:desktop-save': 'signed-in',
  'startup:status': 'anyone',
  'startup:recover': 'anyone',
  'profile:current': 'anyone',
  'profile:create': 'anyone',
  'profile:add': 'signed-in',
  'profile:switch': 'signed-in',
  'managed:status': 'anyone',
  'settings:managed-get': 'signed-in',
  'settings:people-get': 'signed-in',
  'users:list': 'signed-in',
  'handoffs:create': 'signed-in',
  'handoffs:list': 'signed-in',
  'handoffs:get': 'signed-in',
  'handoffs:mine': 'signed-in',
  'handoffs:claim': 'seniors',
  'handoffs:refresh': 'seniors',
  'handoffs:resume': 'signed-in',
  'sessions:list': 'signed-in',
  'sessions:create': 'signed-in',
  'sessions:get': 'signed-in',
  'messages:add': 'signed-in',
  'messages:retry-reply': 'signed-in',
  'sessions:search': 'signed-in',
  'sessions:request-escalation': 'signed-in',
  'sessions:rename': 'signed-in',
  'steps:add': 'signed-in',
  'steps:update': 'signed-in',
  'steps:remove': 'signed-in',
  'facts:add': 'signed-in',
  'facts:update': 'signed-in',
  'facts:remove': 'signed-in',
  'hypotheses:add': 'signed-in',
  'hypotheses:update': 'signed-in',
  'hypotheses:remove': 'signed-in',
  'settings:ai-get': 'signed-in',
  'settings:ai-save': 'admins',
  'settings:ai-test': 'admins',
  'notifications:list': 'signed-in',
  'notifications:mark-read': 'signed-in',
  'settings:webhooks-get': 'signed-in',
  'settings:webhooks-save': 'admins',
  'settings:webhooks-test': 'admins',
  'fixes:decide': 'signed-in',
  'fixes:outcome': 'signed-in',
  'notes:preview': 'signed-in',
  'notes:post': 'signed-in',
  'notes:retry-post': 'signed-in',
  'sessions:link-ticket': 'signed-in',
  'sessions:ticket': 'signed-in',
  'settings:connectwise-get': 'signed-in',
  'settings:connectwise-save': 'admins',
  'settings:connectwise-test': 'admins',
  'settings:connectwise-boards': 'admins',
  'settings:connectwise-statuses': 'admins',
  'settings:connectwise-save-mapping': 'admins',
  'settings:microsoft-get': 'signed-in',
  'settings:microsoft-save': 'admins',
  'settings:microsoft-sign-in': 'admins',
  'settings:microsoft-sign-out': 'admins',
  'settings:email-recipients-get': 'signed-in',
  'settings:email-recipients-save': 'admins',
  'settings:team-get': 'signed-in',
  'settings:team-save': 'admins',
  'settings:handoffs-get': 'signed-in',
  'settings:handoffs-save': 'admins',
  'settings:appearance-get': 'anyone',
  'settings:appearance-save': 'signed-in',
  'queue:status': 'anyone',
  'queue:list': 'signed-in',
  'queue:retry': 'signed-in',
  'queue:discard': 'signed-in',
  'connection:set-work-offline': 'signed-in',
};

const ROLES_OF: Record<Who, readonly UserRole[]> = {
  anyone: USER_ROLES,
  'signed-in': USER_ROLES,
  seniors: ['owner', 'admin', 'engineer'],
  admins: ['owner', 'admin'],
};

const user = (role: UserRole, active = true): User => ({
  id: `u-${role}`,
  name: `Pat ${role}`,
  email: `${role}@example.com`,
  role,
  active,
  createdAt: 0,
});

describe('the authorization table', () => {
  it('names every channel of the contract, and the stated policy names exactly the same channels', () => {
    expect(unlistedChannels()).toEqual([]);
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNELS].sort());
    // A channel added to the contract fails here until it is added to POLICY, deliberately.
    expect(Object.keys(POLICY).sort()).toEqual([...CHANNELS].sort());
  });

  it('says for every channel what the policy says', () => {
    for (const channel of CHANNELS) {
      const access = CHANNEL_ACCESS[channel];
      const who = POLICY[channel]!;
      if (who === 'anyone') expect(access, channel).toEqual({ who: 'anyone' });
      else
        expect([...(access.who as readonly UserRole[])].sort(), channel).toEqual([...ROLES_OF[who]].sort());
    }
  });
});

describe('the dispatcher enforces it for every channel and every role', () => {
  // Handlers that only record: this is about who gets through, not what the handlers do.
  const reached: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_target, channel: string) => () => {
      reached.push(channel);
      return null;
    },
  });

  const callers_: [string, User | null][] = [
    ['no profile yet', null],
    ...USER_ROLES.map((role): [string, User] => [role, user(role)]),
    ['a deactivated owner', user('owner', false)],
  ];
  for (const [label, caller] of callers_) {
    it(`as ${label}`, async () => {
      const dispatch = createDispatcher(handlers, () => undefined, { currentUser: () => caller });
      for (const channel of CHANNELS) {
        reached.length = 0;
        const who = POLICY[channel]!;
        const allowed =
          who === 'anyone' || (caller !== null && caller.active && ROLES_OF[who].includes(caller.role));
        // Input is checked after the caller: an unauthorized call is refused whatever it sends.
        const reply = await dispatch(channel, { anything: 'at all' });
        if (allowed) {
          expect(reply.ok || reply.error.code !== 'FORBIDDEN', `${label} → ${channel}`).toBe(true);
          continue;
        }
        expect(reply, `${label} → ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(reached).toEqual([]);
        const message = !reply.ok ? reply.error.message : '';
        if (caller === null) expect(message).toBe('Create your profile first');
        else if (!caller.active) expect(message).toMatch(/deactivated/);
        // Every refusal says who can do it.
        else
          expect(message, channel).toMatch(
            who === 'admins'
              ? /^Only an owner or admin can .+\. Ask one of them\.$/
              : /^Only an owner, admin or engineer can .+\./,
          );
      }
    });
  }
});

describe('roles are never self-granted', () => {
  it('the first profile on a computer is its owner; a second first-run profile is refused', async () => {
    const core = tempCore();
    try {
      const { call, ok } = callers(core);
      expect(
        await call('profile:create', { name: 'Tess', email: 'tess@example.com', role: 'technician' }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringMatching(/first profile on this computer is its owner/) as string,
        },
      });
      expect(await ok<User>('profile:create', { name: 'Olive', email: 'olive@example.com' })).toMatchObject({
        role: 'owner',
      });
      expect(await call('profile:create', { name: 'Mallory', email: 'm@example.com' })).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: expect.stringMatching(/Only an owner or admin adds profiles/) as string,
        },
      });
    } finally {
      await core.dispose();
    }
  });

  it('creating an admin or owner needs an owner or admin; an engineer profile needs a senior', async () => {
    const core = tempCore();
    try {
      const { call, ok } = callers(core);
      const asRole = (role: UserRole) =>
        seedProfile(core, { name: `Pat ${role}`, email: `pat.${role}.${Math.random()}@example.com`, role });
      const add = (role: UserRole) =>
        call('profile:add', { name: `New ${role}`, email: `new.${role}.${Math.random()}@example.com`, role });
      const expected: Record<UserRole, Record<UserRole, boolean>> = {
        technician: { technician: true, engineer: false, admin: false, owner: false },
        engineer: { technician: true, engineer: true, admin: false, owner: false },
        admin: { technician: true, engineer: true, admin: true, owner: true },
        owner: { technician: true, engineer: true, admin: true, owner: true },
      };
      for (const actor of USER_ROLES) {
        asRole(actor);
        for (const role of USER_ROLES) {
          const reply = await add(role);
          if (expected[actor][role])
            expect(reply, `${actor} adds ${role}`).toMatchObject({ ok: true, value: { role } });
          else
            expect(reply, `${actor} adds ${role}`).toMatchObject({
              ok: false,
              error: {
                code: 'FORBIDDEN',
                message:
                  role === 'engineer'
                    ? 'Only an owner, admin or engineer can add an engineer profile'
                    : `Only an owner or admin can add an ${role} profile`,
              },
            });
        }
      }
      // A technician cannot make themselves an admin by adding one and switching to it.
      asRole('technician');
      expect(
        (await ok<User[]>('users:list')).filter((u) => u.name === 'New admin' && u.role === 'admin'),
      ).toHaveLength(2);
    } finally {
      await core.dispose();
    }
  });

  it('a technician is refused the admin channels with a message saying who can', async () => {
    const core = tempCore();
    try {
      seedProfile(core, { name: 'Terry', email: 'terry@example.com', role: 'technician' });
      expect(
        await core.dispatch('settings:ai-test', {
          provider: 'anthropic',
          baseUrl: 'https://example.com',
          model: 'm',
        }),
      ).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Only an owner or admin can test the AI assistant connection. Ask one of them.',
          details: { channel: 'settings:ai-test', allowedRoles: ['owner', 'admin'], role: 'technician' },
        },
      });
      expect(await core.dispatch('handoffs:claim', { id: crypto.randomUUID() })).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Only an owner, admin or engineer can claim handoffs. Ask one of them.',
        },
      });
    } finally {
      await core.dispose();
    }
  });
});
