// Issue 16's launch figures. (1) Process start → first screen painted: `node out/main/serve.js` (the
// browser host: the same core and renderer as Electron) is spawned on a data dir with a profile and
// sessions; a warm Chromium opens the printed URL; the clock stops at the frame after the sessions screen
// is up (body[data-phase=ready] and the profile button). Chromium's own start and opening its tab are
// not in the figure (in Electron the window is created while main starts). (2) Main's module load: a fresh Node imports out/main/index.js
// (the Electron entry, with a stand-in for the `electron` module) and the figure is the import's time.
// (3) The renderer's first-load JavaScript (what index.html loads before any lazy chunk).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { createCore } from '../src-main/core';
import { memoryVault } from './lib/team-fixture';
import { countRow, formatMs, msRow, register } from './lib/registry';
import type { BenchContext } from './lib/registry';
import { summarize } from './lib/stats';

const PAINT_TARGET_MS = 1_000;
const MODULE_LOAD_TARGET_MS = 300;
const FIRST_LOAD_TARGET_KB = 500;
const RUNS = 7;
const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const epochNow = () => performance.timeOrigin + performance.now();

register('launch', async (ctx: BenchContext) => {
  ensureBuilt(ctx);
  const load = loadavg()[0]!;
  const rows = [...(await launchToPaint(ctx)), moduleLoad(ctx), firstLoadJs(ctx)];
  ctx.note(
    `launch: load average ${load.toFixed(1)} on ${cpus().length} cores when it started (figures are wall time: other busy processes lengthen them)`,
  );
  return rows;
});

async function launchToPaint(ctx: BenchContext) {
  const seed = seededDataDir(ctx);
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: CHROMIUM_ARGS,
  });
  const painted: number[] = [];
  const listening: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      // The browser tab is open before Baton starts (creating one is Playwright's cost, not Baton's).
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = epochNow();
      const host = await startHost(ctx.root, seed.path);
      const up = epochNow();
      try {
        await page.goto(host.url);
        await page.locator('body[data-phase="ready"]').waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: /^Profile: Sam Senior,/ }).waitFor({ timeout: 30_000 });
        // The frame that shows it: after the next animation frame has been produced.
        const paintedAt = await page.evaluate<number>(
          'new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.timeOrigin + performance.now()), 0)))',
        );
        if (run === 0) continue; // warm-up: the OS file cache, Chromium's first context
        painted.push(paintedAt - started);
        listening.push(up - started);
      } finally {
        await context.close();
        await stopChild(host.child);
      }
    }
  } finally {
    await browser.close();
    seed.remove();
  }
  const p = summarize(painted);
  const l = summarize(listening);
  ctx.note(
    `launch: the host printed its URL after p50 ${formatMs(l.p50)} (module load, store open, migrations check, listen)`,
  );
  return [
    msRow('launch: process start → first screen painted p50 (browser host)', p.p50, PAINT_TARGET_MS, {
      p95: p.p95,
      hostUpP50: l.p50,
      runs: painted.length,
    }),
  ];
}

/** A data dir whose first screen is the sessions screen: a profile and a few sessions. */
function seededDataDir(ctx: BenchContext) {
  const path = mkdtempSync(join(tmpdir(), 'baton-bench-launch-'));
  const core = createCore({
    dataDir: path,
    migrationsDir: ctx.migrationsDir,
    vault: memoryVault(),
    host: 'browser',
    version: 'bench',
    startWorker: false,
    log: () => undefined,
  });
  const me = core.services.profiles.create({
    name: 'Sam Senior',
    email: 'sam@msp.example',
    role: 'owner',
  });
  for (let i = 0; i < 20; i++) core.services.sessions.create(me, {});
  void core.close();
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

function moduleLoad(ctx: BenchContext) {
  const samples: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const result = spawnSync(process.execPath, [join(ctx.root, 'bench', 'lib', 'main-module-load.mjs')], {
      cwd: ctx.root,
      encoding: 'utf8',
    });
    const ms = Number(/module load (\d+(?:\.\d+)?) ms/.exec(result.stdout)?.[1]);
    if (!Number.isFinite(ms)) throw new Error(`main-module-load.mjs: ${result.stdout}${result.stderr}`);
    if (run > 0) samples.push(ms);
  }
  const s = summarize(samples);
  return msRow("main's module load p50 (out/main/index.js, fresh Node)", s.p50, MODULE_LOAD_TARGET_MS, {
    p95: s.p95,
  });
}

function firstLoadJs(ctx: BenchContext) {
  const dir = join(ctx.root, 'out', 'renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1]!);
  const bytes = scripts.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  return countRow('renderer: first-load JS (minified)', Math.round(bytes / 1024), FIRST_LOAD_TARGET_KB, 'KB');
}

function ensureBuilt(ctx: BenchContext): void {
  if (
    existsSync(join(ctx.root, 'out', 'main', 'serve.js')) &&
    existsSync(join(ctx.root, 'out', 'renderer', 'index.html'))
  )
    return;
  ctx.log('launch: no build in out/: running electron-vite build');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ctx.root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (${result.status ?? result.signal})`);
}

async function startHost(root: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, BATON_KEYCHAIN_NAMESPACE: `baton-bench-${randomUUID()}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /Baton is running at (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
