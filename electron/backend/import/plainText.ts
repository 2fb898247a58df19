/**
 * .txt and .md: the text is kept exactly as written (analysts quote Markdown source
 * verbatim, markup included); only the common normal form of `finishText` applies.
 */
import { decodeUtf8 } from './format';
import { finishText } from './text';
import { emptyMeta, type ExtractedDocument } from './types';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// ATX heading level 1 (CommonMark): up to three spaces of indent, an optional closing run of #.
const H1 = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** The first level-1 heading outside fenced code, or '' when there is none. */
export function markdownTitle(source: string): string {
  let fence: string | null = null;
  for (const line of source.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      // A fence closes with the same character, at least as long as it opened.
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const title = H1.exec(line)?.[1]?.trim();
    if (title) return title;
  }
  return '';
}

export function extractPlainText(
  fileName: string,
  bytes: Uint8Array,
  format: 'txt' | 'md',
): ExtractedDocument {
  const text = finishText(fileName, decodeUtf8(fileName, bytes));
  const meta = emptyMeta();
  if (format === 'md') meta.title = markdownTitle(text);
  return { format, text, meta, warnings: [] };
}
