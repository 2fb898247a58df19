import { describe, expect, it } from 'vitest';
import { softBreaks } from './layout';
import { suggestClaims } from './suggest';

const wrapped = [
  'Alexandra Sitenko, a political scientist based in Berlin, said the war in',
  'Ukraine rules out sending Russian troops to Venezuela. She added that',
  'limited help could not be ruled out.',
  '',
  'Mark Galeotti told Radio Liberty that Russia could offer little beyond',
  'diplomacy, and that Moscow would even gain from such a move in the end,',
  'because it would feed the story of Western imperialism at home and in',
  'the countries of the global south that it courts.',
].join('\n');

describe('softBreaks', () => {
  it('reads a hard-wrapped text as paragraphs separated by blank lines', () => {
    expect(softBreaks(wrapped).size).toBe(5);
    const claims = suggestClaims(wrapped);
    expect(claims.map((s) => s.speakerName)).toEqual([
      'Alexandra Sitenko',
      'Alexandra Sitenko',
      'Mark Galeotti',
    ]);
    expect(wrapped.slice(claims[0]?.content.start, claims[0]?.content.end)).toBe(
      'the war in\nUkraine rules out sending Russian troops to Venezuela',
    );
  });

  it('keeps one paragraph per line as it is', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `Smith said point ${i} was made.`).join('\n');
    expect(softBreaks(lines).size).toBe(0);
  });
});
