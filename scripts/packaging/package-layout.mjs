// Packs Baton with electron-builder exactly as `npm run dist` does (same configuration, same afterPack
// hook), but into an unpacked folder ("dir" target) on the stand-in Electron distribution, for checking
// the packaged layout where the real Electron cannot be downloaded. Used by the packaged-layout test
// and by `npm run dist` when it has to skip the installers.
import { join } from 'node:path';
import { Platform, build } from 'electron-builder';
import config from '../../electron-builder.config.mjs';
import { writeStubElectronDist } from './stub-electron.mjs';

/** @returns {Promise<{ appOutDir: string, resourcesDir: string, asar: string, binary: string }>} */
export async function packageWithStubElectron({ projectDir, workDir }) {
  const electronDist = writeStubElectronDist(join(workDir, 'electron-dist'));
  const output = join(workDir, 'packaged');
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // electron-builder changes the configuration it is given: hand it a copy.
    config: { ...structuredClone(config), electronDist, directories: { ...config.directories, output } },
  });
  const appOutDir = join(output, 'linux-unpacked');
  const resourcesDir = join(appOutDir, 'resources');
  return {
    appOutDir,
    resourcesDir,
    asar: join(resourcesDir, 'app.asar'),
    binary: join(appOutDir, config.executableName),
  };
}
