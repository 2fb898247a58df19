/**
 * The contract over Electron IPC: one `ipcMain.handle` per channel, all answered by the
 * backend's dispatch. A call from any frame but our own top-level page is refused.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { fail } from '../../shared/contract/result';
import type { Dispatch } from '../backend/dispatch';
import { registerSaveFile } from './saveFile';
import { isAppUrl } from './security';

function trustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, rendererUrl);
}

export function registerIpc(dispatch: Dispatch, rendererUrl: string): void {
  registerSaveFile((event) => trustedSender(event, rendererUrl));
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!trustedSender(event, rendererUrl)) {
        return fail('forbidden', 'This call did not come from the Claimdesk window.');
      }
      return dispatch(channel, input);
    });
  }
}
