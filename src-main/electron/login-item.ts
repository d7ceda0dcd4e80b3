// Start at login. Windows and macOS keep login items themselves (app.setLoginItemSettings); Linux
// desktops read ~/.config/autostart/*.desktop (the XDG autostart spec), which we write or remove.
// Only an installed build registers itself: from source the "executable" is the development Electron.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { HIDDEN_ARG } from './runtime-env';

export interface LoginItemOptions {
  platform: NodeJS.Platform;
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  execPath: string;
}

export function autostartFile(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', 'baton.desktop');
}

/** The autostart entry; an AppImage is started through its own file (APPIMAGE), not the mounted binary. */
export function autostartEntry(command: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Baton',
    'Comment=Troubleshooting, escalation and handoff for IT support teams',
    `Exec="${command.replace(/"/g, '\\"')}" ${HIDDEN_ARG}`,
    'Icon=baton',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Applies the setting; returns what it did, for the log. */
export function applyStartAtLogin(enabled: boolean, options: LoginItemOptions): string {
  if (!options.packaged) return 'start at login: not registered (running from source)';
  if (options.platform === 'linux') {
    const file = autostartFile(options.env);
    if (enabled) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, autostartEntry(options.env.APPIMAGE || options.execPath));
      return `start at login: wrote ${file}`;
    }
    rmSync(file, { force: true });
    return `start at login: removed ${file}`;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
  return `start at login: ${enabled ? 'on' : 'off'} (OS login items)`;
}

/** Whether this run was started by the OS at login (then Baton stays in the tray). */
export function startedAtLogin(platform: NodeJS.Platform, argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
