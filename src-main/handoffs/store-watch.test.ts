// Two Batons on one store (a shared workstation): each announces what the other did to the queue.
import { afterEach, expect, it } from 'vitest';
import type { HandoffConfirmation, SessionDetail } from '../../src-preload/contract';
import { callers } from '../test-support/callers';
import { tempCore, tempDir } from '../test-support/temp-core';
import { seedProfile, seedUser } from '../test-support/profiles';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

it('a handoff created, claimed or closed by another process on the same store is announced here, once', async () => {
  const dir = tempDir();
  const a = tempCore({ dataDir: dir.path, startWorker: false });
  const b = tempCore({ dataDir: dir.path, startWorker: false });
  cleanups.push(
    () => dir.remove(),
    () => a.close(),
    () => b.close(),
  );
  const onA = callers(a);
  const tech = seedProfile(a, {
    name: 'Terry Tech',
    email: 't@x.example',
    role: 'technician',
  });
  const senior = seedUser(a, {
    name: 'Sam Senior',
    email: 's@x.example',
    role: 'engineer',
  });
  const seen: { process: string; event: string; id: string }[] = [];
  for (const [name, core] of [
    ['a', a],
    ['b', b],
  ] as const)
    core.events.onAny((event, payload) => {
      if (event.startsWith('handoff_'))
        seen.push({
          process: name,
          event,
          id:
            (payload as { id?: string; handoffId?: string }).id ??
            (payload as { handoffId: string }).handoffId,
        });
    });

  const escalate = async (intent: 'escalate' | 'park') => {
    await onA.ok('profile:switch', { id: tech.id });
    const session = await onA.ok<SessionDetail>('sessions:create', {});
    await onA.ok('messages:add', { sessionId: session.id, body: `Printer jam (${intent})` });
    return onA.ok<HandoffConfirmation>('handoffs:create', {
      sessionId: session.id,
      intent,
      reason: 'stuck',
      priority: 'high',
    });
  };
  const escalated = await escalate('escalate');
  expect(b.services.storeWatch.check()).toBe(1);
  expect(a.services.storeWatch.check()).toBe(0); // its own change: announced when it was made
  expect(b.services.storeWatch.check()).toBe(0);

  await b.services.handoffs.claim(senior, escalated.handoff.id);
  expect(a.services.storeWatch.check()).toBe(1);

  const parked = await escalate('park');
  b.services.storeWatch.check();
  await onA.ok('handoffs:resume', { id: parked.handoff.sessionId });
  expect(b.services.storeWatch.check()).toBe(1);

  expect(seen.filter((s) => s.process === 'b')).toEqual([
    { process: 'b', event: 'handoff_created', id: escalated.handoff.id },
    { process: 'b', event: 'handoff_claimed', id: escalated.handoff.id },
    // The escalator is told where the claim was made (the bell; their OS notification if it is theirs).
    { process: 'b', event: 'handoff_picked_up', id: escalated.handoff.id },
    { process: 'b', event: 'handoff_created', id: parked.handoff.id },
    { process: 'b', event: 'handoff_closed', id: parked.handoff.id },
  ]);
  expect(seen.filter((s) => s.process === 'a').map((s) => s.event)).toEqual([
    'handoff_created',
    'handoff_claimed',
    'handoff_created',
    'handoff_closed',
  ]);
});
