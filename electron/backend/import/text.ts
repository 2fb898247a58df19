/**
 * The one normal form every extractor's text ends in (see `ExtractedDocument.text`), and the
 * size limits around it. Normalising in one place keeps anchors stable: the same document
 * imported twice, from any format, yields the same offsets.
 */
import { ImportError, MAX_IMPORT_BYTES, MAX_TEXT_LENGTH } from './types';

const MEGABYTE = 1024 * 1024;

/** "120 MB", "50.1 MB": one decimal below 100 MB so that 50 MB + 1 byte does not read "50 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MEGABYTE;
  const shown = mb >= 100 ? Math.round(mb) : Math.ceil(mb * 10) / 10;
  return `${shown} MB`;
}

/** Refuses before parsing: parsers allocate several times a file's size. */
export function checkInputSize(
  fileName: string,
  byteLength: number,
  limit = MAX_IMPORT_BYTES,
): void {
  if (byteLength === 0) throw noText(fileName);
  if (byteLength <= limit) return;
  throw new ImportError(
    fileName,
    `This file is ${formatMegabytes(byteLength)}; Claimdesk imports files up to ${formatMegabytes(limit)}.`,
  );
}

export function noText(fileName: string): ImportError {
  return new ImportError(fileName, 'This file holds no text.');
}

export function textTooLong(fileName: string): ImportError {
  return new ImportError(
    fileName,
    `This document's text is longer than ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters, ` +
      'more than Claimdesk can show and annotate. Split the document and import the parts.',
  );
}

/**
 * NFC (so a quote typed on another system matches), "\n" line ends, trimmed. Interior
 * spacing is the extractor's business: Markdown and plain text keep theirs verbatim.
 */
export function normalizeText(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Normalises and enforces the two text rules every format shares: not empty, not huge. */
export function finishText(fileName: string, raw: string): string {
  // Checked before normalising too, so a runaway extraction never gets copied again.
  if (raw.length > MAX_TEXT_LENGTH * 2) throw textTooLong(fileName);
  const text = normalizeText(raw);
  if (text.length === 0) throw noText(fileName);
  if (text.length > MAX_TEXT_LENGTH) throw textTooLong(fileName);
  return text;
}

/** Collapses runs of blank lines to one, for extractors whose source marks paragraphs loosely. */
export function collapseBlankLines(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
}

/** Meta values are untrusted and sometimes huge; a title longer than this is not a title. */
const MAX_META_LENGTH = 500;

export function cleanMetaValue(value: string | null | undefined): string {
  const clean = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_META_LENGTH ? `${clean.slice(0, MAX_META_LENGTH - 1)}…` : clean;
}

/** A parser's error message, short and without a final period, to quote inside a sentence. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const short = message
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .replace(/[\s.]+$/, '');
  return short || 'unknown error';
}
