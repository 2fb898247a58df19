import { describe, expect, it } from 'vitest';
import { checkJudgment, likelihoodsIn } from './judgmentChecks';
import { scenario } from './testCase';

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('judgment checks', () => {
  it('warns when a judgment rests on no claims', () => {
    const c = scenario();
    const w = checkJudgment(
      {
        statement: 'Russia will not send troops.',
        likelihood: 'likely',
        confidence: 'moderate',
        basis: [],
      },
      c,
    );
    expect(codes(w)).toContain('no_basis');
  });

  it('warns on "almost certain" resting on one uncorroborated claim, not once it is corroborated', () => {
    const c = scenario();
    c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    const j = {
      statement: 'Russia will not send troops.',
      likelihood: 'almost_certain' as const,
      confidence: 'moderate' as const,
      basis: [{ claimId: 'g', relation: 'supports' as const }],
    };
    expect(codes(checkJudgment(j, c))).toContain('certain_on_one_claim');
    c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
    c.link('s', 'supports', 'g');
    expect(codes(checkJudgment(j, c))).not.toContain('certain_on_one_claim');
  });

  it('warns on "likely" resting only on E- or F-graded sources', () => {
    const c = scenario();
    c.add('il76', { documentId: 'article', credibility: 3, speakerId: 'tracker' });
    const w = checkJudgment(
      {
        statement: 'Russia is flying in equipment.',
        likelihood: 'likely',
        confidence: 'low',
        basis: [{ claimId: 'il76', relation: 'supports' }],
      },
      c,
    );
    expect(codes(w)).toContain('likely_on_weak_sources');
  });

  it('warns when every supporting claim is refuted', () => {
    const c = scenario();
    c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti', status: 'refuted' });
    const w = checkJudgment(
      {
        statement: 'Moscow stays out.',
        likelihood: 'unlikely',
        confidence: 'low',
        basis: [{ claimId: 'g', relation: 'supports' }],
      },
      c,
    );
    expect(codes(w)).toContain('basis_refuted');
  });

  it('follows ICD 203: likelihood and confidence in one sentence is flagged, in two sentences it is not', () => {
    const c = scenario();
    c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    const basis = [{ claimId: 'g', relation: 'supports' as const }];
    const one = checkJudgment(
      {
        statement: 'We assess with high confidence that Russia is unlikely to send troops.',
        likelihood: 'unlikely',
        confidence: 'high',
        basis,
      },
      c,
    );
    expect(codes(one)).toContain('likelihood_and_confidence_in_one_sentence');
    const two = checkJudgment(
      {
        statement: 'Russia is unlikely to send troops. We have high confidence in this judgment.',
        likelihood: 'unlikely',
        confidence: 'high',
        basis,
      },
      c,
    );
    expect(codes(two)).not.toContain('likelihood_and_confidence_in_one_sentence');
  });

  it('flags wording that names another band than the grade', () => {
    const c = scenario();
    c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    const w = checkJudgment(
      {
        statement: 'Russia almost certainly will not send troops.',
        likelihood: 'likely',
        confidence: 'moderate',
        basis: [{ claimId: 'g', relation: 'supports' }],
      },
      c,
    );
    expect(codes(w)).toContain('wording_differs_from_grade');
  });

  it('reads likelihood words without confusing "unlikely" and "very likely" with "likely"', () => {
    expect(likelihoodsIn('It is very likely.')).toEqual(['very_likely']);
    expect(likelihoodsIn('It is unlikely.')).toEqual(['unlikely']);
    expect(likelihoodsIn('It is likely.')).toEqual(['likely']);
    expect(likelihoodsIn('Almost certainly so.')).toEqual(['almost_certain']);
    expect(likelihoodsIn('Nothing to see.')).toEqual([]);
  });
});
