/**
 * Warnings where a key judgment's wording outruns its basis (issue 4), and ICD 203's rule
 * that likelihood and confidence are not put in one sentence.
 */
import {
  LIKELIHOODS,
  likelihoodInfo,
  type ConfidenceLevel,
  type Likelihood,
} from '../grading/scales';
import { chainReliability, scoreClaim } from './confidence';
import type { ScoringCase } from './model';

export interface JudgmentBasis {
  claimId: string;
  relation: 'supports' | 'contradicts';
}

export interface CheckedJudgment {
  statement: string;
  likelihood: Likelihood;
  confidence: ConfidenceLevel;
  basis: readonly JudgmentBasis[];
}

export interface JudgmentWarning {
  code:
    | 'no_basis'
    | 'certain_on_one_claim'
    | 'likely_on_weak_sources'
    | 'basis_refuted'
    | 'likelihood_and_confidence_in_one_sentence'
    | 'wording_differs_from_grade';
  message: string;
}

const rank = (l: Likelihood) => LIKELIHOODS.indexOf(l);

/** Likelihood words in the statement, each mapped to its band (longest phrases first). */
const LIKELIHOOD_WORDS: [RegExp, Likelihood][] = [
  [/\balmost no chance\b|\bremote(ly)?\b/i, 'almost_no_chance'],
  [/\bvery unlikely\b|\bhighly improbabl[ey]\b/i, 'very_unlikely'],
  [/\balmost certain(ly)?\b|\bnearly certain(ly)?\b/i, 'almost_certain'],
  [/\bvery likely\b|\bhighly probabl[ey]\b/i, 'very_likely'],
  [/\broughly even (chance|odds)\b/i, 'roughly_even'],
  [/(?<!very |un)\blikely\b|(?<!highly |im)\bprobabl[ey]\b/i, 'likely'],
  [/(?<!very )\bunlikely\b|(?<!highly )\bimprobabl[ey]\b/i, 'unlikely'],
];

const CONFIDENCE_WORDS = /\b(high|moderate|low)(-| )confidence\b|\bconfidence (is|level)\b/i;

export function likelihoodsIn(text: string): Likelihood[] {
  let rest = text;
  const found: Likelihood[] = [];
  for (const [pattern, band] of LIKELIHOOD_WORDS) {
    if (pattern.test(rest)) {
      found.push(band);
      rest = rest.replace(new RegExp(pattern.source, 'gi'), ' ');
    }
  }
  return found;
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());

export function checkJudgment(j: CheckedJudgment, c: ScoringCase): JudgmentWarning[] {
  const warnings: JudgmentWarning[] = [];
  const term = likelihoodInfo(j.likelihood).term;
  const supporting = j.basis
    .filter((b) => b.relation === 'supports')
    .map((b) => c.claim(b.claimId))
    .filter((claim) => claim !== undefined);

  if (supporting.length === 0) {
    warnings.push({
      code: 'no_basis',
      message: 'This judgment rests on no claims. Add the claims that support it.',
    });
  }
  if (
    rank(j.likelihood) >= rank('very_likely') &&
    supporting.length === 1 &&
    supporting[0] !== undefined &&
    scoreClaim(supporting[0], c).corroborating === 0
  ) {
    warnings.push({
      code: 'certain_on_one_claim',
      message: `“${term}” rests on a single uncorroborated claim.`,
    });
  }
  if (
    rank(j.likelihood) >= rank('likely') &&
    supporting.length > 0 &&
    supporting.every((claim) => ['E', 'F'].includes(chainReliability(claim, c)))
  ) {
    warnings.push({
      code: 'likely_on_weak_sources',
      message: `“${term}” rests only on sources graded E (unreliable) or F (cannot be judged).`,
    });
  }
  if (supporting.length > 0 && supporting.every((claim) => claim.status === 'refuted')) {
    warnings.push({
      code: 'basis_refuted',
      message: 'Every claim this judgment rests on has been refuted.',
    });
  }
  for (const sentence of sentences(j.statement)) {
    if (likelihoodsIn(sentence).length > 0 && CONFIDENCE_WORDS.test(sentence)) {
      warnings.push({
        code: 'likelihood_and_confidence_in_one_sentence',
        message:
          'ICD 203: do not put a likelihood and a confidence level in the same sentence. ' +
          `Split “${sentence.trim()}”.`,
      });
      break;
    }
  }
  const worded = likelihoodsIn(j.statement).filter((l) => l !== j.likelihood);
  if (worded.length > 0) {
    const said = worded.map((l) => `“${likelihoodInfo(l).term}”`).join(', ');
    warnings.push({
      code: 'wording_differs_from_grade',
      message: `The wording says ${said} but the judgment is graded “${term}”.`,
    });
  }
  return warnings;
}
