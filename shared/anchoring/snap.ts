/**
 * An approximate match is where the edit distance is least, which can fall mid-word ("to the
 * best of our abiliti" when the new text says "abilities") or take in a mark that moved
 * (`threats"` when a period moved outside the closing quote). Issue 12: a re-anchored quote
 * starts and ends where the old one did in kind, at a word's edge, with the punctuation and
 * quote marks the old quote had and no others.
 */

import { balanceQuotes } from './balanceQuotes';

const isWordChar = (c: string | undefined): boolean =>
  c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
/** Punctuation and quote marks, as they end or start a quote. */
const MARKS = /^[\p{P}\p{Pi}\p{Pf}]+/u;
const TRAILING_MARKS = /[\p{P}\p{Pi}\p{Pf}]+$/u;
const SPACE = /\s/u;

function leadingMarks(s: string): string {
  return MARKS.exec(s)?.[0] ?? '';
}

function trailingMarks(s: string): string {
  return TRAILING_MARKS.exec(s)?.[0] ?? '';
}

/**
 * `[start, end)` of `text` moved to word edges and to the old quote's marks. `before` and
 * `after`: the characters that stood just before and after the old quote (from its prefix
 * and suffix), so that a quote that began or ended mid-word is not widened to whole words.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  oldExact: string,
  before = '',
  after = '',
): { start: number; end: number } {
  let s = start;
  let e = end;
  // No white space at either end unless the old quote had it.
  while (s < e && SPACE.test(text[s] ?? '') && !SPACE.test(oldExact[0] ?? '')) s += 1;
  while (e > s && SPACE.test(text[e - 1] ?? '') && !SPACE.test(oldExact.at(-1) ?? '')) e -= 1;

  // Marks at the end: exactly the old quote's, when the text still has them there.
  const oldTail = trailingMarks(oldExact);
  const newTail = trailingMarks(text.slice(s, e));
  if (newTail !== oldTail) {
    e -= newTail.length;
    if (oldTail && text.startsWith(oldTail, e)) e += oldTail.length;
  }
  // The same at the start.
  const oldHead = leadingMarks(oldExact);
  const newHead = leadingMarks(text.slice(s, e));
  if (newHead !== oldHead) {
    s += newHead.length;
    if (oldHead && text.slice(0, s).endsWith(oldHead)) s -= oldHead.length;
  }

  // Whole words at the ends where the old quote began or ended with a whole word.
  if (isWordChar(oldExact[0]) && !isWordChar(before)) {
    while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s -= 1;
  }
  if (isWordChar(oldExact.at(-1)) && !isWordChar(after)) {
    while (e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e += 1;
  }
  // Last, quote marks in pairs: a stray closing mark out, a quotation's own closing mark in.
  return s < e ? balanceQuotes(text, s, e) : { start, end };
}
