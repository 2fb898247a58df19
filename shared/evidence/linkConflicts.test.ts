import { describe, expect, it } from 'vitest';
import type { EvidenceLink } from '../domain/schemas';
import {
  claimLinks,
  conflictingPairs,
  oppositeLinks,
  wouldOppose,
  type PairLink,
} from './linkConflicts';

const link = (
  fromClaimId: string,
  relation: PairLink['relation'],
  toClaimId: string,
): PairLink => ({
  fromClaimId,
  toClaimId,
  relation,
});

describe('opposite links between one pair of claims', () => {
  it('finds "A supports B" with "A contradicts B", and with "B contradicts A"', () => {
    const supports = link('a', 'supports', 'b');
    expect(oppositeLinks([supports, link('a', 'contradicts', 'b')], 'a', 'b')).toMatchObject({
      supports: [supports],
      contradicts: [link('a', 'contradicts', 'b')],
    });
    expect(oppositeLinks([supports, link('b', 'contradicts', 'a')], 'b', 'a')).not.toBeNull();
  });

  it('is quiet for one relation, for context or same claim beside support, and for other pairs', () => {
    expect(
      oppositeLinks([link('a', 'supports', 'b'), link('b', 'supports', 'a')], 'a', 'b'),
    ).toBeNull();
    expect(
      oppositeLinks([link('a', 'supports', 'b'), link('a', 'context', 'b')], 'a', 'b'),
    ).toBeNull();
    expect(
      oppositeLinks([link('a', 'supports', 'b'), link('a', 'contradicts', 'c')], 'a', 'b'),
    ).toBeNull();
  });

  it('says what a new link would oppose before it is made', () => {
    const existing = [link('a', 'supports', 'b'), link('c', 'contradicts', 'b')];
    expect(wouldOppose(existing, link('b', 'contradicts', 'a'))).toEqual([existing[0]]);
    expect(wouldOppose(existing, link('b', 'supports', 'c'))).toEqual([existing[1]]);
    expect(wouldOppose(existing, link('a', 'context', 'b'))).toEqual([]);
    expect(wouldOppose(existing, link('a', 'supports', 'b'))).toEqual([]);
  });

  it('lists each conflicting pair once for the matrix', () => {
    const links = [
      link('a', 'supports', 'b'),
      link('b', 'contradicts', 'a'),
      link('a', 'contradicts', 'b'),
      link('c', 'supports', 'd'),
    ];
    const pairs = conflictingPairs(links);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.contradicts).toHaveLength(2);
  });

  it('reads the claim-to-claim links out of evidence links', () => {
    const base = { caseId: 'k', note: '', createdAt: '', updatedAt: '' };
    const links: EvidenceLink[] = [
      {
        ...base,
        id: '1',
        fromClaimId: 'a',
        relation: 'supports',
        target: { kind: 'claim', claimId: 'b' },
      },
      {
        ...base,
        id: '2',
        fromClaimId: 'a',
        relation: 'supports',
        target: { kind: 'url', url: 'https://x' },
      },
    ];
    expect(claimLinks(links)).toEqual([link('a', 'supports', 'b')]);
  });
});
