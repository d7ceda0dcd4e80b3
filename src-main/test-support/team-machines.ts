// Test support for team escalations (DESIGN §6): laptops as separate cores — each its own data dir, as
// on separate machines — sharing one ConnectWise fake and nothing else.
import type { ConnectWiseFake, ConnectWiseFakeOptions } from '../../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../../e2e/fakes/connectwise-fake';
import type { User } from '../../src-preload/contract';
import type { Core } from '../core';
import { createHttpClient } from '../net/http';
import { fakeConnection } from '../psa/connectwise/testing';
import { callers } from './callers';
import type { manualClock } from './temp-core';
import { tempCore, tempDir } from './temp-core';

export const PEOPLE = {
  terry: { name: 'Terry Tech', email: 'terry@msp.example', role: 'technician', member: 'ttech', id: 11 },
  sam: { name: 'Sam Senior', email: 'sam@msp.example', role: 'engineer', member: 'ssenior', id: 12 },
  jane: { name: 'Jane Doe', email: 'jane@msp.example', role: 'engineer', member: 'jdoe', id: 13 },
  ann: { name: 'Ann Admin', email: 'ann@msp.example', role: 'admin', member: 'aadmin', id: 14 },
} as const;
export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];
/** Tickets are normally assigned, often to the technician working them (API-NOTES). */
export const TERRY_AS_OWNER = {
  id: PEOPLE.terry.id,
  identifier: PEOPLE.terry.member,
  name: PEOPLE.terry.name,
};

export type Cleanups = (() => Promise<unknown> | void)[];

/** The team's ConnectWise: every person a member, plus ten more seniors. */
export async function sharedConnectWise(cleanups: Cleanups, options: ConnectWiseFakeOptions = {}) {
  const cw = await startConnectWiseFake({
    ...options,
    members: [
      ...Object.values(PEOPLE).map((p) => ({
        id: p.id,
        identifier: p.member,
        firstName: p.name.split(' ')[0],
        lastName: p.name.split(' ')[1],
        email: p.email,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        id: 100 + i,
        identifier: `senior${i}`,
        firstName: 'Senior',
        lastName: String(i),
        email: `senior${i}@msp.example`,
      })),
    ],
  });
  cleanups.push(() => cw.close());
  return cw;
}

export type Machine = Awaited<ReturnType<typeof machine>>;

/** One laptop: its own data dir, ConnectWise set up by an admin, then `person` signed in. */
export async function machine(
  cleanups: Cleanups,
  cw: ConnectWiseFake,
  person: Person | { name: string; email: string; role: string },
  options: { dataDir?: string; clock?: ReturnType<typeof manualClock>; claimedStatus?: boolean } = {},
) {
  const dir = options.dataDir ? null : tempDir();
  const core: Core & { dataDir: string } = tempCore({
    ...(options.clock ? { clock: options.clock } : {}),
    dataDir: options.dataDir ?? dir!.path,
    http: createHttpClient({ defaultTimeoutMs: 3_000 }),
    teamPoll: false,
    worker: { backoff: { baseMs: 20, capMs: 80 } },
  });
  const { ok, call } = callers(core);
  let me: User;
  if (!options.dataDir) {
    await ok<User>('profile:create', {
      name: 'Machine Admin',
      email: `admin.${Math.random()}@msp.example`,
      role: 'owner',
    });
    await ok('settings:connectwise-save', fakeConnection(cw));
    await ok('settings:connectwise-save-mapping', {
      boardId: 1,
      escalated: 7,
      claimed: options.claimedStatus === false ? null : 8,
      resolved: 9,
    });
    me = await ok<User>('profile:add', { name: person.name, email: person.email, role: person.role });
    await ok('profile:switch', { id: me.id });
  } else me = (await ok<User | null>('profile:current'))!;
  const close = () => core.close();
  cleanups.push(async () => {
    await close();
    dir?.remove();
  });
  const events: { event: string; payload: unknown }[] = [];
  core.events.onAny((event, payload) => void events.push({ event, payload }));
  return { core, ok, call, me, close, events, dataDir: core.dataDir, poll: () => core.services.team.poll() };
}
