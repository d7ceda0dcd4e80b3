import { afterEach, expect, it } from 'vitest';
import type { BellNotification, HandoffConfirmation, SessionDetail } from '../../src-preload/contract';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { callers } from '../test-support/callers';
import { seedProfile, seedUser } from '../test-support/profiles';

let core: ReturnType<typeof tempCore>;
afterEach(async () => {
  await core.dispose();
});

it('after a handoff, every senior but the escalator gets a bell notification with their own unread state', async () => {
  core = tempCore();
  const { ok } = callers(core);
  const terry = seedProfile(core, { name: 'Terry Tech', email: 'terry@example.com', role: 'technician' });
  const sam = seedUser(core, { name: 'Sam Senior', email: 'sam@example.com', role: 'engineer' });
  const ada = seedUser(core, { name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
  seedUser(core, { name: 'Tina Tech', email: 'tina@example.com', role: 'technician' });
  const session = await ok<SessionDetail>('sessions:create', { title: 'Printer offline on floor 3' });
  const changed: string[][] = [];
  core.events.onAny(
    (event, payload) =>
      void (event === 'notifications_changed' && changed.push((payload as { userIds: string[] }).userIds)),
  );
  const { handoff } = await ok<HandoffConfirmation>('handoffs:create', {
    sessionId: session.id,
    intent: 'escalate',
    reason: 'Driver rollback needs admin',
    priority: 'high',
  });
  await until(core, () => changed.length > 0, 'the bell');
  expect(changed[0]!.sort()).toEqual([sam.id, ada.id].sort());

  expect((await ok<{ unread: number }>('notifications:list')).unread).toBe(0); // Terry, the escalator
  await ok('profile:switch', { id: sam.id });
  const samBell = await ok<{ items: BellNotification[]; unread: number }>('notifications:list');
  expect(samBell.unread).toBe(1);
  expect(samBell.items[0]).toMatchObject({
    title: 'New escalation: Printer offline on floor 3',
    body: 'high priority · Terry Tech — Driver rollback needs admin',
    handoffId: handoff.id,
    read: false,
  });
  expect(await ok('notifications:mark-read', {})).toEqual({ unread: 0 });
  await ok('profile:switch', { id: ada.id });
  expect((await ok<{ unread: number }>('notifications:list')).unread).toBe(1);

  // A retried job adds nothing twice.
  await core.services.bell.kind.run({ handoffId: handoff.id }, undefined as never);
  expect((await ok<{ unread: number; items: unknown[] }>('notifications:list')).items).toHaveLength(1);
  expect(terry.role).toBe('technician');
});
