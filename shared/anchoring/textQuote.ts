/**
 * Building a W3C Web Annotation anchor (TextQuoteSelector + TextPositionSelector) from a
 * selection. The prefix and suffix are what later lets a claim be found again when a new
 * snapshot of the document moves its text (Hypothesis's approach).
 */
import type { Anchor } from '../domain/schemas';

/** Characters of context kept on each side of the quote. Hypothesis keeps 32. */
export const CONTEXT_LENGTH = 32;

export type AnchorProblem = 'out_of_range' | 'empty' | 'mismatch';

/** True when `offset` would split a surrogate pair (an emoji, say) in `text`. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Moves `offset` off the middle of a surrogate pair, in the given direction. */
function onCodePointBoundary(text: string, offset: number, direction: -1 | 1): number {
  return splitsSurrogatePair(text, offset) ? offset + direction : offset;
}

/**
 * The anchor for `text[start, end)`, or the reason there is none.
 * `expected`, when given, must equal the selected text: it guards against a UI that
 * computed offsets against a different text than the one stored.
 */
export function createAnchor(
  text: string,
  start: number,
  end: number,
  expected?: string,
): Anchor | AnchorProblem {
  if (start < 0 || end > text.length || end <= start) return 'out_of_range';
  const exact = text.slice(start, end);
  if (expected !== undefined && exact !== expected) return 'mismatch';
  if (exact.trim().length === 0) return 'empty';
  const prefixStart = onCodePointBoundary(text, Math.max(0, start - CONTEXT_LENGTH), 1);
  const suffixEnd = onCodePointBoundary(text, Math.min(text.length, end + CONTEXT_LENGTH), -1);
  return {
    exact,
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}

export const isAnchor = (value: Anchor | AnchorProblem): value is Anchor =>
  typeof value === 'object';
