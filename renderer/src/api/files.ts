/**
 * Saving a file the backend made: through the desktop's save dialog (written atomically by
 * the main process), or as a browser download.
 */
import type { ExportedFile } from '../../../shared/contract/channels';
import type { SaveFileResult } from '../../../shared/contract/shell';

declare global {
  interface Window {
    /** Set by the Electron preload only. */
    claimdeskShell?: { saveFile: (file: ExportedFile) => Promise<SaveFileResult> };
  }
}

function download(file: ExportedFile): SaveFileResult {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, path: file.fileName };
}

export async function saveExportedFile(file: ExportedFile): Promise<SaveFileResult> {
  const shell = window.claimdeskShell;
  if (!shell) return download(file);
  try {
    return await shell.saveFile(file);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A file the user picked, as base64, for the import calls. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}
