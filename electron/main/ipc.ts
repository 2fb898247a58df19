/**
 * The contract over Electron IPC: one `ipcMain.handle` per channel, each forwarded to the
 * backend process. A call from any frame but our own top-level page is refused.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { fail } from '../../shared/contract/result';
import { SHELL_UPLOAD, type UploadResult } from '../../shared/contract/shell';
import type { BackendProcess } from './backendProcess';
import { registerSaveFile } from './saveFile';
import { isAppUrl } from './security';

function trustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, rendererUrl);
}

function parseUpload(input: unknown) {
  if (typeof input !== 'object' || input === null) return null;
  const { fileName, purpose, bytes } = input as Record<string, unknown>;
  if (typeof fileName !== 'string' || !(bytes instanceof ArrayBuffer)) return null;
  if (purpose !== 'document' && purpose !== 'case') return null;
  return { fileName, purpose, bytes } as const;
}

export function registerIpc(backend: BackendProcess, rendererUrl: string, dataDir: string): void {
  const trusted = (event: IpcMainInvokeEvent) => trustedSender(event, rendererUrl);
  registerSaveFile(trusted, backend, dataDir);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!trusted(event)) {
        return fail('forbidden', 'This call did not come from the Claimdesk window.');
      }
      return backend.call(channel, input);
    });
  }
  ipcMain.handle(SHELL_UPLOAD, async (event, input: unknown): Promise<UploadResult> => {
    if (!trusted(event)) return { error: 'This call did not come from the Claimdesk window.' };
    const request = parseUpload(input);
    if (!request) return { error: 'The file to send was not understood.' };
    return backend.upload(request);
  });
}
