/**
 * Claimdesk stores offsets in UTF-16 code units (JavaScript string indices); the W3C Web
 * Annotation TextPositionSelector counts Unicode code points. An astral character (most
 * emoji; a flag is two of them) is one code point but two code units.
 *
 * A lone surrogate counts as one code point, as string iteration does.
 */
import type { Anchor } from '../domain/schemas';

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points before the selection. */
  start: number;
  /** Code points before the end of the selection. */
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Length in code units of the code point starting at `i` (2 for a surrogate pair, else 1). */
function unitsAt(text: string, i: number): 1 | 2 {
  return i + 1 < text.length &&
    isHighSurrogate(text.charCodeAt(i)) &&
    isLowSurrogate(text.charCodeAt(i + 1))
    ? 2
    : 1;
}

function checkOffset(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside [0, ${max}]`);
  }
}

/**
 * The number of code points in `text` before UTF-16 offset `utf16Offset`. An offset inside
 * a surrogate pair counts as before that character. O(offset).
 * @throws RangeError when the offset is not an integer in [0, text.length].
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset(utf16Offset, text.length, 'UTF-16 offset');
  let codePoints = 0;
  let i = 0;
  while (i < utf16Offset) {
    const units = unitsAt(text, i);
    if (i + units > utf16Offset) break;
    i += units;
    codePoints += 1;
  }
  return codePoints;
}

/**
 * The UTF-16 offset in `text` of code point offset `codePointOffset`. O(offset).
 * @throws RangeError when the offset is not an integer in [0, number of code points].
 */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    throw new RangeError(`code point offset ${codePointOffset} is not a non-negative integer`);
  }
  let i = 0;
  for (let codePoints = 0; codePoints < codePointOffset; codePoints += 1) {
    if (i >= text.length) {
      throw new RangeError(`code point offset ${codePointOffset} is past the end of the text`);
    }
    i += unitsAt(text, i);
  }
  return i;
}

/**
 * `toCodePointOffset` for many offsets into one text: the surrogate pairs are found once,
 * then each offset costs a binary search, not a walk from the start (an export converts
 * every anchor of a long document).
 */
export function codePointCounter(text: string): (utf16Offset: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i += 1;
    }
  }
  if (pairs.length === 0) {
    return (offset) => {
      checkOffset(offset, text.length, 'UTF-16 offset');
      return offset;
    };
  }
  return (offset) => {
    checkOffset(offset, text.length, 'UTF-16 offset');
    // Pairs that end at or before the offset: each is one code point in two units.
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[mid] ?? 0) + 2 <= offset) lo = mid + 1;
      else hi = mid;
    }
    // An offset inside a pair counts as before that character.
    const inside = pairs[lo] === offset - 1 ? 1 : 0;
    return offset - lo - inside;
  };
}

/**
 * The W3C TextPositionSelector (in code points) for an anchor on `text` (in UTF-16 units);
 * `count` from codePointCounter(text) when many anchors share the text.
 */
export function positionSelector(
  text: string,
  anchor: Anchor,
  count: (utf16Offset: number) => number = (offset) => toCodePointOffset(text, offset),
): TextPositionSelector {
  return { type: 'TextPositionSelector', start: count(anchor.start), end: count(anchor.end) };
}

/** The W3C TextQuoteSelector for an anchor; empty prefix or suffix is left out. */
export function quoteSelector(anchor: Anchor): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: anchor.exact,
    ...(anchor.prefix ? { prefix: anchor.prefix } : {}),
    ...(anchor.suffix ? { suffix: anchor.suffix } : {}),
  };
}
