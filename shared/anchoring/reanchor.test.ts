import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import type { Anchor } from '../domain/schemas';
import { locateAnchor, MIN_QUOTE_SIMILARITY } from './reanchor';
import { createAnchor, isAnchor } from './textQuote';

function anchorOf(text: string, start: number, end: number): Anchor {
  const result = createAnchor(text, start, end);
  if (!isAnchor(result)) throw new Error(`expected an anchor, got ${result}`);
  return result;
}

/** The anchor on the first occurrence of `quote` in `text`. */
function anchorOn(text: string, quote: string, from = 0): Anchor {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return anchorOf(text, start, start + quote.length);
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Checks the invariants every located anchor must keep against its text. */
function expectConsistent(text: string, anchor: Anchor): void {
  expect(anchor.exact).toBe(text.slice(anchor.start, anchor.end));
  expect(anchor.prefix).toBe(text.slice(anchor.start - anchor.prefix.length, anchor.start));
  expect(anchor.suffix).toBe(text.slice(anchor.end, anchor.end + anchor.suffix.length));
  expect(splitsPair(text, anchor.start)).toBe(false);
  expect(splitsPair(text, anchor.end)).toBe(false);
  expect(anchor).toEqual(anchorOf(text, anchor.start, anchor.end));
}

const INTRO =
  'Caracas, 12 March. The national electoral council met on Monday behind closed doors.\n\n';
const QUOTE = 'President Maduro announced that new elections would be held in the autumn';
const BODY =
  `Speaking from the balcony of Miraflores, ${QUOTE}, a date the opposition ` +
  'immediately called too late for international observers to prepare.\n\n' +
  'Foreign ministers of the region are expected to respond by the end of the week.';
const ORIGINAL = INTRO + BODY;

describe('locateAnchor', () => {
  it('finds an unchanged text at the same position, exactly, with full score', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);

    const located = locateAnchor(ORIGINAL, anchor);

    expect(located).not.toBeNull();
    expect(located?.quality).toBe('exact');
    expect(located?.anchor).toEqual(anchor);
    expect(located?.score).toBe(1);
  });

  it('follows a quote shifted by a paragraph inserted before it, exactly', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);
    const inserted = 'Update, 13 March: this article has been revised with new details.\n\n';
    const newText = inserted + ORIGINAL;

    const located = locateAnchor(newText, anchor);

    expect(located?.quality).toBe('exact');
    expect(located?.anchor.start).toBe(anchor.start + inserted.length);
    expect(located?.anchor.end).toBe(anchor.end + inserted.length);
    expect(located?.anchor.exact).toBe(QUOTE);
    // The context is recomputed from the new text (here it did not change).
    expect(located?.anchor.prefix).toBe(anchor.prefix);
    expect(located?.anchor.suffix).toBe(anchor.suffix);
    if (located) expectConsistent(newText, located.anchor);
  });

  it('recomputes the prefix from the new text when the text before the quote changed', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);
    const newText = ORIGINAL.replace('balcony of Miraflores', 'steps of the palace');

    const located = locateAnchor(newText, anchor);

    expect(located?.quality).toBe('exact');
    expect(located?.anchor.prefix).toBe('Speaking from the steps of the palace, '.slice(-32));
    expect(located?.anchor.prefix).not.toBe(anchor.prefix);
    if (located) expectConsistent(newText, located.anchor);
  });

  describe('a duplicated paragraph', () => {
    const heading = 'Statement of the ministry of foreign affairs\n\n';
    const paragraph =
      'The minister denied any plan to send troops. He repeated that the border stays open ' +
      'to trade and that talks with the neighbours will resume next month in Geneva.';
    const quote = 'The minister denied any plan to send troops.';
    const oldText = `${heading}${paragraph}\n\n${paragraph}\n\nEnd of statement.`;
    const secondStart = oldText.indexOf(quote, oldText.indexOf(quote) + 1);
    // Long enough that the old offset of the second copy is now nearer the first copy.
    const inserted = `${'Editor’s note: this statement was published twice by mistake. '.repeat(3)}\n\n`;
    const newText = inserted + oldText;

    it('keeps the anchor on the second occurrence after text is inserted at the top', () => {
      const anchor = anchorOf(oldText, secondStart, secondStart + quote.length);
      const firstNow = newText.indexOf(quote);
      const secondNow = newText.indexOf(quote, firstNow + 1);
      // Position alone would choose the first copy: only prefix/suffix can tell them apart.
      expect(Math.abs(firstNow - anchor.start)).toBeLessThan(Math.abs(secondNow - anchor.start));

      const located = locateAnchor(newText, anchor);

      expect(located?.quality).toBe('exact');
      expect(located?.anchor.start).toBe(secondNow);
      expect(located?.anchor.start).toBe(secondStart + inserted.length);
      if (located) expectConsistent(newText, located.anchor);
    });

    it('keeps the anchor on the first occurrence too', () => {
      const anchor = anchorOn(oldText, quote);

      const located = locateAnchor(newText, anchor);

      expect(located?.anchor.start).toBe(newText.indexOf(quote));
      expect(located?.anchor.start).toBe(anchor.start + inserted.length);
    });
  });

  it('breaks a tie on context by closeness to the old start scaled by the length ratio', () => {
    // Quote well inside identical paragraphs: every copy has the same prefix and suffix.
    const paragraph = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2)}\n`;
    const quote = 'consectetur adipiscing elit. Lorem ipsum';
    const oldText = paragraph.repeat(3);
    const thirdStart = 2 * paragraph.length + paragraph.indexOf(quote);
    const anchor = anchorOf(oldText, thirdStart, thirdStart + quote.length);
    const newText = 'x'.repeat(150) + oldText;
    const starts = [0, 1, 2].map((i) => 150 + i * paragraph.length + paragraph.indexOf(quote));
    const nearestTo = (hint: number): number =>
      starts.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a));

    // Without the old length, the old start is the hint.
    const unscaled = locateAnchor(newText, anchor);
    expect(unscaled?.anchor.start).toBe(nearestTo(anchor.start));
    expect(unscaled?.anchor.start).toBe(starts[1]);

    // With it, the hint is scaled by newLength / oldLength, which lands on the third copy.
    const scaled = locateAnchor(newText, anchor, { previousTextLength: oldText.length });
    const hint = Math.round((anchor.start * newText.length) / oldText.length);
    expect(scaled?.anchor.start).toBe(nearestTo(hint));
    expect(scaled?.anchor.start).toBe(starts[2]);
  });

  it('finds a quote whose typo was fixed ("Maduor" -> "Maduro") fuzzily', () => {
    const oldText = ORIGINAL.replace('Maduro', 'Maduor');
    const oldQuote = QUOTE.replace('Maduro', 'Maduor');
    const anchor = anchorOn(oldText, oldQuote);
    const newText = `Corrected on 14 March.\n\n${ORIGINAL}`;

    const located = locateAnchor(newText, anchor);

    expect(located).not.toBeNull();
    expect(located?.quality).toBe('fuzzy');
    expect(located?.anchor.exact).toBe(QUOTE);
    expect(located?.anchor.start).toBe(newText.indexOf(QUOTE));
    expect(located?.score).toBeGreaterThan(0.9);
    expect(located?.score).toBeLessThan(1);
    if (located) expectConsistent(newText, located.anchor);
  });

  it('returns null when the quote was deleted from the new text', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);
    const newText = ORIGINAL.replace(`${QUOTE}, `, '');
    expect(newText).not.toContain('Maduro');

    expect(locateAnchor(newText, anchor)).toBeNull();
  });

  it('returns null when the quote was rewritten beyond the similarity threshold', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);
    const rewritten = 'President Maduro declared that fresh elections will take place in autumn';
    // About a third of the quote changed: more than the 25% allowed (Hypothesis allows 50%).
    const distance = search(rewritten, QUOTE, QUOTE.length)[0]?.errors ?? 0;
    expect(distance / QUOTE.length).toBeGreaterThan(1 - MIN_QUOTE_SIMILARITY);
    expect(distance / QUOTE.length).toBeLessThan(0.5);
    const newText = ORIGINAL.replace(QUOTE, rewritten);

    expect(locateAnchor(newText, anchor)).toBeNull();
  });

  it('still finds a lightly reworded quote (under 25% changed) fuzzily', () => {
    const anchor = anchorOn(ORIGINAL, QUOTE);
    const reworded = 'President Maduro declared that new elections will be held in autumn';
    const newText = ORIGINAL.replace(QUOTE, reworded);

    const located = locateAnchor(newText, anchor);

    expect(located?.quality).toBe('fuzzy');
    expect(located?.anchor.start).toBe(newText.indexOf(reworded));
    expect(located?.anchor.exact).toBe(reworded);
    if (located) expectConsistent(newText, located.anchor);
  });

  it('accepts a quote exactly at 75% similarity and rejects one just below', () => {
    const quote = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'; // 40 chars: 10 errors allowed
    const oldText = `Before the quote: ${quote} and after it.`;
    const anchor = anchorOn(oldText, quote);
    // Substitute every 4th character, starting with the second: n substitutions, n errors.
    const damaged = (n: number): string =>
      [...quote].map((c, i) => (i % 4 === 1 && (i - 1) / 4 < n ? '#' : c)).join('');

    const atThreshold = locateAnchor(oldText.replace(quote, damaged(10)), anchor);
    expect(atThreshold?.quality).toBe('fuzzy');
    expect(atThreshold?.anchor.exact).toBe(damaged(10));
    // Quote similarity 1 - 10/40 = MIN_QUOTE_SIMILARITY, context and position intact.
    expect(atThreshold?.score).toBeCloseTo((50 * MIN_QUOTE_SIMILARITY + 20 + 20 + 2) / 92, 9);

    const below = quote + 'O';
    const longerAnchor = anchorOn(`Before the quote: ${below} and after it.`, below);
    // 41 chars still allow only 10 errors; 11 substitutions are one too many.
    const damagedLonger = damaged(10).slice(0, 40) + '#';
    expect(
      locateAnchor(`Before the quote: ${damagedLonger} and after it.`, longerAnchor),
    ).toBeNull();
  });

  describe('emoji and Cyrillic', () => {
    const quote = 'Путин 🇷🇺 заявил 😀, что переговоры продолжатся';
    const oldText = `Новости дня 🙂\n\nВ пятницу 👍${quote}🎉 — сообщило агентство.`;

    it('keeps exact equal to the new text at the new range, without splitting pairs', () => {
      const anchor = anchorOn(oldText, quote);
      expect(anchor.prefix.endsWith('👍')).toBe(true);
      expect(anchor.suffix.startsWith('🎉')).toBe(true);
      const newText = `Обновлено 🕐: добавлены подробности 🇺🇦🇷🇺.\n\n${oldText}`;

      const located = locateAnchor(newText, anchor);

      expect(located?.quality).toBe('exact');
      expect(located?.anchor.exact).toBe(quote);
      expect(located?.anchor.start).toBe(newText.indexOf(quote));
      if (located) expectConsistent(newText, located.anchor);
    });

    it('matches a changed flag inside the quote fuzzily, on whole characters', () => {
      const anchor = anchorOn(oldText, quote);
      const newQuote = quote.replace('🇷🇺', '🇺🇦');
      const newText = `Обновлено.\n\n${oldText.replace(quote, newQuote)}`;

      const located = locateAnchor(newText, anchor);

      expect(located?.quality).toBe('fuzzy');
      expect(located?.anchor.exact).toBe(newQuote);
      if (located) expectConsistent(newText, located.anchor);
    });

    it('widens a fuzzy match that would start inside an emoji to the whole emoji', () => {
      const oldQuoteText = 'Intro text here. Xhello world of the analysts and more text follows.';
      const anchor = anchorOn(oldQuoteText, 'Xhello world of the analysts');
      const newText = 'Intro text here. 😀hello world of the analysts and more text follows.';

      const located = locateAnchor(newText, anchor);

      expect(located?.quality).toBe('fuzzy');
      expect(located?.anchor.start).toBe(newText.indexOf('😀'));
      expect(located?.anchor.exact).toBe('😀hello world of the analysts');
      if (located) expectConsistent(newText, located.anchor);
    });
  });

  it('locates a 200-char quote with 3 typos in a ~200 KB text, searching near its old place', () => {
    // Deterministic pseudo-random prose (mulberry32), so no passage repeats.
    let seed = 0x2f6b1d3;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const syllables = ['ka', 'ro', 'mi', 'ne', 'sto', 'li', 'va', 'der', 'un', 'po', 'te', 'as'];
    const word = (): string =>
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => syllables[Math.floor(random() * syllables.length)],
      ).join('');
    const words: string[] = [];
    let length = 0;
    while (length < 200_000) {
      const w = word() + (random() < 0.08 ? '.\n' : ' ');
      words.push(w);
      length += w.length;
    }
    const oldText = words.join('');
    const start = 100_000;
    const anchor = anchorOf(oldText, start, start + 200);
    const typo = (s: string, at: number): string =>
      s.slice(0, at) + (s[at] === 'z' ? 'y' : 'z') + s.slice(at + 1);
    const newQuote = typo(typo(typo(anchor.exact, 20), 100), 170);
    const inserted = 'A new paragraph at the top.\n\n';
    const newText = inserted + oldText.slice(0, start) + newQuote + oldText.slice(start + 200);
    expect(newText.length).toBeGreaterThan(199_000);

    const located = locateAnchor(newText, anchor);

    expect(located?.quality).toBe('fuzzy');
    expect(located?.anchor.start).toBe(start + inserted.length);
    expect(located?.anchor.exact).toBe(newQuote);
  });
});

describe('locateAnchor near the expected place first', () => {
  it('finds a reworded quote where it was, though a closer lookalike without its context lies further on', () => {
    const before = 'The committee heard evidence on Tuesday. ';
    const quote = 'The envoy said the talks would resume within a fortnight';
    const after = ', according to two officials present.';
    const original = `${before}${quote}${after}`;
    const anchor = anchorOn(original, quote);
    // The quote itself now reads a little differently (four letters), and far down the new
    // text, amid unrelated words, a sentence one letter from the old quote.
    const reworded = 'The envoy said the talks might resume within a fortnight';
    const filler = ' Weather: rain later, 14 degrees, wind from the west.'.repeat(12);
    const lookalike =
      'Xylophone 42 zebra quartz: The envoy said the talks would resume within a fortnigh. Qwerty uiop.';
    const next = `${before}${reworded}${after}${filler} ${lookalike}`;
    const located = locateAnchor(next, anchor);
    expect(located?.anchor.start).toBe(before.length);
    expect(located?.anchor.exact).toBe(reworded);
    expect(located?.quality).toBe('fuzzy');
  });
});
