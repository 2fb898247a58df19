/**
 * The preload: exposes exactly one function per contract channel on `window.claimdesk`,
 * and the shell's three file functions on `window.claimdeskShell`, nothing else (no generic
 * ipcRenderer). Bundled as one CommonJS file, since a sandboxed preload cannot load ES
 * modules or other files.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Channel } from '../../shared/contract/channelNames';
import {
  SHELL_SAVE_FILE,
  SHELL_SAVE_JOB_FILE,
  SHELL_UPLOAD,
  type SaveFileRequest,
  type SaveJobFileRequest,
  type UploadRequest,
} from '../../shared/contract/shell';

const api: Partial<Record<Channel, (input: unknown) => Promise<unknown>>> = {};
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('claimdesk', api);

/** Outside the contract: files in and out without base64 (issue 10). */
contextBridge.exposeInMainWorld('claimdeskShell', {
  saveFile: (file: SaveFileRequest) => ipcRenderer.invoke(SHELL_SAVE_FILE, file),
  saveJobFile: (request: SaveJobFileRequest) => ipcRenderer.invoke(SHELL_SAVE_JOB_FILE, request),
  upload: (request: UploadRequest) => ipcRenderer.invoke(SHELL_UPLOAD, request),
});
