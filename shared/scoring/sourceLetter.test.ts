import { describe, expect, it } from 'vitest';
import { scoreClaim } from './confidence';
import { chainReliability, sourceLetter } from './sourceLetter';
import { scenario } from './testCase';

describe('the source letter (Admiralty, issue 11)', () => {
  it('an unjudgeable originator makes the chain F: "Russian sources" in the Washington Post is F4, not B4', () => {
    const c = scenario();
    const pantsir = c.add('p', { documentId: 'other', credibility: 4, speakerId: 'rusources' });
    expect(sourceLetter(pantsir, c)).toEqual({
      grade: 'F',
      rule: 'originator_unjudged',
      setBy: ['rusources'],
      unjudged: [],
    });
    const score = scoreClaim(pantsir, c);
    expect(score.reliability).toBe('F');
    // Only the credibility can be judged: 4 → 30 (B4 would have read 50).
    expect(score.value).toBe(30);
    const line = score.breakdown.find((l) => l.kind === 'chain')?.text;
    expect(line).toBe(
      'Source letter F, set by Russian sources (unnamed), the originator: its reliability cannot be judged (Admiralty F). The Washington Post (B) carried it but cannot vouch for it, so does not lend its grade.',
    );
  });

  it('an intermediary graded B does not lend its grade either', () => {
    const c = scenario();
    const claim = c.add('x', {
      documentId: 'article',
      credibility: 3,
      speakerId: 'rusources',
      via: ['rferl', 'wapo'],
    });
    expect(chainReliability(claim, c)).toBe('F');
    expect(scoreClaim(claim, c).breakdown.find((l) => l.kind === 'chain')?.text).toContain(
      'Radio Liberty (B) and The Washington Post (B) carried it but cannot vouch for it, so do not lend their grades.',
    );
  });

  it('with no speaker the first carrier is the originator: an unnamed tracker repeated by the Post is F', () => {
    const c = scenario();
    const claim = c.add('x', { documentId: 'other', credibility: 3, via: ['tracker'] });
    expect(sourceLetter(claim, c)).toMatchObject({ grade: 'F', setBy: ['tracker'] });
    // The Post's own unattributed report: the Post is the originator.
    const own = c.add('y', { documentId: 'other', credibility: 3 });
    expect(sourceLetter(own, c)).toMatchObject({ grade: 'B', setBy: ['wapo'] });
  });

  it('an override that judges the originator on this attribution lifts the F rule for this claim only', () => {
    const c = scenario();
    const judged = c.add('x', {
      documentId: 'other',
      credibility: 3,
      speakerId: 'rusources',
      reliabilityOverrides: { rusources: 'D' },
    });
    expect(sourceLetter(judged, c)).toMatchObject({ grade: 'D', rule: 'weakest_link' });
    const other = c.add('y', { documentId: 'other', credibility: 3, speakerId: 'rusources' });
    expect(chainReliability(other, c)).toBe('F');
  });

  it('a judged originator: the weakest judged link sets the letter, ties are all named, F relays are left out', () => {
    const c = scenario();
    const chepa = c.add('ch', {
      documentId: 'article',
      credibility: 3,
      speakerId: 'chepa',
      via: ['lenta'],
    });
    expect(sourceLetter(chepa, c)).toEqual({
      grade: 'D',
      rule: 'weakest_link',
      setBy: ['chepa'],
      unjudged: ['digest'],
    });
    expect(scoreClaim(chepa, c).breakdown.find((l) => l.kind === 'chain')?.text).toBe(
      'Source letter D, set by Alexey Chepa: the weakest judged link of the chain → 30. Left out, cannot be judged: Sample digest (F).',
    );
    const g = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    expect(sourceLetter(g, c).setBy).toEqual(['galeotti', 'rferl']);
  });

  it('a claim with no carrier at all is F, and says so', () => {
    const c = scenario();
    c.documents['bare'] = { title: 'A pasted note', outletId: null };
    const claim = c.add('x', { documentId: 'bare', credibility: 2 });
    expect(sourceLetter(claim, c)).toMatchObject({ grade: 'F', rule: 'no_carrier' });
    expect(scoreClaim(claim, c).breakdown.find((l) => l.kind === 'chain')?.text).toMatch(
      /no speaker, intermediary or outlet is named/,
    );
  });
});
