import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestClaims } from './suggest';

/** Pieces that exercise the rules: quote marks of every tradition, cues, names, breaks. */
const piece = fc.constantFrom(
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '「',
  '」',
  ',',
  '.',
  ':',
  '\n\n',
  ' ',
  'said',
  'told',
  'according to',
  'reportedly',
  'he',
  'she',
  'Smith',
  'Maria Zakharova',
  'the ministry',
  'that',
  'Reuters',
  'on Monday',
  'We will win',
  'Mr.',
  '5,000',
);

describe('suggestClaims on arbitrary text', () => {
  it('never throws and gives spans inside the text, each a non-empty slice', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join(parts.length % 2 ? ' ' : '');
        for (const s of suggestClaims(text, { publishedAt: '2025-11-03', outlet: 'Digest' })) {
          expect(s.content.start).toBeGreaterThanOrEqual(0);
          expect(s.content.end).toBeLessThanOrEqual(text.length);
          expect(s.content.end).toBeGreaterThan(s.content.start);
          if (s.speaker) expect(text.slice(s.speaker.start, s.speaker.end)).toBe(s.speaker.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles empty and quote-only text', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('"""')).toEqual([]);
    expect(suggestClaims('«')).toEqual([]);
  });
});
