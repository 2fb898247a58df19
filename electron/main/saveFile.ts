/**
 * Saving an exported file on the desktop: the system's save dialog, then an atomic, durable
 * write (temp file, fsync, rename) to the place the user picked. Only the file name the
 * backend proposed is offered; the user decides the folder.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { SHELL_SAVE_FILE, type SaveFileResult } from '../../shared/contract/shell';
import { exportFileName } from '../../shared/fileNames';
import { writeFileDurable } from '../backend/store/durableFile';

function parseRequest(input: unknown): { fileName: string; dataBase64: string } | null {
  if (typeof input !== 'object' || input === null) return null;
  const { fileName, dataBase64 } = input as Record<string, unknown>;
  if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') return null;
  return { fileName, dataBase64 };
}

export function registerSaveFile(isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(SHELL_SAVE_FILE, async (event, input: unknown): Promise<SaveFileResult> => {
    if (!isTrusted(event)) return { error: 'This call did not come from the Claimdesk window.' };
    const request = parseRequest(input);
    if (!request) return { error: 'The file to save was not understood.' };
    const extension = path.extname(request.fileName).slice(1) || 'bin';
    const proposed = exportFileName(path.basename(request.fileName, `.${extension}`), extension);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: path.join(app.getPath('documents'), proposed) };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await writeFileDurable(choice.filePath, Buffer.from(request.dataBase64, 'base64'));
      return { saved: true, path: choice.filePath };
    } catch (error) {
      return {
        error: `${choice.filePath}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  });
}
