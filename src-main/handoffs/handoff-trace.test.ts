// The handoff story a session tells (issue 15): the header chip and the timeline, as the technician
// parks, resumes, escalates; as a senior picks it up; and once it is resolved (where the note went).
import { afterEach, expect, it } from 'vitest';
import type { MyHandoff, SessionDetail, SessionTrace, User } from '../../src-preload/contract';
import { callers } from '../test-support/callers';
import { manualClock, tempCore } from '../test-support/temp-core';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('parked, resumed, escalated, picked up, resolved: each in the timeline, the chip says where it stands', async () => {
  const clock = manualClock();
  const core = tempCore({ clock });
  cleanups.push(() => core.dispose());
  const { ok } = callers(core);
  const terry = await ok<User>('profile:create', {
    name: 'Terry Tech',
    email: 't@msp.example',
    role: 'owner',
  });
  const sam = await ok<User>('profile:add', { name: 'Sam Senior', email: 's@msp.example', role: 'engineer' });
  const session = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: session.id, body: 'Scanner shows offline after the switch swap' });
  const trace = async () => (await ok<SessionDetail>('sessions:get', { id: session.id })).trace;
  expect(await trace()).toEqual<SessionTrace>({ state: null, events: [] });

  await ok('handoffs:create', {
    sessionId: session.id,
    intent: 'park',
    reason: 'Waiting for the switch vendor',
    notes: 'Vendor promised a call at 3pm',
    priority: 'low',
  });
  expect((await trace()).state).toMatchObject({
    kind: 'parked',
    byName: 'Terry Tech',
    reason: 'Waiting for the switch vendor',
    notes: 'Vendor promised a call at 3pm',
  });
  expect((await trace()).state).toHaveProperty('ticketNumber', expect.stringMatching(/^BTN-/) as string);
  clock.advance(60_000);
  await ok('handoffs:resume', { id: session.id });
  expect((await trace()).state).toMatchObject({ kind: 'resumed', byName: 'Terry Tech' });

  clock.advance(60_000);
  const escalated = await ok<{ handoff: { id: string }; ticketNumber: string }>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'VLAN config is beyond me',
    priority: 'high',
    targetUserId: sam.id,
  });
  expect((await trace()).state).toEqual({
    kind: 'waiting',
    handoffId: escalated.handoff.id,
    since: clock.now(),
    priority: 'high',
    targetName: 'Sam Senior',
    ticketNumber: escalated.ticketNumber,
  });

  clock.advance(5 * 60_000);
  await ok('profile:switch', { id: sam.id });
  await ok('handoffs:claim', { id: escalated.handoff.id });
  expect((await trace()).state).toMatchObject({ kind: 'picked-up', byName: 'Sam Senior', at: clock.now() });
  // Terry, on the same computer, is told in the bell; his "My handoffs" says who has it.
  expect(core.services.bell.list(terry).items[0]).toMatchObject({
    title: 'Sam Senior picked up your escalation',
  });
  await ok('profile:switch', { id: terry.id });
  expect((await ok<MyHandoff[]>('handoffs:mine')).map((h) => [h.intent, h.state, h.claimedByName])).toEqual([
    ['escalate', 'picked-up', 'Sam Senior'],
    ['park', 'resumed', null],
  ]);
  await ok('profile:switch', { id: sam.id });

  clock.advance(60_000);
  await ok('notes:post', {
    sessionId: session.id,
    kind: 'resolve',
    markdown: '## Problem\nScanner offline.\n\n## Resolution\nMoved the port to VLAN 20.',
  });
  const done = await trace();
  expect(done.state).toMatchObject({ kind: 'resolved', place: { kind: 'baton' } });
  expect(done.events.map((e) => [e.kind, 'byName' in e ? e.byName : null])).toEqual([
    ['parked', 'Terry Tech'],
    ['resumed', 'Terry Tech'],
    ['escalated', 'Terry Tech'],
    ['picked-up', 'Sam Senior'],
    ['resolved', 'Sam Senior'],
  ]);
  expect(done.events.at(-1)).toHaveProperty('note', expect.stringContaining('VLAN 20') as string);
});
