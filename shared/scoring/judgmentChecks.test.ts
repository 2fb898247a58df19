import { describe, expect, it } from 'vitest';
import { checkJudgment } from './judgmentChecks';
import { findEstimativeWords } from './wordingCheck';
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
    const bands = (text: string) => findEstimativeWords(text).map((m) => m.bands);
    expect(bands('It is very likely.')).toEqual([['very_likely']]);
    expect(bands('It is unlikely.')).toEqual([['unlikely']]);
    expect(bands('It is likely.')).toEqual([['likely']]);
    expect(bands('Almost certainly so.')).toEqual([['almost_certain']]);
    expect(bands('Nothing to see.')).toEqual([]);
  });

  it('issue 11: "will certainly" graded likely is flagged, as "will almost certainly" is', () => {
    const c = scenario();
    c.add('g', { documentId: 'article', credibility: 2, speakerId: 'galeotti' });
    const basis = [{ claimId: 'g', relation: 'supports' as const }];
    for (const statement of [
      'Russia will certainly send troops.',
      'Russia will almost certainly send troops.',
      'Russia will send troops.',
    ]) {
      const w = checkJudgment({ statement, likelihood: 'likely', confidence: 'low', basis }, c);
      const wording = w.find((x) => x.code === 'wording_differs_from_grade');
      expect(wording, statement).toBeDefined();
      expect(wording?.message).toContain('“likely” (55–80%)');
      const span = wording?.spans?.[0];
      expect(span && statement.slice(span.start, span.end)).toMatch(/certainly|will/);
    }
    const hedged = checkJudgment(
      {
        statement: 'Russia will likely send troops.',
        likelihood: 'likely',
        confidence: 'low',
        basis,
      },
      c,
    );
    expect(codes(hedged)).not.toContain('wording_differs_from_grade');
  });

  it('warns on a judgment resting on evidence against only, and not as "no basis"', () => {
    const c = scenario();
    c.add('ch', { documentId: 'article', credibility: 3, speakerId: 'chepa', via: ['lenta'] });
    const w = checkJudgment(
      {
        statement: 'Russia is unlikely to help Venezuela.',
        likelihood: 'unlikely',
        confidence: 'low',
        basis: [{ claimId: 'ch', relation: 'contradicts' }],
      },
      c,
    );
    expect(codes(w)).toEqual(['basis_against_only']);
  });

  it('issue 11: "almost certain" on one flight-tracker claim that merely supports another is still one uncorroborated claim', () => {
    const c = scenario();
    c.add('il76', { documentId: 'article', credibility: 3, speakerId: 'tracker' });
    c.add('s', { documentId: 'article', credibility: 2, speakerId: 'sitenko' });
    // The tracker claim supports Sitenko's: that raises Sitenko, not the tracker.
    c.link('il76', 'supports', 's');
    const j = {
      statement: 'A Russian Il-76 almost certainly landed in Caracas.',
      likelihood: 'almost_certain' as const,
      confidence: 'low' as const,
      basis: [{ claimId: 'il76', relation: 'supports' as const }],
    };
    expect(codes(checkJudgment(j, c))).toContain('certain_on_one_claim');
    // Supported by Sitenko in turn, it is corroborated.
    c.link('s', 'supports', 'il76');
    expect(codes(checkJudgment(j, c))).not.toContain('certain_on_one_claim');
  });

  it('"very likely" on one speaker carried by two outlets rests on one source', () => {
    const c = scenario();
    c.add('g1', { documentId: 'article', credibility: 2, speakerId: 'galeotti', via: ['rferl'] });
    c.add('g2', { documentId: 'other', credibility: 2, speakerId: 'galeotti' });
    const w = checkJudgment(
      {
        statement: 'Russia is very likely to stay out.',
        likelihood: 'very_likely',
        confidence: 'moderate',
        basis: [
          { claimId: 'g1', relation: 'supports' },
          { claimId: 'g2', relation: 'supports' },
        ],
      },
      c,
    );
    expect(w.find((x) => x.code === 'certain_on_one_claim')?.message).toBe(
      '“very likely” rests on claims from one source only (Mark Galeotti), none corroborated.',
    );
  });
});
