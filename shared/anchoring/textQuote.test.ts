import { describe, expect, it } from 'vitest';
import type { Anchor } from '../domain/schemas';
import { CONTEXT_LENGTH, createAnchor, isAnchor } from './textQuote';

function anchorOf(text: string, start: number, end: number, expected?: string): Anchor {
  const result = createAnchor(text, start, end, expected);
  if (!isAnchor(result)) throw new Error(`expected an anchor, got ${result}`);
  return result;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `s` begins with a low surrogate or ends with a high one (half of a pair). */
function hasLoneSurrogateAtEdge(s: string): boolean {
  if (s.length === 0) return false;
  return isLowSurrogate(s.charCodeAt(0)) || isHighSurrogate(s.charCodeAt(s.length - 1));
}

describe('createAnchor', () => {
  it('gives exact, prefix, suffix, start and end for a simple selection', () => {
    const before = 'The minister spoke at length on Tuesday and ';
    const quote = 'denied any plan to send troops';
    const after = ' to the region, according to the transcript published later.';
    const text = before + quote + after;
    const start = before.length;
    const end = start + quote.length;

    expect(anchorOf(text, start, end, quote)).toEqual({
      exact: quote,
      prefix: before.slice(-CONTEXT_LENGTH),
      suffix: after.slice(0, CONTEXT_LENGTH),
      start,
      end,
    });
    expect(CONTEXT_LENGTH).toBe(32);
    expect(before.slice(-CONTEXT_LENGTH)).toHaveLength(32);
  });

  it('clips the context at the start and the end of the text', () => {
    const text = 'Short. Quote here. End.';
    const atStart = anchorOf(text, 0, 6);
    expect(atStart.exact).toBe('Short.');
    expect(atStart.prefix).toBe('');
    expect(atStart.suffix).toBe(' Quote here. End.');

    const atEnd = anchorOf(text, text.length - 4, text.length);
    expect(atEnd.exact).toBe('End.');
    expect(atEnd.suffix).toBe('');
    expect(atEnd.prefix).toBe('Short. Quote here. ');

    const whole = anchorOf(text, 0, text.length);
    expect(whole).toEqual({ exact: text, prefix: '', suffix: '', start: 0, end: text.length });
  });

  it('anchors the occurrence that was selected when a passage occurs twice', () => {
    const paragraph = 'Officials said the talks would resume next week.';
    const text = `First report.\n${paragraph}\nA later update repeated it.\n${paragraph}\nEnd.`;
    const first = text.indexOf(paragraph);
    const second = text.indexOf(paragraph, first + 1);
    expect(second).toBeGreaterThan(first);

    const a = anchorOf(text, first, first + paragraph.length, paragraph);
    const b = anchorOf(text, second, second + paragraph.length, paragraph);
    expect(a.exact).toBe(paragraph);
    expect(b.exact).toBe(paragraph);
    expect(a.start).toBe(first);
    expect(b.start).toBe(second);
    expect(a.start).not.toBe(b.start);
    expect(a.prefix).toBe('First report.\n');
    expect(b.prefix).toBe(text.slice(second - CONTEXT_LENGTH, second));
    expect(b.prefix.endsWith('A later update repeated it.\n')).toBe(true);
    expect(a.prefix).not.toBe(b.prefix);
  });

  it('counts UTF-16 offsets in Cyrillic text with emoji, without splitting a surrogate pair', () => {
    const text = 'Захарова 🇷🇺 said 😀 that «всё спокойно» 👍🏽 and nothing else 🎉🎉🎉.';
    const quote = 'said 😀 that';
    const start = text.indexOf(quote);
    const end = start + quote.length;
    const anchor = anchorOf(text, start, end, quote);
    // 'Захарова ' is 9 code units; each of the two regional indicators is a surrogate pair.
    expect(start).toBe(9 + 4 + 1);
    expect(anchor.exact).toBe(text.slice(anchor.start, anchor.end));
    expect(anchor.end - anchor.start).toBe(quote.length);
    expect(quote.length).toBe(12);

    // Every start/end choice whose context boundary lands inside a pair: the context must
    // stay whole, so prefix and suffix never begin or end with half of a pair.
    let checked = 0;
    for (let s = 0; s < text.length; s++) {
      for (let e = s + 1; e <= text.length; e++) {
        if (isLowSurrogate(text.charCodeAt(s)) || isLowSurrogate(text.charCodeAt(e))) continue;
        const result = createAnchor(text, s, e);
        if (!isAnchor(result)) continue;
        expect(result.exact).toBe(text.slice(s, e));
        expect(hasLoneSurrogateAtEdge(result.prefix)).toBe(false);
        expect(hasLoneSurrogateAtEdge(result.suffix)).toBe(false);
        expect(text.slice(s - result.prefix.length, s)).toBe(result.prefix);
        expect(text.slice(e, e + result.suffix.length)).toBe(result.suffix);
        expect(result.prefix.length).toBeGreaterThanOrEqual(Math.min(s, CONTEXT_LENGTH) - 1);
        expect(result.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(result.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('moves a context boundary that falls inside an emoji off the pair', () => {
    // 31 ASCII characters, then an emoji: 32 code units back from the quote is its low half.
    const lead = 'x'.repeat(10);
    const text = `${lead}😀${'a'.repeat(31)}QUOTE${'b'.repeat(31)}😀${lead}`;
    const start = text.indexOf('QUOTE');
    const anchor = anchorOf(text, start, start + 5, 'QUOTE');
    expect(anchor.prefix).toBe('a'.repeat(31));
    expect(anchor.suffix).toBe('b'.repeat(31));
  });

  it('returns out_of_range for offsets outside the text or an empty range', () => {
    const text = 'Hello world';
    expect(createAnchor(text, -1, 3)).toBe('out_of_range');
    expect(createAnchor(text, 0, text.length + 1)).toBe('out_of_range');
    expect(createAnchor(text, 5, 5)).toBe('out_of_range');
    expect(createAnchor(text, 6, 2)).toBe('out_of_range');
  });

  it('returns empty for a selection that holds only white space', () => {
    const text = 'One.   \n\t  Two.';
    expect(createAnchor(text, 4, 11)).toBe('empty');
    expect(createAnchor(text, 4, 11, '   \n\t  ')).toBe('empty');
  });

  it('returns mismatch when the expected text differs from the text at the offsets', () => {
    const text = 'The quick brown fox';
    expect(createAnchor(text, 4, 9, 'quick')).not.toBe('mismatch');
    expect(createAnchor(text, 4, 9, 'brown')).toBe('mismatch');
    expect(createAnchor(text, 4, 9, 'quic')).toBe('mismatch');
  });
});
