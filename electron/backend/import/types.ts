/**
 * The shape of an imported document and the one error import raises. Kept apart from the
 * extractors so that callers (handlers, the web host) can import the types without pulling
 * in pdf.js, mammoth or linkedom.
 */

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface DocumentMeta {
  title: string;
  author: string;
  outlet: string;
  /** Only http(s) URLs; '' when the source names none. */
  url: string;
  /** YYYY-MM-DD, or '' when unknown or unparseable. */
  publishedAt: string;
}

export interface ExtractedDocument {
  format: SourceFormat;
  /**
   * Plain text the reader shows: paragraphs separated by a blank line, "\n" line ends,
   * NFC, no leading or trailing whitespace. Anchors (DESIGN.md, "Claim") index into it,
   * so every extractor must produce it through `finishText`.
   */
  text: string;
  meta: DocumentMeta;
  /** Sentences for the analyst about what was dropped or may be missing. */
  warnings: string[];
}

/**
 * A file Claimdesk refuses to import. `reason` is a full sentence the user can act on;
 * the message carries the file name so that it reads well in a list of several imports.
 */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** Larger files are refused before any parser sees them. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** About 5,000 pages of prose; more would make the reader and the anchoring unusable. */
export const MAX_TEXT_LENGTH = 10_000_000;

export function emptyMeta(): DocumentMeta {
  return { title: '', author: '', outlet: '', url: '', publishedAt: '' };
}
