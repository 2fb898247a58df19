/**
 * What the desktop shell offers besides the contract: files in (an upload of the bytes the
 * user chose, no base64 on the way) and files out (the system's save dialog). The web host
 * has its own upload and download addresses instead (electron/web/server.ts).
 */
export const SHELL_SAVE_FILE = 'shell:saveFile';
export const SHELL_SAVE_JOB_FILE = 'shell:saveJobFile';
export const SHELL_UPLOAD = 'shell:upload';

export interface SaveFileRequest {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** An export's file, by the job that made it. */
export interface SaveJobFileRequest {
  jobId: string;
  fileName: string;
}

export type UploadPurpose = 'document' | 'case';

export interface UploadRequest {
  fileName: string;
  purpose: UploadPurpose;
  bytes: ArrayBuffer;
}

/** An upload's id for `documents:extract` or `cases:import`, or why it was refused. */
export type UploadResult = { uploadId: string; size: number } | { error: string };

/** `saved: false` when the user cancelled the dialog. */
export type SaveFileResult = { saved: true; path: string } | { saved: false } | { error: string };
