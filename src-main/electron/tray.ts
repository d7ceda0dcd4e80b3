import type { MenuItemConstructorOptions } from 'electron';
import { Menu, Tray, nativeImage } from 'electron';
import type { AppLayout } from '../app-layout';
import type { TrayModel } from '../handoffs/tray-menu';

export interface TrayActions {
  open: () => void;
  quit: () => void;
  claim: (handoffId: string) => void;
}

export type BatonTray = ReturnType<typeof createTray>;

export function createTray(
  layout: AppLayout,
  actions: TrayActions,
  platform: NodeJS.Platform = process.platform,
) {
  const icon = nativeImage.createFromPath(layout.trayIcon);
  // The file name ends in "Template" on macOS; say so explicitly too, so the menu bar tints it.
  if (platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon.isEmpty() ? nativeImage.createEmpty() : icon);
  tray.on('click', actions.open);

  function show(model: TrayModel) {
    const waiting: MenuItemConstructorOptions[] = model.handoffs.map((h) => ({
      label: h.label,
      click: () => actions.claim(h.id),
    }));
    if (model.more > 0) waiting.push({ label: `… ${model.more} more in Baton`, click: actions.open });
    tray.setToolTip(model.tooltip);
    if (platform === 'darwin') tray.setTitle(model.badge);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...waiting,
        ...(waiting.length ? [{ type: 'separator' as const }] : []),
        { label: 'Open Baton', click: actions.open },
        { type: 'separator' },
        { label: 'Quit Baton', click: actions.quit },
      ]),
    );
  }

  show({ tooltip: 'Baton', badge: '', handoffs: [], more: 0 });
  return { tray, show, destroy: () => tray.destroy() };
}
