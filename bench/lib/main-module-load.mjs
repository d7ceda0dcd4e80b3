// Imports out/main/index.js (the Electron entry) in a fresh Node and prints how long the import took.
// `electron` cannot load here: a loader hook answers it with inert stand-ins for the names main imports
// (the entry then stops early, as it would without the single-instance lock). Everything else — the
// bundled core and its external packages (better-sqlite3, the keychain addon) — loads for real.
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Every name main might import from electron (an extra one costs nothing; a missing one fails the import).
const NAMES = [
  'app',
  'BrowserWindow',
  'Menu',
  'Notification',
  'Tray',
  'dialog',
  'ipcMain',
  'nativeImage',
  'nativeTheme',
  'net',
  'powerMonitor',
  'crashReporter',
  'clipboard',
  'screen',
  'globalShortcut',
  'systemPreferences',
  'protocol',
  'session',
  'shell',
];
const standIn = `
const inert = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' || key === Symbol.toPrimitive ? undefined : key === 'requestSingleInstanceLock' ? () => false : inert),
  apply: () => inert,
});
${NAMES.map((n) => `export const ${n} = inert;`).join('\n')}
export default inert;`;
// In-thread hooks (module.registerHooks): cheap enough not to weigh on what is measured.
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron')
      return {
        url: `data:text/javascript,${encodeURIComponent(standIn)}`,
        shortCircuit: true,
        format: 'module',
      };
    return next(specifier, context);
  },
});

const entry = pathToFileURL(join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js')).href;
const started = performance.now();
await import(entry);
console.log(`module load ${(performance.now() - started).toFixed(1)} ms`);
