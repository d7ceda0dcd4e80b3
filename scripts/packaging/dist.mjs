// `npm run dist [-- --win|--mac|--linux]`: builds the app and the installers for this platform (or the
// named ones) with electron-builder. Where Electron or electron-builder's packaging tools cannot be
// downloaded (as on this project's CI), it still builds the app and packs its layout around a stand-in
// Electron into dist/layout-check, then says in one line what it skipped and why.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Platform, build } from 'electron-builder';
import config from '../../electron-builder.config.mjs';
import { packageWithStubElectron } from './package-layout.mjs';
import { signingPlan } from './signing.mjs';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const wanted = [
  ...(args.includes('--win') ? [Platform.WINDOWS] : []),
  ...(args.includes('--mac') ? [Platform.MAC] : []),
  ...(args.includes('--linux') ? [Platform.LINUX] : []),
];
const platforms = wanted.length > 0 ? wanted : [Platform.current()];
const INSTALLERS = { win: 'NSIS, MSI', mac: 'dmg, zip', linux: 'AppImage, deb' };
const installerNames = platforms.map((p) => INSTALLERS[p.buildConfigurationKey]).join(', ');

console.log('[dist] building the app (electron-vite)');
const built = spawnSync('electron-vite', ['build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
const plan = signingPlan(process.env);
const signingSkipped = [
  ...(platforms.includes(Platform.MAC) ? plan.mac.skipped : []),
  ...(platforms.includes(Platform.WINDOWS) ? plan.win.skipped : []),
];

try {
  const artifacts = await build({
    projectDir: root,
    targets: new Map(platforms.map((p) => [p, p.createTarget().get(p)])),
    publish: 'never',
    config: structuredClone(config),
  });
  console.log(`[dist] built:\n  ${artifacts.join('\n  ')}`);
  if (signingSkipped.length > 0) console.log(`[dist] skipped: ${signingSkipped.join('; ')}`);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  if (
    !/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|download|fetch failed/i.test(message)
  )
    throw err;
  // Offline: pack the layout with a stand-in Electron, so the app, the asar and the fuses hook still run.
  const workDir = join(root, 'dist', 'layout-check');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const layout = await packageWithStubElectron({ projectDir: root, workDir });
  console.log(
    `[dist] skipped: the installers (${installerNames})${signingSkipped.length ? ' and signing' : ''} — a download ` +
      `electron-builder needs failed (Electron ${electronVersion} or its packaging tools: ${message.split('\n')[0]}); ` +
      `packed the app with a stand-in Electron into ${layout.appOutDir} instead (not runnable).`,
  );
}
