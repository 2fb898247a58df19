/**
 * Files in and out of the backend, without base64 where the shell allows it (issue 10):
 * in the browser, an upload streams the file to the web host and a download is a link the
 * browser saves; on the desktop, the shell takes the bytes and offers its save dialog.
 */
import type { ExportedFile, JobFile } from '../../../shared/contract/channels';
import {
  formatBytes,
  MAX_CASE_FILE_BYTES,
  MAX_IMPORT_BYTES,
} from '../../../shared/contract/limits';
import type {
  SaveFileResult,
  SaveJobFileRequest,
  UploadPurpose,
  UploadRequest,
  UploadResult,
} from '../../../shared/contract/shell';
import { authToken } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload only. */
    claimdeskShell?: {
      saveFile: (file: ExportedFile) => Promise<SaveFileResult>;
      saveJobFile: (request: SaveJobFileRequest) => Promise<SaveFileResult>;
      upload: (request: UploadRequest) => Promise<UploadResult>;
    };
  }
}

const LIMITS: Record<UploadPurpose, number> = {
  document: MAX_IMPORT_BYTES,
  case: MAX_CASE_FILE_BYTES,
};

/** Sends a file the user chose to the backend; its id goes with the call that reads it. */
export async function uploadFile(file: File, purpose: UploadPurpose): Promise<UploadResult> {
  const limit = LIMITS[purpose];
  if (file.size > limit) {
    return {
      error: `“${file.name}” is ${formatBytes(file.size)}, larger than ${formatBytes(limit)}, the most Claimdesk takes in one file. Nothing was imported.`,
    };
  }
  const shell = window.claimdeskShell;
  try {
    if (shell) {
      return await shell.upload({ fileName: file.name, purpose, bytes: await file.arrayBuffer() });
    }
    const response = await fetch(`/api/upload?purpose=${purpose}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${authToken()}`,
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
    const answer = (await response.json()) as
      | { ok: true; value: { uploadId: string; size: number } }
      | { ok: false; error: { message: string } };
    return answer.ok ? answer.value : { error: answer.error.message };
  } catch (error) {
    return {
      error: `“${file.name}” could not be sent to Claimdesk's backend (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

function clickDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** A small file made in one call (a briefing note): the save dialog, or a download. */
export async function saveExportedFile(file: ExportedFile): Promise<SaveFileResult> {
  const shell = window.claimdeskShell;
  if (shell) {
    try {
      return await shell.saveFile(file);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  clickDownload(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, path: file.fileName };
}

/** An export job's file: the save dialog, or a download the browser streams to disk. */
export async function saveJobFile(jobId: string, file: JobFile): Promise<SaveFileResult> {
  const shell = window.claimdeskShell;
  if (shell) {
    try {
      return await shell.saveJobFile({ jobId, fileName: file.fileName });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  clickDownload(`/download/${jobId}/${file.key}`, file.fileName);
  return { saved: true, path: file.fileName };
}
