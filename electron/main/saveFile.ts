/**
 * Saving an exported file on the desktop: the system's save dialog, then an atomic, durable
 * write (temp file, fsync, rename) to the place the user picked. A briefing note comes as
 * bytes; a case export is a file the backend wrote, copied from its exports folder without
 * passing through the window. Only the file name the backend proposed is offered; the user
 * decides the folder.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  SHELL_SAVE_FILE,
  SHELL_SAVE_JOB_FILE,
  type SaveFileResult,
} from '../../shared/contract/shell';
import { exportFileName } from '../../shared/fileNames';
import { copyFileDurable, writeFileDurable } from '../backend/store/durableFile';
import type { BackendProcess } from './backendProcess';

function parseRequest(input: unknown): { fileName: string; dataBase64: string } | null {
  if (typeof input !== 'object' || input === null) return null;
  const { fileName, dataBase64 } = input as Record<string, unknown>;
  if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') return null;
  return { fileName, dataBase64 };
}

/** The save dialog for `fileName` (made safe); null when the user cancelled. */
async function choosePath(event: IpcMainInvokeEvent, fileName: string): Promise<string | null> {
  const extension = path.extname(fileName).slice(1) || 'bin';
  const proposed = exportFileName(path.basename(fileName, `.${extension}`), extension);
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = { defaultPath: path.join(app.getPath('documents'), proposed) };
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

async function save(target: string, write: () => Promise<void>): Promise<SaveFileResult> {
  try {
    await write();
    return { saved: true, path: target };
  } catch (error) {
    return { error: `${target}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function registerSaveFile(
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  backend: BackendProcess,
  dataDir: string,
): void {
  ipcMain.handle(SHELL_SAVE_FILE, async (event, input: unknown): Promise<SaveFileResult> => {
    if (!isTrusted(event)) return { error: 'This call did not come from the Claimdesk window.' };
    const request = parseRequest(input);
    if (!request) return { error: 'The file to save was not understood.' };
    const target = await choosePath(event, request.fileName);
    if (!target) return { saved: false };
    return save(target, () => writeFileDurable(target, Buffer.from(request.dataBase64, 'base64')));
  });
  ipcMain.handle(SHELL_SAVE_JOB_FILE, async (event, input: unknown): Promise<SaveFileResult> => {
    if (!isTrusted(event)) return { error: 'This call did not come from the Claimdesk window.' };
    const jobId =
      typeof input === 'object' && input !== null ? (input as Record<string, unknown>).jobId : null;
    if (typeof jobId !== 'string') return { error: 'The export to save was not understood.' };
    const found = await backend.jobFile(jobId);
    // Only a file of the backend's own exports folder is ever copied.
    if (!found || path.dirname(found.path) !== path.join(dataDir, 'exports')) {
      return { error: 'This export is no longer here. Export the case again.' };
    }
    const target = await choosePath(event, found.fileName);
    if (!target) return { saved: false };
    return save(target, () => copyFileDurable(found.path, target));
  });
}
