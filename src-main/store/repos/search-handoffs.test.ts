// Search finds a session by its handoff story too (issue 15): the support ticket number, what the
// technician wrote when parking or escalating it, and a hypothesis's reason.
import { afterEach, expect, it } from 'vitest';
import type { HandoffConfirmation, SearchHit, SessionDetail } from '../../../src-preload/contract';
import { callers } from '../../test-support/callers';
import { tempCore } from '../../test-support/temp-core';
import { until } from '../../test-support/until';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('finds sessions by ticket number, park notes and hypothesis reasons', async () => {
  const core = tempCore();
  cleanups.push(() => core.dispose());
  const { ok } = callers(core);
  await ok('profile:create', { name: 'Terry Tech', email: 't@msp.example', role: 'owner' });
  const printer = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: printer.id, body: 'Printer on floor 3 jams' });
  const parked = await ok<HandoffConfirmation>('handoffs:create', {
    sessionId: printer.id,
    intent: 'park',
    reason: 'Waiting for the fuser kit',
    notes: 'Ricoh engineer visits Thursday',
    priority: 'low',
  });
  // A new handoff is indexed by a local job right after it commits (never on the escalate click).
  const indexed = (handoffId: string) =>
    core.sqlite
      .prepare('select count(*) from session_search_docs where source_id = ? and kind = 4')
      .pluck()
      .get(handoffId) === 1;
  await until(core, () => indexed(parked.handoff.id), 'the parked handoff indexed');
  const vpn = await ok<SessionDetail>('sessions:create', {});
  await ok('messages:add', { sessionId: vpn.id, body: 'VPN drops' });
  const branch = await ok<{ id: string }>('hypotheses:add', { sessionId: vpn.id, label: 'MTU too large' });
  await ok('hypotheses:update', {
    id: branch.id,
    status: 'dead_end',
    reason: 'Fragmentation ruled out by ping -f',
  });

  const search = async (query: string) =>
    (await ok<SearchHit[]>('sessions:search', { query })).map((h) => h.session.id);
  expect(await search(parked.ticketNumber)).toEqual([printer.id]);
  expect(await search('Ricoh Thursday')).toEqual([printer.id]);
  expect(await search('fuser')).toEqual([printer.id]);
  expect(await search('fragmentation')).toEqual([vpn.id]);
  const hit = (await ok<SearchHit[]>('sessions:search', { query: 'fragmentation' }))[0]!;
  expect(hit.snippet).toContain('«Fragmentation»');

  // Edits are followed: the reason changed, the old words no longer find it.
  await ok('hypotheses:update', { id: branch.id, reason: 'The tunnel MTU is fine' });
  expect(await search('fragmentation')).toEqual([]);
  expect(await search('tunnel')).toEqual([vpn.id]);
});

it('a renamed session keeps its problem statement whole; search finds it by the new title', async () => {
  const core = tempCore();
  cleanups.push(() => core.dispose());
  const { ok } = callers(core);
  await ok('profile:create', { name: 'Terry Tech', email: 't@msp.example', role: 'owner' });
  const session = await ok<SessionDetail>('sessions:create', {});
  const problem =
    'Outlook on the reception PC asks for the password every few minutes since Monday morning, even after a reboot and a new profile';
  await ok('messages:add', { sessionId: session.id, body: problem });
  const named = await ok<SessionDetail>('sessions:get', { id: session.id });
  expect(named.title.length).toBeLessThan(problem.length);
  expect(named.problemSummary).toBe(problem);
  await ok('sessions:rename', { id: session.id, title: 'Reception Outlook password loop' });
  const renamed = await ok<SessionDetail>('sessions:get', { id: session.id });
  expect(renamed).toMatchObject({ title: 'Reception Outlook password loop', problemSummary: problem });
  expect((await ok<SearchHit[]>('sessions:search', { query: 'loop' })).map((h) => h.session.id)).toEqual([
    session.id,
  ]);
  const refused = await core.dispatch('sessions:rename', { id: session.id, title: '   ' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});
