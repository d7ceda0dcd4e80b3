// The appearance setting (issue 15): System until someone chooses, kept in this machine's store
// across a restart, open to every role, announced so the Electron shell can follow it.
import { afterEach, expect, it } from 'vitest';
import type { AppearanceSettings, EventMap } from '../../src-preload/contract';
import { callers } from '../test-support/callers';
import { seedProfile } from '../test-support/profiles';
import { tempCore, tempDir } from '../test-support/temp-core';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function start(dataDir: string) {
  const core = tempCore({ dataDir, startWorker: false });
  const announced: EventMap['appearance_changed'][] = [];
  core.events.onAny((event, payload) => {
    if (event === 'appearance_changed') announced.push(payload as EventMap['appearance_changed']);
  });
  return { core, announced, ...callers(core) };
}

it('follows the system until someone chooses; a technician’s choice and the sidebar are kept across a restart, each change announced once', async () => {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const first = start(dir.path);
  // Read before anyone has a profile: the first-run screen is themed too.
  expect(await first.ok<AppearanceSettings>('settings:appearance-get')).toEqual({
    theme: 'system',
    sidebar: 'expanded',
  });
  await first.ok('profile:create', { name: 'Olive Owner', email: 'olive@example.com' });
  seedProfile(first.core, { name: 'Terry Tech', email: 'terry@example.com', role: 'technician' });

  expect(await first.ok<AppearanceSettings>('settings:appearance-save', { theme: 'dark' })).toEqual({
    theme: 'dark',
    sidebar: 'expanded',
  });
  // Choosing what is already chosen writes nothing and announces nothing.
  await first.ok('settings:appearance-save', { theme: 'dark' });
  // Collapsing the sidebar keeps the theme.
  await first.ok('settings:appearance-save', { sidebar: 'collapsed' });
  expect(first.announced).toEqual([
    { theme: 'dark', sidebar: 'expanded' },
    { theme: 'dark', sidebar: 'collapsed' },
  ]);
  await first.core.close();

  const second = start(dir.path);
  cleanups.push(() => second.core.close());
  expect(await second.ok<AppearanceSettings>('settings:appearance-get')).toEqual({
    theme: 'dark',
    sidebar: 'collapsed',
  });
});

it('refuses a theme it does not know, with the field named', async () => {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const { core, call, ok } = start(dir.path);
  cleanups.push(() => core.close());
  await ok('profile:create', { name: 'Avery Admin', email: 'avery@example.com' });
  const reply = await call('settings:appearance-save', { theme: 'sepia' });
  expect(reply.ok).toBe(false);
  expect(!reply.ok && reply.error.code).toBe('VALIDATION');
  expect(!reply.ok && JSON.stringify(reply.error.details)).toContain('theme');
  expect(await ok<AppearanceSettings>('settings:appearance-get')).toEqual({
    theme: 'system',
    sidebar: 'expanded',
  });
});
