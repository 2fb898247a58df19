import { describe, expect, it } from 'vitest';
import type { Anchor } from '../domain/schemas';
import { reanchorClaims } from './reanchorAll';
import { createAnchor, isAnchor } from './textQuote';

function anchorOn(text: string, quote: string): Anchor {
  const start = text.indexOf(quote);
  const result = createAnchor(text, start, start + quote.length);
  if (!isAnchor(result)) throw new Error(`expected an anchor, got ${result}`);
  return result;
}

interface TestClaim {
  id: string;
  anchor: Anchor;
  note: string;
}

const OLD_TEXT =
  'The minister denied any plan to send troops. President Maduor announced new elections ' +
  'for the autumn. The opposition said the date was too late. Observers were not invited.';

describe('reanchorClaims', () => {
  const claims: TestClaim[] = [
    { id: 'c1', note: 'moved', anchor: anchorOn(OLD_TEXT, 'denied any plan to send troops') },
    { id: 'c2', note: 'typo', anchor: anchorOn(OLD_TEXT, 'President Maduor announced') },
    { id: 'c3', note: 'deleted', anchor: anchorOn(OLD_TEXT, 'Observers were not invited.') },
    { id: 'c4', note: 'unchanged', anchor: anchorOn(OLD_TEXT, 'The opposition said') },
  ];
  const newText =
    'Updated. ' + OLD_TEXT.replace('Maduor', 'Maduro').replace(' Observers were not invited.', '');

  it('places found claims with their new anchors and orphans the others, in order', () => {
    const { placed, orphaned } = reanchorClaims(claims, newText);

    expect(placed.map((p) => [p.claim.id, p.quality])).toEqual([
      ['c1', 'exact'],
      ['c2', 'fuzzy'],
      ['c4', 'exact'],
    ]);
    expect(orphaned.map((c) => c.id)).toEqual(['c3']);
    for (const { anchor } of placed) {
      expect(anchor.exact).toBe(newText.slice(anchor.start, anchor.end));
    }
    expect(placed[1]?.anchor.exact).toBe('President Maduro announced');
    expect(placed[0]?.anchor.start).toBe((claims[0]?.anchor.start ?? NaN) + 'Updated. '.length);
  });

  it('returns the claims themselves, untouched, with their other fields', () => {
    const { placed, orphaned } = reanchorClaims(claims, newText);

    expect(placed[0]?.claim).toBe(claims[0]);
    expect(orphaned[0]).toBe(claims[2]);
    expect(orphaned[0]?.note).toBe('deleted');
    expect(claims[0]?.anchor).toEqual(anchorOn(OLD_TEXT, 'denied any plan to send troops'));
  });

  it('handles no claims, and a text where nothing is left', () => {
    expect(reanchorClaims([], newText)).toEqual({ placed: [], orphaned: [] });
    const { placed, orphaned } = reanchorClaims(claims, '');
    expect(placed).toEqual([]);
    expect(orphaned).toEqual(claims);
  });
});
