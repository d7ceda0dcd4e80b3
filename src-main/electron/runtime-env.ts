// What the Electron host reads from its environment and command line. An installed build ignores the
// development and diagnostic switches: a renderer URL would load someone else's page with Baton's
// bridge, and the echo endpoint copies every note to a URL. (NODE_OPTIONS, ELECTRON_RUN_AS_NODE and
// --inspect are switched off in the binary itself by fuses: scripts/packaging/fuses.mjs.)

/** Read only when running from source (`npm run dev`, the e2e suite). */
export const DEVELOPMENT_VARIABLES = ['ELECTRON_RENDERER_URL', 'BATON_DIAGNOSTIC_ECHO_URL'] as const;

export interface RuntimeEnv {
  /** The Vite dev server serving the renderer (`npm run dev`). */
  rendererUrl: string | null;
  diagnosticEchoUrl: string | undefined;
  /** BATON_DATA_DIR: a documented setting (a second install, support), honoured everywhere. */
  dataDir: string | null;
  keychainNamespace: string;
  /** Started by the OS at login: stay in the tray instead of opening the window. */
  startedHidden: boolean;
}

export function runtimeEnv(env: NodeJS.ProcessEnv, isPackaged: boolean, argv: readonly string[]): RuntimeEnv {
  const dev = (name: (typeof DEVELOPMENT_VARIABLES)[number]) =>
    isPackaged ? undefined : env[name] || undefined;
  return {
    rendererUrl: dev('ELECTRON_RENDERER_URL') ?? null,
    diagnosticEchoUrl: dev('BATON_DIAGNOSTIC_ECHO_URL'),
    dataDir: env.BATON_DATA_DIR || null,
    keychainNamespace: env.BATON_KEYCHAIN_NAMESPACE || 'baton',
    startedHidden: argv.includes(HIDDEN_ARG),
  };
}

/** Passed by the login item / autostart entry. */
export const HIDDEN_ARG = '--hidden';

/**
 * Chromium and V8 switches that open the app to a debugger. The fuses switch off Node's --inspect; the
 * remote debugging port is Chromium's own, so an installed build refuses to run with it.
 */
export const DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'js-flags',
];
