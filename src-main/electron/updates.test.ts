// Auto-update against a loopback feed: electron-updater's real AppImageUpdater (the Linux updater) reads
// latest-linux.yml from a generic feed served on 127.0.0.1, downloads the new AppImage in the background
// and checks its sha512; Baton's status follows (checking → downloading → ready). electron-updater
// `require`s electron itself, so the recording double is put in Node's module cache under electron's name.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ElectronUpdater from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer } from '../../e2e/fakes/fake-http-server';
import type { FakeHttpServer } from '../../e2e/fakes/fake-http-server';
import type { UpdateStatus, User } from '../../src-preload/contract';
import { callers } from '../test-support/callers';
import { tempCore } from '../test-support/temp-core';
import { until } from '../test-support/until';
import electronDouble, { app, resetElectronDouble } from './testing/electron-double';
import { startUpdates } from './updates';

const require = createRequire(import.meta.url);
const electronId = require.resolve('electron');
const cleanups: (() => unknown)[] = [];
const saved = { APPIMAGE: process.env.APPIMAGE, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };

beforeEach(() => {
  resetElectronDouble();
  require.cache[electronId] = {
    id: electronId,
    filename: electronId,
    loaded: true,
    exports: electronDouble,
  } as NodeJS.Module;
});
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  delete require.cache[electronId];
  process.env.APPIMAGE = saved.APPIMAGE;
  process.env.XDG_CACHE_HOME = saved.XDG_CACHE_HOME;
  if (saved.APPIMAGE === undefined) delete process.env.APPIMAGE;
  if (saved.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
});

/** A generic feed as electron-builder publishes it: latest-linux.yml beside the AppImage. */
async function feed(version: string, appImage: Buffer) {
  const sha512 = createHash('sha512').update(appImage).digest('base64');
  const file = `Baton-${version}-x86_64.AppImage`;
  const yml = [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${appImage.length}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-12-01T10:00:00.000Z'`,
    '',
  ].join('\n');
  const server: FakeHttpServer = await startFakeServer((r) => {
    if (r.path.startsWith('/latest-linux.yml'))
      return { status: 200, headers: { 'Content-Type': 'text/yaml' }, body: yml };
    if (r.path.startsWith(`/${file}`))
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: appImage };
    return { status: 404, body: 'not found' };
  });
  cleanups.push(() => server.close());
  return server;
}

function updaterHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-updater-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // The running AppImage, and electron-builder's app-update.yml (electron-updater takes its cache name there).
  process.env.APPIMAGE = join(dir, 'Baton-0.1.0-x86_64.AppImage');
  writeFileSync(process.env.APPIMAGE, 'the installed version');
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
  writeFileSync(
    join(dir, 'app-update.yml'),
    'provider: generic\nurl: https://updates.invalid/baton\nupdaterCacheDirName: baton-updater\n',
  );
  app.isPackaged = true;
  void app.ready();
  const { AppImageUpdater } = require('electron-updater') as typeof ElectronUpdater;
  const updater: AppUpdater = new AppImageUpdater();
  updater.updateConfigPath = join(dir, 'app-update.yml');
  const installs: unknown[][] = [];
  updater.quitAndInstall = (...args: unknown[]) => void installs.push(args);
  return { updater, installs, cacheDir: join(dir, 'cache', 'baton-updater') };
}

describe('auto-update from the feed in Settings', () => {
  it('finds a newer version on the loopback feed, downloads it in the background, and offers Restart to update', async () => {
    const appImage = randomBytes(96 * 1024);
    const server = await feed('0.2.0', appImage);
    const { updater, installs, cacheDir } = updaterHarness();
    const core = tempCore();
    cleanups.push(() => core.dispose());
    const { ok } = callers(core);
    await ok<User>('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    const seen: UpdateStatus['state'][] = [];
    core.events.onAny((event, payload) => {
      if (event === 'update_status') seen.push((payload as UpdateStatus).state);
    });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const updates = startUpdates({
      core,
      packaged: true,
      log,
      loadUpdater: () => Promise.resolve(updater),
      firstCheckDelayMs: 60_000,
    });
    cleanups.push(() => updates.dispose());

    // An admin sets the feed: the updater checks it at once.
    await ok('settings:desktop-save', { startAtLogin: true, updateFeedUrl: server.url });
    await until(
      core,
      () => core.services.updates.status().state === 'ready',
      'the update downloaded',
      20_000,
    );
    expect(core.services.updates.status()).toMatchObject({ state: 'ready', version: '0.2.0' });
    expect(seen).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    const downloaded = readFileSync(join(cacheDir, 'pending', 'Baton-0.2.0-x86_64.AppImage'));
    expect(downloaded.equals(appImage)).toBe(true);
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(
      expect.arrayContaining(['/latest-linux.yml', '/Baton-0.2.0-x86_64.AppImage']),
    );

    // Restart to update: nothing in flight, so electron-updater installs (quietly) and starts Baton again.
    await ok('app:restart-to-update');
    await until(core, () => installs.length === 1, 'quitAndInstall');
    expect(installs[0]).toEqual([true, true]);
  });

  it('stays quiet when the feed has nothing newer, and says why when the feed cannot be read', async () => {
    const server = await feed('0.1.0', randomBytes(1024));
    const { updater } = updaterHarness();
    const core = tempCore();
    cleanups.push(() => core.dispose());
    const { ok } = callers(core);
    await ok<User>('profile:create', { name: 'Avery', email: 'a@x.example', role: 'owner' });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const updates = startUpdates({
      core,
      packaged: true,
      log,
      loadUpdater: () => Promise.resolve(updater),
      firstCheckDelayMs: 60_000,
    });
    cleanups.push(() => updates.dispose());
    await ok('settings:desktop-save', { startAtLogin: true, updateFeedUrl: server.url });
    await until(
      core,
      () => core.services.updates.status().state === 'idle' && server.requests.length > 0,
      'the check',
    );
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/latest-linux.yml']);

    await ok('settings:desktop-save', { startAtLogin: true, updateFeedUrl: `${server.url}/missing` });
    await until(core, () => core.services.updates.status().state === 'error', 'the error');
    expect(core.services.updates.status().message).toMatch(/^Update failed: /);
  });

  it('from source, or with no feed, updates are unavailable with the reason', async () => {
    const core = tempCore();
    cleanups.push(() => core.dispose());
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const fromSource = startUpdates({ core, packaged: false, log, firstCheckDelayMs: 60_000 });
    expect(core.services.updates.status()).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/installed Baton/) as unknown,
    });
    fromSource.dispose();
    const installed = startUpdates({ core, packaged: true, log, firstCheckDelayMs: 60_000 });
    cleanups.push(() => installed.dispose());
    await installed.checkNow();
    expect(core.services.updates.status()).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/No update feed/) as unknown,
    });
  });
});
