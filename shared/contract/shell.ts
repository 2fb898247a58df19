/**
 * What the desktop shell offers besides the contract: saving a file the backend made through
 * the system's save dialog. The web host has no such thing; the browser downloads instead.
 */
export const SHELL_SAVE_FILE = 'shell:saveFile';

export interface SaveFileRequest {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** `saved: false` when the user cancelled the dialog. */
export type SaveFileResult = { saved: true; path: string } | { saved: false } | { error: string };
