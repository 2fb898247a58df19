/** The main window, created with the settings every Claimdesk window must have. */
import path from 'node:path';
import { BrowserWindow } from 'electron';

export function createMainWindow(rendererFile: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Claimdesk',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // Middle-click would open links in new windows, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererFile);
  return window;
}
