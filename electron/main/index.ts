/**
 * The Electron main process: lifecycle only. The backend runs in a utility process
 * (backendProcess.ts); the window, IPC, security and menu each live in their own file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { dataDirFromArgs } from '../backend/dataDir';
import { startBackendProcess, type BackendProcess } from './backendProcess';
import { registerIpc } from './ipc';
import { teamSecretKey } from './secretKey';
import { installMenu } from './menu';
import { installSecurity } from './security';
import { createMainWindow } from './window';

const rendererFile = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererFile).toString();

let backend: BackendProcess | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  // Another window of Claimdesk already owns the data: it gets focused instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv, process.env) ?? app.getPath('userData');
  try {
    // A damaged store opens in recovery mode: the window shows the backups to restore.
    backend = await startBackendProcess(
      {
        dataDir,
        version: app.getVersion(),
        sampleCaseFile: path.join(__dirname, '..', 'data', 'sample-case.json'),
      },
      await teamSecretKey(dataDir),
    );
  } catch (error) {
    dialog.showErrorBox(
      'Claimdesk cannot open its data',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  installSecurity(rendererUrl);
  installMenu();
  registerIpc(backend, rendererUrl, dataDir);
  createMainWindow(rendererFile);
}

app.on('window-all-closed', () => app.quit());

app.on('before-quit', (event) => {
  if (quitting || !backend) return;
  // Fold the journal into the store and release the data folder before leaving.
  event.preventDefault();
  quitting = true;
  void backend.close().finally(() => app.quit());
});
