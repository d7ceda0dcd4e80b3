// Electron fuses, flipped in the packaged binary after electron-builder has laid the app out
// (electron-builder.config.mjs → afterPack). They switch off what an attacker with a shell could use
// to run code as Baton: ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect, loading an app from outside the
// asar; the renderer gets no file:// privileges (it is served from app://).
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** @param {string} platform electron-builder's platform name: darwin | win32 | linux */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Leaves no fuse at Electron's default by accident when a later Electron adds one.
    strictlyRequireAllFuses: true,
    // electron-builder signs after afterPack; an ad-hoc signature keeps an unsigned arm64 build runnable.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Electron validates the asar against the hash electron-builder embeds on macOS and Windows only.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** The Electron executable inside electron-builder's output folder. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const info = packager.appInfo;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${info.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${info.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

/** electron-builder's afterPack hook. */
export default async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const binary = electronBinary(context);
  const flipped = await flipFuses(binary, fuseConfig(platform));
  console.log(`  • fuses set  binary=${binary} wires=${flipped}`);
}
