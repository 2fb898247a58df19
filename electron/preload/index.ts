/**
 * The preload: exposes exactly one function per contract channel on `window.claimdesk`,
 * nothing else (no generic ipcRenderer). Bundled as one CommonJS file, since a sandboxed
 * preload cannot load ES modules or other files.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Channel } from '../../shared/contract/channelNames';
import { SHELL_SAVE_FILE, type SaveFileRequest } from '../../shared/contract/shell';

const api: Partial<Record<Channel, (input: unknown) => Promise<unknown>>> = {};
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('claimdesk', api);

/** The one shell function outside the contract: the desktop's save dialog for exports. */
contextBridge.exposeInMainWorld('claimdeskShell', {
  saveFile: (file: SaveFileRequest) => ipcRenderer.invoke(SHELL_SAVE_FILE, file),
});
