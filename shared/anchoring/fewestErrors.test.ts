import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fewestErrorsWithin } from './fewestErrors';

describe('fewestErrorsWithin', () => {
  it('is zero for a pattern found as it is, and counts each edit otherwise', () => {
    expect(fewestErrorsWithin('said the minister on Monday', 'the minister')).toBe(0);
    expect(fewestErrorsWithin('said the ministor on Monday', 'the minister')).toBe(1);
    expect(fewestErrorsWithin('said teh ministor on Monday', 'the minister')).toBe(3);
    expect(fewestErrorsWithin('', 'abc')).toBe(3);
    expect(fewestErrorsWithin('abc', '')).toBe(0);
  });

  it('agrees with approx-string-match on any text and pattern', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(letters, letters, (text, pattern) => {
        fc.pre(pattern.length > 0);
        const best = search(text, pattern, pattern.length)[0];
        expect(fewestErrorsWithin(text, pattern)).toBe(best?.errors ?? pattern.length);
      }),
      { numRuns: 2000 },
    );
  });
});
