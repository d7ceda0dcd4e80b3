// Session-wide rules for every page Baton opens: no permission (camera, notifications from the page,
// geolocation, …) is granted to web content, no <webview>, no navigation away from the app, no new
// windows (https links go to the system browser), and no DevTools in an installed build.
import type { WebContents } from 'electron';
import { app, session, shell } from 'electron';
import { attachSpellingMenu } from './menu';

export function denyPermissions(): void {
  const ses = session.defaultSession;
  // Baton's page needs no browser permission: notifications come from main, the clipboard through
  // ordinary copy/paste.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Rules for every WebContents as it is created (the main window's, and any a bug might open). */
export function guardWebContents(isAllowedUrl: (url: string) => boolean, packaged: boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    if (packaged) contents.on('devtools-opened', () => contents.closeDevTools());
    attachSpellingMenu(contents);
  });
}
