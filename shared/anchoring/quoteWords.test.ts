import { describe, expect, it } from 'vitest';
import { sameWords } from './quoteWords';

describe('sameWords', () => {
  it('ignores punctuation, quote marks, case and white space', () => {
    expect(sameWords('"We face threats."', '“We face\nthreats”')).toBe(true);
    expect(sameWords('to the best of our ability', 'To the best of our ability,')).toBe(true);
  });

  it('tells a changed, added or dropped word', () => {
    expect(sameWords('to the best of our ability', 'to the best of our abilities')).toBe(false);
    expect(sameWords('we face threats', 'we face new threats')).toBe(false);
    expect(sameWords('we face new threats', 'we face threats')).toBe(false);
  });
});
