/**
 * Window security for every web contents the app creates (STYLE.md, "Window security";
 * Actual's security.ts): no new windows, no navigation away from the app, no <webview>,
 * every permission denied; https links go to the system browser and nowhere else.
 */
import { app, session, shell, type WebContents } from 'electron';

export function isAppUrl(url: string, rendererUrl: string): boolean {
  return (
    url === rendererUrl || url.startsWith(`${rendererUrl}#`) || url.startsWith(`${rendererUrl}?`)
  );
}

function openExternally(url: string): void {
  if (url.startsWith('https://')) void shell.openExternal(url);
}

function harden(contents: WebContents, rendererUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installSecurity(rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, rendererUrl));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}
