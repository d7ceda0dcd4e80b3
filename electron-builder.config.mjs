// electron-builder: installers for Windows (NSIS per user, MSI per machine for RMM/Intune), macOS
// (dmg + zip, hardened runtime) and Linux (AppImage, deb). `npm run dist` (scripts/packaging/dist.mjs)
// drives it and says what it skipped. Runtime paths (src-main/app-layout.ts) assume this layout: the
// app inside resources/app.asar, native modules in resources/app.asar.unpacked.
import { signingPlan } from './scripts/packaging/signing.mjs';

const plan = signingPlan(process.env);

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.baton.desktop',
  productName: 'Baton',
  executableName: 'baton',
  copyright: 'Copyright © Baton contributors',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only what the main process loads at run time; production node_modules are added by electron-builder.
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'drizzle/**/*.sql',
    'drizzle/meta/_journal.json',
    'resources/icon.png',
    'resources/tray/**',
    '!**/*.map',
    // better-sqlite3 ships its C sources and every platform's prebuild: keep only what loads.
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}/**',
    '!node_modules/better-sqlite3/deps',
    '!node_modules/better-sqlite3/src',
  ],
  asar: true,
  // Native modules cannot be dlopen()ed from inside an archive.
  asarUnpack: ['node_modules/better-sqlite3/**', 'node_modules/@napi-rs/keyring*/**', '**/*.node'],
  // better-sqlite3 13 and @napi-rs/keyring ship N-API prebuilds that load in Node and Electron alike.
  npmRebuild: false,
  nodeGypRebuild: false,
  afterPack: './scripts/packaging/fuses.mjs',
  electronLanguages: ['en-US', 'en-GB', 'de', 'fr', 'es', 'nl'],

  win: {
    target: ['nsis', 'msi'],
    icon: 'resources/icon.ico',
    files: ['!node_modules/better-sqlite3/prebuilds/{linux,linuxmusl,darwin}-*'],
  },
  nsis: {
    oneClick: true,
    perMachine: false,
    deleteAppDataOnUninstall: false,
    shortcutName: 'Baton',
  },
  // Per machine, silent-installable (msiexec /i Baton.msi /qn): what RMM tools and Intune deploy.
  msi: {
    oneClick: false,
    perMachine: true,
    runAfterFinish: false,
    createDesktopShortcut: false,
    // Fixed forever: Windows Installer matches upgrades of "the same product" by this code.
    upgradeCode: '6f1d8b1e-3a52-4b0e-9a54-2c0e6c1f7b35',
  },

  mac: {
    target: ['dmg', 'zip'],
    icon: 'resources/icon.icns',
    category: 'public.app-category.business',
    files: ['!node_modules/better-sqlite3/prebuilds/{linux,linuxmusl,win32}-*'],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
    // null = do not sign (and do not go looking for an identity in the keychain).
    ...(plan.mac.sign ? {} : { identity: null }),
    notarize: plan.mac.notarize,
    extendInfo: {
      NSUserNotificationAlertStyle: 'alert',
    },
  },
  dmg: { sign: false },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Office',
    files: ['!node_modules/better-sqlite3/prebuilds/{darwin,win32}-*'],
    synopsis: 'Troubleshooting, escalation and handoff for IT support teams',
    maintainer: 'Baton maintainers',
  },
  deb: {
    // The OS keychain (Secret Service) and notifications.
    depends: ['libsecret-1-0', 'libnotify4', 'libnss3', 'libgtk-3-0', 'libxss1', 'libxtst6', 'xdg-utils'],
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },

  // The update feed (electron-updater, generic provider): latest*.yml beside the installers. The app
  // reads its feed URL from Settings; this one is only what the release metadata is made for.
  // Always set: electron-builder then writes resources/app-update.yml, which electron-updater needs (its
  // cache folder name) even when the feed URL comes from Settings at run time.
  publish: [{ provider: 'generic', url: plan.feedUrl ?? 'https://updates.invalid/baton' }],
};

export default config;
