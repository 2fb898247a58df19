import { describe, expect, it } from 'vitest';
import type { Anchor } from '../domain/schemas';
import {
  codePointCounter,
  positionSelector,
  quoteSelector,
  toCodePointOffset,
  toUtf16Offset,
} from './codePoints';
import { createAnchor, isAnchor } from './textQuote';

function anchorOf(text: string, start: number, end: number): Anchor {
  const result = createAnchor(text, start, end);
  if (!isAnchor(result)) throw new Error(`expected an anchor, got ${result}`);
  return result;
}

// ASCII, Cyrillic (1 unit each), emoji (2 units), flags (2 code points, 4 units), a ZWJ family.
const MIXED = 'Hi, Путин 🇷🇺 said 😀 to 🇺🇦 and 👨‍👩‍👧 — ok. Ёлки!';
const CODE_POINTS = [...MIXED];

/** UTF-16 offsets that are code point boundaries, from the string's own iteration. */
function boundaries(text: string): number[] {
  const offsets = [0];
  for (const ch of text) offsets.push((offsets[offsets.length - 1] as number) + ch.length);
  return offsets;
}

describe('code point offsets', () => {
  it('counts a flag as 2 code points and 4 UTF-16 units', () => {
    const text = 'a🇷🇺b';
    expect(text).toHaveLength(6);
    expect(toCodePointOffset(text, 5)).toBe(3);
    expect(toCodePointOffset(text, 6)).toBe(4);
    expect(toUtf16Offset(text, 3)).toBe(5);
    expect(toUtf16Offset(text, 2)).toBe(3);
  });

  it('round-trips every offset of a string mixing ASCII, Cyrillic, emoji and flags', () => {
    const utf16 = boundaries(MIXED);
    expect(utf16).toHaveLength(CODE_POINTS.length + 1);
    expect(MIXED.length).toBeGreaterThan(CODE_POINTS.length);

    utf16.forEach((unitOffset, codePointOffset) => {
      expect(toCodePointOffset(MIXED, unitOffset)).toBe(codePointOffset);
      expect(toUtf16Offset(MIXED, codePointOffset)).toBe(unitOffset);
      expect(toUtf16Offset(MIXED, toCodePointOffset(MIXED, unitOffset))).toBe(unitOffset);
      expect(toCodePointOffset(MIXED, toUtf16Offset(MIXED, codePointOffset))).toBe(codePointOffset);
    });
  });

  it('counts an offset inside a surrogate pair as before that character', () => {
    const text = 'a😀b';
    expect(toCodePointOffset(text, 2)).toBe(1);
    expect(toCodePointOffset(text, 3)).toBe(2);
  });

  it('counts a lone surrogate as one code point, as string iteration does', () => {
    const text = 'a\ud83d b\ude00c';
    expect([...text]).toHaveLength(6);
    expect(toCodePointOffset(text, text.length)).toBe(6);
    expect(toUtf16Offset(text, 6)).toBe(text.length);
  });

  it('rejects offsets outside the text', () => {
    expect(() => toCodePointOffset('abc', 4)).toThrow(RangeError);
    expect(() => toCodePointOffset('abc', -1)).toThrow(RangeError);
    expect(() => toCodePointOffset('abc', 1.5)).toThrow(RangeError);
    expect(() => toUtf16Offset('a😀', 3)).toThrow(RangeError);
    expect(() => toUtf16Offset('abc', -1)).toThrow(RangeError);
  });

  it('converts offsets at the end of a long astral text', () => {
    const text = 'ж😀🇷🇺 '.repeat(100_000); // 800,000 units
    expect(toCodePointOffset(text, text.length)).toBe(500_000);
    expect(toUtf16Offset(text, 500_000)).toBe(text.length);
    expect(codePointCounter(text)(text.length)).toBe(500_000);
  });

  it('counts as toCodePointOffset does at every offset, inside pairs and lone surrogates too', () => {
    for (const text of [MIXED, 'a\ud83d b\ude00c', '😀😀', '\ude00\ud83d', 'plain ascii', '']) {
      const count = codePointCounter(text);
      for (let offset = 0; offset <= text.length; offset++) {
        expect(count(offset)).toBe(toCodePointOffset(text, offset));
      }
      expect(() => count(text.length + 1)).toThrow(RangeError);
      expect(() => count(-1)).toThrow(RangeError);
    }
  });
});

describe('W3C selectors', () => {
  it('gives a TextPositionSelector in code points for an anchor in UTF-16 units', () => {
    const quote = 'said 😀 to 🇺🇦';
    const start = MIXED.indexOf(quote);
    const anchor = anchorOf(MIXED, start, start + quote.length);

    const selector = positionSelector(MIXED, anchor);

    expect(selector.type).toBe('TextPositionSelector');
    expect(CODE_POINTS.slice(selector.start, selector.end).join('')).toBe(quote);
    expect(selector.start).toBe([...MIXED.slice(0, start)].length);
    expect(selector.end - selector.start).toBe([...quote].length);
    expect(selector.end - selector.start).toBeLessThan(quote.length);
  });

  it('gives a TextQuoteSelector with prefix and suffix', () => {
    const anchor = anchorOf(MIXED, 4, 9);
    expect(quoteSelector(anchor)).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Путин',
      prefix: 'Hi, ',
      suffix: MIXED.slice(9, anchor.end + anchor.suffix.length),
    });
  });

  it('omits the prefix and suffix keys when they are empty', () => {
    const text = 'Путин 🇷🇺';
    const whole = quoteSelector(anchorOf(text, 0, text.length));
    expect(whole).toEqual({ type: 'TextQuoteSelector', exact: text });
    expect('prefix' in whole).toBe(false);
    expect('suffix' in whole).toBe(false);

    const atStart = quoteSelector(anchorOf(text, 0, 5));
    expect('prefix' in atStart).toBe(false);
    expect(atStart.suffix).toBe(' 🇷🇺');
  });
});
