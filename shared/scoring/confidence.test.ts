import { describe, expect, it } from 'vitest';
import { chainReliability, originOf, scoreClaim } from './confidence';
import { scenario } from './testCase';

describe('confidence score', () => {
  it('reads the weakest judged link of the chain and ignores F carriers', () => {
    const c = scenario();
    const claim = c.add('chepa', {
      documentId: 'article',
      credibility: 3,
      speakerId: 'chepa',
      via: ['lenta'],
    });
    expect(chainReliability(claim, c)).toBe('D');
    const galeotti = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    // The digest outlet is F: it neither lowers nor raises the chain.
    expect(chainReliability(galeotti, c)).toBe('B');
  });

  it('an override on one attribution replaces the entity default for that claim only', () => {
    const c = scenario();
    const a = c.add('a', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      reliabilityOverrides: { galeotti: 'D' },
    });
    const b = c.add('b', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    expect(chainReliability(a, c)).toBe('D');
    expect(chainReliability(b, c)).toBe('B');
  });

  it('scores the mean of source and credibility when nothing is linked', () => {
    const c = scenario();
    const claim = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    const score = scoreClaim(claim, c);
    expect(score.value).toBe(70); // B = 70, 2 = 70
    expect(score.corroborating).toBe(0);
    expect(score.breakdown.map((l) => l.kind)).toEqual([
      'source',
      'source',
      'source',
      'chain',
      'credibility',
      'base',
    ]);
  });

  it('"Sitenko supports Galeotti" raises Galeotti and leaves Sitenko as she was (corroboration runs one way)', () => {
    const c = scenario();
    const g = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    const s = c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
    const before = scoreClaim(s, c);
    c.link('s', 'supports', 'g');
    const gs = scoreClaim(g, c);
    const ss = scoreClaim(s, c);
    expect(gs.corroborating).toBe(1);
    // 70 + 30 * 0.5 * 0.5 (Sitenko is C = 50) = 77.5
    expect(gs.value).toBe(78);
    expect(
      gs.breakdown.some((l) => l.kind === 'corroboration' && l.text.includes('Alexandra Sitenko')),
    ).toBe(true);
    // The supporting claim: no corroboration, no line naming Galeotti, the same score.
    expect(ss.corroborating).toBe(0);
    expect(ss.value).toBe(before.value);
    expect(ss.breakdown.some((l) => l.text.includes('Mark Galeotti'))).toBe(false);
  });

  it("Chepa's pledge of help, in tension with Galeotti, lowers Galeotti's score by Chepa's weight", () => {
    const c = scenario();
    const g = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    c.add('chepa', { documentId: 'article', credibility: 3, speakerId: 'chepa', via: ['lenta'] });
    c.link('chepa', 'contradicts', 'g');
    const score = scoreClaim(g, c);
    expect(score.contradicting).toBe(1);
    // 70 * (1 - 0.5 * 0.3) = 59.5 (Chepa's chain is D = 30)
    expect(score.value).toBe(60);
  });

  it('the Il-76 claim rests on one flight tracker: F source, credibility 3, no corroboration', () => {
    const c = scenario();
    const il76 = c.add('il76', { documentId: 'article', credibility: 3, speakerId: 'tracker' });
    const score = scoreClaim(il76, c);
    expect(score.reliability).toBe('F');
    expect(score.value).toBe(50); // only the credibility can be judged
    expect(score.corroborating).toBe(0);
    expect(score.breakdown.find((l) => l.kind === 'chain')?.text).toMatch(/cannot be judged/);
  });

  it('F and 6 together give no score rather than a midpoint', () => {
    const c = scenario();
    const claim = c.add('x', { documentId: 'article', credibility: 6, speakerId: 'tracker' });
    expect(scoreClaim(claim, c).value).toBeNull();
  });

  it('the same speaker carried by two outlets counts once (independence)', () => {
    const c = scenario();
    const target = c.add('t', { documentId: 'article', credibility: 3, speakerId: 'sitenko' });
    c.add('g1', { documentId: 'article', credibility: 2, speakerId: 'galeotti', via: ['rferl'] });
    c.add('g2', { documentId: 'other', credibility: 2, speakerId: 'galeotti' }); // via the Post's document
    c.link('g1', 'supports', 't');
    c.link('g2', 'supports', 't');
    const score = scoreClaim(target, c);
    expect(score.corroborating).toBe(1);
    expect(
      score.breakdown.some(
        (l) => l.kind === 'not_independent' && l.text.includes('2 claims from Mark Galeotti'),
      ),
    ).toBe(true);
  });

  it('an outlet repeating another outlet counts once: the origin is the first carrier', () => {
    const c = scenario();
    const target = c.add('t', { documentId: 'article', credibility: 3, speakerId: 'sitenko' });
    const first = c.add('p1', { documentId: 'other', credibility: 3 }); // the Post's own report
    const repeat = c.add('p2', { documentId: 'article', credibility: 3, via: ['wapo'] }); // the digest citing the Post
    expect(originOf(first, c)).toBe('wapo');
    expect(originOf(repeat, c)).toBe('wapo');
    c.link('p1', 'supports', 't');
    c.link('p2', 'supports', 't');
    expect(scoreClaim(target, c).corroborating).toBe(1);
  });

  it("a claim's own origin repeating it does not corroborate it", () => {
    const c = scenario();
    const g = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    c.add('g-again', { documentId: 'other', credibility: 2, speakerId: 'galeotti' });
    c.link('g-again', 'same_claim', 'g');
    const score = scoreClaim(g, c);
    expect(score.corroborating).toBe(0);
    expect(score.value).toBe(70);
    expect(score.breakdown.some((l) => l.kind === 'not_independent')).toBe(true);
  });

  it('"same claim" groups are transitive: a repeat of a repeat from a new origin corroborates', () => {
    const c = scenario();
    const g = c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    c.add('g2', { documentId: 'other', credibility: 2, speakerId: 'galeotti' });
    c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
    c.link('g', 'same_claim', 'g2');
    c.link('g2', 'same_claim', 's');
    expect(scoreClaim(g, c).corroborating).toBe(1);
  });

  it('context links change nothing', () => {
    const c = scenario();
    const g = c.add('g', {
      documentId: 'article',
      credibility: 2,
      speakerId: 'galeotti',
      via: ['rferl'],
    });
    c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
    c.link('s', 'context', 'g');
    expect(scoreClaim(g, c).value).toBe(70);
  });
});
