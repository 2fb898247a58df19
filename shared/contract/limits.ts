/**
 * Size limits of the contract, without the validation library, so the UI can check a file
 * before sending it and say which limit it passes.
 */

/** Upper bound for one document, in UTF-16 code units (about 20 MB of text). */
export const MAX_DOCUMENT_LENGTH = 10_000_000;
/** Upper bound for one imported document file, in bytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Upper bound for an exported case read back (a case of 100,000 claims is about 150 MB). */
export const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** The most rows one list call returns; the UI asks for windows of the list. */
export const MAX_PAGE = 500;

/** "50 MB": a byte count as the UI and messages say it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
