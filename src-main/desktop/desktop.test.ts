// Settings → This computer, and "Restart to update" waiting for what is in flight: a real core on a
// real store, a job kind whose run the test holds open (a reply or post being sent), real worker.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DesktopSettings, UpdateStatus, User } from '../../src-preload/contract';
import { defineJobKind } from '../jobs/job-kinds';
import { inTransaction } from '../store/database';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import { createActivity } from './activity';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function held() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release: () => release() };
}

function setup() {
  const slow = held();
  const core = tempCore({
    worker: { pollMs: 20 },
    jobKinds: [
      defineJobKind({
        kind: 'test.slow_send',
        service: 'test',
        payload: z.object({}),
        describe: () => 'A slow send',
        run: () => slow.gate,
      }),
    ],
  });
  cleanups.push(() => core.dispose());
  return { core, slow, ...callers(core) };
}

describe('this computer', () => {
  it('starts at login by default for seniors only; anyone may change it, only an admin the update feed', async () => {
    const { ok, call } = setup();
    const admin = await ok<User>('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    expect((await ok<DesktopSettings>('settings:desktop-get')).startAtLogin).toBe(true);
    const tech = await ok<User>('profile:add', { name: 'Terry', email: 't@x.example', role: 'technician' });
    await ok('profile:switch', { id: tech.id });
    const techView = await ok<DesktopSettings>('settings:desktop-get');
    expect(techView).toMatchObject({
      startAtLogin: false,
      updateFeedUrl: null,
      canEditFeed: false,
      applies: false,
    });

    expect(
      await call('settings:desktop-save', { startAtLogin: false, updateFeedUrl: 'https://dl.example/baton' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await ok<DesktopSettings>('settings:desktop-save', { startAtLogin: true, updateFeedUrl: null }),
    ).toMatchObject({
      startAtLogin: true,
    });

    await ok('profile:switch', { id: admin.id });
    expect(
      await call('settings:desktop-save', {
        startAtLogin: true,
        updateFeedUrl: 'http://updates.example/baton',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/Only https/) as unknown },
    });
    const saved = await ok<DesktopSettings>('settings:desktop-save', {
      startAtLogin: true,
      updateFeedUrl: ' https://dl.example/baton ',
    });
    expect(saved).toMatchObject({ updateFeedUrl: 'https://dl.example/baton', canEditFeed: true });
    // One machine-wide value: the technician now sees it too.
    await ok('profile:switch', { id: tech.id });
    expect((await ok<DesktopSettings>('settings:desktop-get')).updateFeedUrl).toBe(
      'https://dl.example/baton',
    );
  });

  it('the browser host has no updater: updates are unavailable and a restart is refused', async () => {
    const { ok, call } = setup();
    await ok('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    expect(await ok<UpdateStatus>('app:update-status')).toMatchObject({ state: 'unavailable' });
    expect(await call('app:restart-to-update')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('restart to update', () => {
  it('installs at once when nothing is in flight', async () => {
    const { core, ok } = setup();
    await ok('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    let installs = 0;
    core.services.updates.attachInstaller(() => installs++);
    core.services.updates.report({ state: 'ready', version: '0.2.0' });
    await ok('app:restart-to-update');
    await until(core, () => installs === 1, 'the install');
    expect(installs).toBe(1);
  });

  it('waits while an item is being sent, then installs once, as soon as it is done', async () => {
    const { core, ok, slow } = setup();
    await ok('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    let installs = 0;
    const shown: UpdateStatus[] = [];
    core.events.onAny((event, payload) => {
      if (event === 'update_status') shown.push(payload as UpdateStatus);
    });
    core.services.updates.attachInstaller(() => installs++);
    core.services.updates.report({ state: 'ready', version: '0.2.0' });

    inTransaction(core.db, () =>
      core.enqueue({ kind: 'test.slow_send', payload: {}, idempotencyKey: 'slow-1', sessionId: null }),
    );
    await until(core, () => core.services.activity.busyReason() !== null, 'the job running');

    const pending = await ok<UpdateStatus>('app:restart-to-update');
    expect(pending).toMatchObject({
      restartPending: true,
      message: 'Restarts after an item the outbox is sending finishes.',
    });
    // Asked twice: still one restart.
    await ok('app:restart-to-update');
    expect(installs).toBe(0);
    expect(shown.at(-1)).toMatchObject({ state: 'ready', restartPending: true });

    slow.release();
    await until(core, () => installs > 0, 'the install');
    expect(installs).toBe(1);
  });

  it('counts a claim, a post and a retried reply while their call runs', async () => {
    const { core } = setup();
    const activity = createActivity(core.db);
    const claim = held();
    const post = held();
    const tracked = [
      activity.track('handoffs:claim', claim.gate),
      activity.track('notes:post', post.gate),
      activity.track('sessions:list', new Promise(() => undefined)),
    ];
    expect(activity.busyReason()).toBe('a claim, a note being posted');
    let idle = false;
    void activity.whenIdle().then(() => (idle = true));
    claim.release();
    await tracked[0];
    expect(activity.busyReason()).toBe('a note being posted');
    expect(idle).toBe(false);
    post.release();
    await tracked[1];
    await Promise.resolve();
    expect(idle).toBe(true);
  });
});
