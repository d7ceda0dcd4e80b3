import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where Electron's app.getPath('userData') would put Baton's data, for hosts that run without Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BATON_DATA_DIR) return env.BATON_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Baton');
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Baton');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Baton');
}

/** The project root (holding drizzle/ and out/), found by walking up from the running file. */
export function findAppRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Baton's drizzle/ folder above ${from}`);
    dir = parent;
  }
}
