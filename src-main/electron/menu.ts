// The application menu (File / Edit / View / Window / Help) with Baton's shortcuts, and the text
// context menu with spelling suggestions. A menu accelerator takes the key before the page sees it, so
// New session, Search and Settings are sent to the renderer as menu_command events.
import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';
import { Menu } from 'electron';
import type { EventMap } from '../../src-preload/contract';

export type MenuCommand = EventMap['menu_command']['command'];

export interface AppMenuActions {
  command: (command: MenuCommand) => void;
  exportLogs: () => void;
  openLogsFolder: () => void;
  quit: () => void;
}

export function appMenuTemplate(
  actions: AppMenuActions,
  options: { platform: NodeJS.Platform; packaged: boolean },
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: send('settings'),
  };
  return [
    ...(isMac
      ? [
          {
            label: 'Baton',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { label: 'Quit Baton', accelerator: 'Cmd+Q', click: actions.quit },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'New session', accelerator: 'CmdOrCtrl+N', click: send('new-session') },
        { label: 'Search sessions', accelerator: 'CmdOrCtrl+K', click: send('search') },
        ...(isMac
          ? [{ role: 'close' } satisfies MenuItemConstructorOptions]
          : [
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              settings,
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              // Closing the window keeps Baton in the tray; this really quits.
              { label: 'Quit Baton', accelerator: 'Ctrl+Q', click: actions.quit },
            ]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Reload and DevTools only when running from source: an installed build has neither.
        ...(options.packaged
          ? []
          : [
              { type: 'separator' } satisfies MenuItemConstructorOptions,
              { role: 'reload' } satisfies MenuItemConstructorOptions,
              { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions,
            ]),
      ],
    },
    { label: 'Window', role: 'windowMenu' },
    {
      label: 'Help',
      role: 'help',
      submenu: [
        { label: 'Export logs for support…', click: actions.exportLogs },
        { label: 'Show logs folder', click: actions.openLogsFolder },
      ],
    },
  ];
}

export function installAppMenu(
  actions: AppMenuActions,
  options: { platform: NodeJS.Platform; packaged: boolean },
) {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, options)));
}

/** Right-click in text: the spell checker's suggestions first, then the editing commands. */
export function contextMenuTemplate(
  params: Pick<
    ContextMenuParams,
    'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'
  >,
  contents: Pick<WebContents, 'replaceMisspelling'>,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const word of params.dictionarySuggestions.slice(0, 5))
      items.push({ label: word, click: () => contents.replaceMisspelling(word) });
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    );
  } else if (params.selectionText) {
    items.push({ role: 'copy' });
  }
  return items;
}

export function attachSpellingMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents);
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
