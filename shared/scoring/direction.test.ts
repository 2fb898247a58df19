/**
 * The README's worked examples ("The claim score"): each link type, made in each
 * direction, and what it does to either end. Galeotti's "diplomacy only" (B via Radio
 * Liberty, credibility 2) has a base of 70; Sitenko's "no troops" (C, credibility 2) 60;
 * Chepa's pledge of help (D via Lenta.ru, credibility 3) 40.
 */
import { describe, expect, it } from 'vitest';
import { scoreClaim } from './confidence';
import type { ClaimRelation } from './model';
import { scenario } from './testCase';

function threeClaims() {
  const c = scenario();
  c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti', via: ['rferl'] });
  c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
  c.add('ch', { documentId: 'article', credibility: 3, speakerId: 'chepa', via: ['lenta'] });
  const value = (id: string) => {
    const claim = c.claim(id);
    if (!claim) throw new Error(id);
    return scoreClaim(claim, c).value;
  };
  return { c, value };
}

/** The scores of both ends after one link `from -relation-> to`. */
function after(from: string, relation: ClaimRelation, to: string) {
  const { c, value } = threeClaims();
  c.link(from, relation, to);
  return { [from]: value(from), [to]: value(to) };
}

describe('each link type in both directions', () => {
  it('bases without links: Galeotti 70, Sitenko 60, Chepa 40', () => {
    const { value } = threeClaims();
    expect([value('g'), value('s'), value('ch')]).toEqual([70, 60, 40]);
  });

  it('supports raises the target only', () => {
    // Sitenko (C, weight 0.5) supports Galeotti: 70 + 30 × 0.5 × 0.5 = 77.5.
    expect(after('s', 'supports', 'g')).toEqual({ s: 60, g: 78 });
    // Galeotti (B, weight 0.7) supports Sitenko: 60 + 40 × 0.5 × 0.7 = 74.
    expect(after('g', 'supports', 's')).toEqual({ g: 70, s: 74 });
  });

  it('contradicts lowers both ends, each by the other’s weight, whichever way it was made', () => {
    // Galeotti: 70 × (1 − 0.5 × 0.3) = 59.5; Chepa: 40 × (1 − 0.5 × 0.7) = 26.
    expect(after('ch', 'contradicts', 'g')).toEqual({ ch: 26, g: 60 });
    expect(after('g', 'contradicts', 'ch')).toEqual({ g: 60, ch: 26 });
  });

  it('context changes neither end', () => {
    expect(after('s', 'context', 'g')).toEqual({ s: 60, g: 70 });
    expect(after('g', 'context', 's')).toEqual({ g: 70, s: 60 });
  });

  it('same claim raises both ends, whichever way it was made', () => {
    expect(after('s', 'same_claim', 'g')).toEqual({ s: 74, g: 78 });
    expect(after('g', 'same_claim', 's')).toEqual({ g: 78, s: 74 });
  });

  it('a claim supported by a member of its "same claim" group gains nothing more from it, and the group shares its support', () => {
    const { c, value } = threeClaims();
    c.add('g2', { documentId: 'other', credibility: 2, speakerId: 'galeotti' });
    c.link('g', 'same_claim', 'g2');
    c.link('s', 'supports', 'g2');
    // Sitenko supports Galeotti's repeat, so Galeotti's claim too; the repeat itself is
    // Galeotti again, not an independent source.
    expect(value('g')).toBe(78);
    expect(value('g2')).toBe(78);
    expect(value('s')).toBe(60);
  });

  it('a chain of supports does not carry over: A supports B supports C raises B and C by one step each', () => {
    const { c, value } = threeClaims();
    c.link('ch', 'supports', 's');
    c.link('s', 'supports', 'g');
    expect(value('ch')).toBe(40);
    // Sitenko: 60 + 40 × 0.5 × 0.3 = 66; Galeotti as with Sitenko alone: 77.5.
    expect(value('s')).toBe(66);
    expect(value('g')).toBe(78);
  });
});
