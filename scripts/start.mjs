// `npm start`: Baton in Electron; where the Electron binary is missing (its download is blocked, as on
// locked-down networks and this project's CI), one line says why and the browser host starts instead,
// printing the URL to open. `--no-build` starts what `npm run build` last built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');

function electronMissingReason() {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('electron/package.json');
    const pathFile = join(dirname(pkg), 'path.txt');
    if (!existsSync(pathFile))
      return 'its binary was never downloaded (node_modules/electron/dist is missing)';
    const binary = join(dirname(pkg), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? null : `its binary is missing (${binary})`;
  } catch {
    return 'the electron package is not installed';
  }
}

const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => resolve(code ?? 0));
  });

const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const build = !process.argv.includes('--no-build');
const reason = electronMissingReason();
if (!reason) {
  process.exitCode = await run('electron-vite', ['preview', ...(build ? [] : ['--skipBuild']), ...args]);
} else {
  console.log(
    `Electron cannot start here: ${reason} — starting the browser host instead (open the URL below; run \`node node_modules/electron/install.js\` where downloads work for the desktop app).`,
  );
  if (build) {
    const built = spawnSync('electron-vite', ['build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  process.exitCode = await run(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...args]);
}
