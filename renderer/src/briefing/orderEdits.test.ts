import { describe, expect, it } from 'vitest';
import { moveBy, moveOnto, without } from './orderEdits';

describe('order edits', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('moves a claim up and down by one place, and not past either end', () => {
    expect(moveBy('c', -1)(ids)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveBy('b', 1)(ids)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveBy('a', -1)(ids)).toEqual(ids);
    expect(moveBy('d', 1)(ids)).toEqual(ids);
  });

  it('moves a dropped claim to where the row it was dropped on is, up or down', () => {
    expect(moveOnto('d', 'a')(ids)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveOnto('a', 'c')(ids)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('removes a claim', () => {
    expect(without('b')(ids)).toEqual(['a', 'c', 'd']);
  });

  it('keeps a claim added by an edit still on its way: the move applies to the order as saved', () => {
    // On screen: a b c d. Saved meanwhile: a claim e added at the end.
    const saved = [...ids, 'e'];
    expect(moveBy('b', -1)(saved)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(moveOnto('d', 'a')(saved)).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('leaves the order alone when the claim moved is no longer in the note', () => {
    expect(moveBy('x', 1)(ids)).toEqual(ids);
    expect(moveOnto('x', 'a')(ids)).toEqual(ids);
    expect(moveOnto('a', 'x')(ids)).toEqual(ids);
  });
});
