import { describe, expect, it } from 'vitest';
import { dedupe, overlap } from './dedup';
import { suggestionKey } from './key';

describe('dedupe and keys', () => {
  it('keeps the first of a repeated passage by the same speaker', () => {
    const items = [
      { text: 'Russia would help Venezuela.', speaker: 'Alexey Chepa' },
      { text: 'The war limits it.', speaker: 'Alexey Chepa' },
      { text: 'Russia would help Venezuela', speaker: 'Alexey Chepa' },
      { text: 'Russia would help Venezuela.', speaker: 'Mark Galeotti' },
    ];
    expect(dedupe(items)).toEqual([0, 1, 3]);
  });

  it('measures word overlap', () => {
    expect(overlap('a b c d', 'a b c d')).toBe(1);
    expect(overlap('a b', 'c d')).toBe(0);
  });

  it('gives the same key to the same claim whatever its punctuation', () => {
    expect(suggestionKey('Russia will help.', 'Alexey Chepa')).toBe(
      suggestionKey('russia will help', 'Alexey  Chepa'),
    );
    expect(suggestionKey('Russia will help.', 'Alexey Chepa')).not.toBe(
      suggestionKey('Russia will help.', null),
    );
  });
});
