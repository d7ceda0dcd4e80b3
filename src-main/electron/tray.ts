import { join } from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';

export function createTray(appRoot: string, actions: { open: () => void; quit: () => void }): Tray {
  const icon = nativeImage.createFromPath(join(appRoot, 'resources', 'tray.png'));
  const tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon);
  tray.setToolTip('Baton');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Baton', click: actions.open },
      { type: 'separator' },
      { label: 'Quit Baton', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return tray;
}
