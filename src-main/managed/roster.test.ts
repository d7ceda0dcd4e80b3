// The team roster decides roles (issue 17): a new profile gets the roster's role (an email not on it is
// refused), a technician cannot bring in or switch to an admin, a profile the roster does not list is set
// aside at the next start, the roster's member identifiers are the ConnectWise mapping; without a roster
// the local rules hold.
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedStatus, PeopleView, User } from '../../src-preload/contract';
import { listAudit } from '../store/repos/audit-log';
import { memberMapping } from '../store/repos/users';
import { callers } from '../test-support/callers';
import { managedComputer } from '../test-support/managed';

const ROSTER = [
  { name: 'Ada Admin', email: 'ada@contoso.com', role: 'admin', connectwiseMember: 'aadmin' },
  { name: 'Sam Senior', email: 'sam@contoso.com', role: 'engineer' },
  { name: 'Tom Tech', email: 'tom@contoso.com', role: 'technician' },
];

let computer: ReturnType<typeof managedComputer>;
afterEach(async () => computer.dispose());

describe('with a roster', () => {
  it('the first profile gets the roster’s role, not owner; an email not on the roster is refused', async () => {
    computer = managedComputer();
    const core = computer.start({ roster: ROSTER });
    const { call, ok } = callers(core);
    expect(await ok<ManagedStatus>('managed:status')).toEqual({
      file: computer.file,
      roster: true,
      notOnRoster: null,
    });
    const refused = await call('profile:create', { name: 'Mallory', email: 'mallory@contoso.com' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `mallory@contoso.com is not on your organization's team roster (${computer.file}). Use the work email the roster lists for you, or ask your administrator to add you.`,
      },
    });
    // Matched by email whatever its case; the role is the roster's.
    expect(await ok<User>('profile:create', { name: 'Tom', email: 'Tom@Contoso.com' })).toMatchObject({
      email: 'tom@contoso.com',
      role: 'technician',
    });
  });

  it('a technician cannot add an admin or engineer; an admin adds people with the roster’s role', async () => {
    computer = managedComputer();
    const core = computer.start({ roster: ROSTER });
    const { call, ok } = callers(core);
    await ok('profile:create', { name: 'Tom', email: 'tom@contoso.com' });
    // Asking for technician does not help: the roster makes Ada an admin.
    expect(
      await call('profile:add', { name: 'Ada', email: 'ada@contoso.com', role: 'technician' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          'The team roster makes ada@contoso.com an admin: only an owner or admin can add that profile',
      },
    });
    expect(
      await call('profile:add', { name: 'Sam', email: 'sam@contoso.com', role: 'technician' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await call('profile:add', { name: 'Eve', email: 'eve@contoso.com', role: 'technician' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('not on your organization') as string },
    });
    expect((await ok<User[]>('users:list')).map((u) => u.email)).toEqual(['tom@contoso.com']);

    // On another computer Ada is first; she adds Sam, who is an engineer whatever role she picked.
    await computer.dispose();
    computer = managedComputer();
    const other = computer.start({ roster: ROSTER });
    const admin = callers(other);
    expect(await admin.ok<User>('profile:create', { name: 'Ada', email: 'ada@contoso.com' })).toMatchObject({
      role: 'admin',
    });
    expect(
      await admin.ok<User>('profile:add', { name: 'Sam', email: 'sam@contoso.com', role: 'owner' }),
    ).toMatchObject({ role: 'engineer' });
  });

  it('the roster’s ConnectWise member is the mapping, locked', async () => {
    computer = managedComputer();
    const core = computer.start({ roster: ROSTER });
    const { call, ok } = callers(core);
    const ada = await ok<User>('profile:create', { name: 'Ada', email: 'ada@contoso.com' });
    expect(memberMapping(core.db, ada.id)).toBe('aadmin');
    expect(
      await call('settings:connectwise-map-member', { userId: ada.id, identifier: 'someone' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `Ada's ConnectWise member comes from your organization's team roster (${computer.file}) and cannot be changed here`,
      },
    });
    const people = await ok<PeopleView>('settings:people-get');
    expect(people.rosterFile).toBe(computer.file);
    expect(people.people).toEqual([
      {
        name: 'Ada Admin',
        email: 'ada@contoso.com',
        role: 'admin',
        source: 'roster',
        profile: { userId: ada.id, active: true, current: true },
        member: { identifier: 'aadmin', from: 'roster' },
      },
      expect.objectContaining({ email: 'sam@contoso.com', profile: null, member: null }),
      expect.objectContaining({ email: 'tom@contoso.com', role: 'technician', profile: null }),
    ]);
  });
});

describe('when a roster arrives on a computer already in use', () => {
  it('roles follow the roster; a profile not on it is set aside and cannot be switched to', async () => {
    computer = managedComputer();
    let core = computer.start(undefined);
    let api = callers(core);
    // Before the roster: Pat is the owner (first profile), and adds Tom as an admin.
    const pat = await api.ok<User>('profile:create', { name: 'Pat Owner', email: 'pat@contoso.com' });
    const tom = await api.ok<User>('profile:add', { name: 'Tom', email: 'tom@contoso.com', role: 'admin' });
    expect(pat.role).toBe('owner');
    await api.ok('profile:switch', { id: tom.id });

    core = await computer.restart({ roster: ROSTER });
    api = callers(core);
    // Tom is a technician now; Pat is not on the roster: set aside.
    expect(await api.ok<User>('profile:current')).toMatchObject({
      id: tom.id,
      role: 'technician',
      active: true,
    });
    const refused = await api.call('profile:switch', { id: pat.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `Pat Owner (pat@contoso.com) is not on your organization's team roster (${computer.file}), so this profile cannot be used here`,
      },
    });
    expect(await api.ok<User | null>('profile:current')).toMatchObject({ id: tom.id, role: 'technician' });
    // The technician cannot reach an admin channel any more.
    expect(await api.call('settings:team-save', { pollSeconds: 30, boardIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const people = await api.ok<PeopleView>('settings:people-get');
    expect(people.people.find((p) => p.email === 'pat@contoso.com')).toMatchObject({
      source: 'not-on-roster',
      profile: { userId: pat.id, active: false, current: false },
    });
    // Audited: who changed, and why.
    expect(listAudit(core.db, 'user', tom.id).map((a) => a.action)).toContain('profile.roster.role');
    expect(listAudit(core.db, 'user', pat.id).map((a) => a.action)).toContain('profile.roster.set_aside');
  });

  it('the profile in use, set aside, leads to the first-run screen, which says why', async () => {
    computer = managedComputer();
    let core = computer.start(undefined);
    await callers(core).ok('profile:create', { name: 'Pat Owner', email: 'pat@contoso.com' });
    core = await computer.restart({ roster: ROSTER });
    const api = callers(core);
    expect(await api.ok('profile:current')).toBeNull();
    expect(await api.ok<ManagedStatus>('managed:status')).toMatchObject({
      roster: true,
      notOnRoster: { name: 'Pat Owner', email: 'pat@contoso.com' },
    });
    // The first-run form then takes the person's roster email.
    expect(await api.ok<User>('profile:create', { name: 'Sam', email: 'sam@contoso.com' })).toMatchObject({
      role: 'engineer',
    });
    expect((await api.ok<ManagedStatus>('managed:status')).notOnRoster).toBeNull();
  });

  it('without the roster again, local rules hold: set-aside profiles come back as technicians', async () => {
    computer = managedComputer();
    let core = computer.start(undefined);
    let api = callers(core);
    const pat = await api.ok<User>('profile:create', { name: 'Pat Owner', email: 'pat@contoso.com' });
    const ada = await api.ok<User>('profile:add', {
      name: 'Ada',
      email: 'ada@contoso.com',
      role: 'technician',
    });
    await api.ok('profile:switch', { id: ada.id });
    core = await computer.restart({ roster: ROSTER });
    expect(memberMapping(core.db, ada.id)).toBe('aadmin');
    await expect(callers(core).ok<User>('profile:current')).resolves.toMatchObject({ role: 'admin' });

    core = await computer.restart(undefined);
    api = callers(core);
    const users = await api.ok<User[]>('users:list');
    expect(users.find((u) => u.id === pat.id)).toMatchObject({ role: 'technician', active: true });
    // Roles the roster gave stay; its member identifier is let go (matched by email again).
    expect(users.find((u) => u.id === ada.id)).toMatchObject({ role: 'admin', active: true });
    expect(memberMapping(core.db, ada.id)).toBeNull();
    expect((await api.ok<ManagedStatus>('managed:status')).roster).toBe(false);
  });
});
