// The packaged layout, checked on electron-builder's own output: the same configuration and afterPack
// hook as `npm run dist`, packed into a folder around a stand-in Electron binary (the real one cannot be
// downloaded here; see scripts/packaging/stub-electron.mjs). It proves that every file the main process
// loads is where src-main/app-layout.ts says (inside app.asar), that the native addons are unpacked,
// that every package main imports is in the package, that the fuses are flipped, and — by running the
// packaged core under Node from the extracted archive — that migrations, native modules and the renderer
// work from the packaged files. What only a real Electron can show (app:// inside asar, the fuses taking
// effect) is listed in the README's Release section.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageWithStubElectron } from '../scripts/packaging/package-layout.mjs';
import { appLayout, nativeAddons, requiredFiles } from './app-layout';

const ROOT = join(import.meta.dirname, '..');
let work: string;
let packaged: Awaited<ReturnType<typeof packageWithStubElectron>>;
let listing: Set<string>;

beforeAll(async () => {
  // The layout of what `npm run build` produced: build it if this checkout has not yet.
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    const built = spawnSync('electron-vite', ['build'], { cwd: ROOT, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('electron-vite build failed: run `npm run build` to see why');
  }
  work = mkdtempSync(join(tmpdir(), 'baton-packaged-'));
  packaged = await packageWithStubElectron({ projectDir: ROOT, workDir: work });
  listing = new Set(listPackage(packaged.asar, { isPack: false }).map((p) => p.replace(/\\/g, '/')));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A path inside the app as the archive lists it ("/out/main/index.js"). */
const inAsar = (file: string) => `/${relative(packaged.asar, file).split('\\').join('/')}`;

describe('the packaged app (electron-builder output)', () => {
  it('has every file main loads at the path app-layout computes, inside app.asar, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const layout = appLayout(packaged.asar, platform);
      for (const file of requiredFiles(layout))
        expect(listing, `${platform}: ${inAsar(file)}`).toContain(inAsar(file));
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(listing).toContain(`/${pkg.main}`);
    // The migrations the store applies: every one in the journal is in the archive.
    const journal = JSON.parse(readFileSync(join(ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    for (const { tag } of journal.entries) expect(listing).toContain(`/drizzle/${tag}.sql`);
  });

  it('keeps the native addons out of the archive, where they can be loaded', () => {
    for (const addon of nativeAddons('linux', 'x64')) {
      const path = addon.split('\\').join('/');
      expect(statFile(packaged.asar, path), path).toMatchObject({ unpacked: true });
      expect(existsSync(join(packaged.resourcesDir, 'app.asar.unpacked', addon)), addon).toBe(true);
    }
    // Only this platform's better-sqlite3 prebuilds ship in a Linux package.
    const prebuilds = readdirSync(
      join(packaged.resourcesDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds'),
    );
    expect(prebuilds.every((name) => name.startsWith('linux'))).toBe(true);
  });

  it('contains every package the main process imports', () => {
    const specifiers = new Set<string>();
    const mainDir = join(ROOT, 'out', 'main');
    const files = readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    for (const file of files) {
      const code = readFileSync(join(mainDir, file), 'utf8');
      // Static imports (statements at the start of a line), dynamic imports, and the bundler's require().
      const patterns = [
        /^import\s[^;]*?from\s*["']([^"'./][^"']*)["']/gm,
        /^import\s*["']([^"'./][^"']*)["']/gm,
        /\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g,
        /\b__require\(\s*["']([^"'./][^"']*)["']\s*\)/g,
      ];
      for (const pattern of patterns) for (const m of code.matchAll(pattern)) specifiers.add(m[1]!);
    }
    const packages = [...specifiers]
      .filter((s) => !isBuiltin(s) && s !== 'electron')
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages).toContain('better-sqlite3');
    for (const name of new Set(packages))
      expect(listing, name).toContain(`/node_modules/${name}/package.json`);
  });

  it('flips the fuses in the packaged binary (afterPack)', async () => {
    const wire = await getCurrentFuseWire(packaged.binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
  });

  it('runs from the packaged files: the core opens its store with the packaged migrations and serves the packaged renderer', async () => {
    const app = join(work, 'extracted');
    extractAll(packaged.asar, app); // unpacked files (the native addons) are copied from app.asar.unpacked
    const dataDir = join(work, 'data');
    const child = spawn(
      process.execPath,
      [join(app, 'out', 'main', 'serve.js'), '--data-dir', dataDir, '--port', '0'],
      {
        cwd: work,
        env: { ...process.env, BATON_KEYCHAIN_NAMESPACE: `baton-test-${process.pid}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let errors = '';
        child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`serve.js exited ${code}: ${errors}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /running at (\S+)/.exec(line);
          if (m) resolve(m[1]!);
        });
      });
      const login = await fetch(url, { redirect: 'manual' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      const html = await page.text();
      expect(page.status).toBe(200);
      const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
      expect((await fetch(new URL(script, url), { headers: { cookie } })).status).toBe(200);
      expect(existsSync(join(dataDir, 'baton.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
