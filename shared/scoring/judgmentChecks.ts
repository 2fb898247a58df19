/**
 * Warnings where a key judgment's wording or grade outruns its basis (issues 4 and 11), and
 * ICD 203's rule that likelihood and confidence are not put in one sentence.
 */
import {
  LIKELIHOODS,
  likelihoodInfo,
  type ConfidenceLevel,
  type Likelihood,
} from '../grading/scales';
import { scoreClaim } from './confidence';
import type { ScoredClaim, ScoringCase } from './model';
import { chainReliability, listOf, originOf } from './sourceLetter';
import { checkWording, findEstimativeWords } from './wordingCheck';

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
    | 'basis_against_only'
    | 'certain_on_one_claim'
    | 'likely_on_weak_sources'
    | 'basis_refuted'
    | 'likelihood_and_confidence_in_one_sentence'
    | 'wording_differs_from_grade';
  message: string;
  /** UTF-16 offsets in the statement of the words the warning is about, to underline. */
  spans?: { start: number; end: number }[];
}

const rank = (l: Likelihood) => LIKELIHOODS.indexOf(l);

const CONFIDENCE_WORDS = /\b(high|moderate|low)(-| )confidence\b|\bconfidence (is|level)\b/i;

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());

const claimsOf = (j: CheckedJudgment, relation: JudgmentBasis['relation'], c: ScoringCase) =>
  j.basis
    .filter((b) => b.relation === relation)
    .map((b) => c.claim(b.claimId))
    .filter((claim): claim is ScoredClaim => claim !== undefined);

/**
 * "Almost certain" or "very likely" on one source: every supporting claim comes from one
 * origin (one claim, or one speaker through several outlets) and none of them is raised by
 * an independent claim that supports it. Reads the directional score, so a claim that
 * merely supports others does not pass for corroborated.
 */
function restsOnOneSource(supporting: readonly ScoredClaim[], c: ScoringCase): string | null {
  const origins = new Set(supporting.map((claim) => originOf(claim, c)));
  if (origins.size !== 1) return null;
  if (supporting.some((claim) => scoreClaim(claim, c).corroborating > 0)) return null;
  const [origin] = [...origins];
  const name = origin?.startsWith('document:') ? 'one document' : c.entityName(origin ?? '');
  return supporting.length === 1
    ? 'a single uncorroborated claim'
    : `claims from one source only (${name}), none corroborated`;
}

export function checkJudgment(j: CheckedJudgment, c: ScoringCase): JudgmentWarning[] {
  const warnings: JudgmentWarning[] = [];
  const term = likelihoodInfo(j.likelihood).term;
  const supporting = claimsOf(j, 'supports', c);
  const against = claimsOf(j, 'contradicts', c);

  if (supporting.length === 0 && against.length === 0) {
    warnings.push({
      code: 'no_basis',
      message: 'This judgment rests on no claims. Add the claims that support it.',
    });
  } else if (supporting.length === 0) {
    warnings.push({
      code: 'basis_against_only',
      message: `Every claim in this judgment’s basis (${against.length}) cuts against it; none supports it. Add the claims it rests on, or reconsider the judgment.`,
    });
  }
  const single = rank(j.likelihood) >= rank('very_likely') ? restsOnOneSource(supporting, c) : null;
  if (single) {
    warnings.push({ code: 'certain_on_one_claim', message: `“${term}” rests on ${single}.` });
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
    const likelihood = findEstimativeWords(sentence).some((m) => !m.expression.unhedged);
    if (likelihood && CONFIDENCE_WORDS.test(sentence)) {
      warnings.push({
        code: 'likelihood_and_confidence_in_one_sentence',
        message:
          'ICD 203: do not put a likelihood and a confidence level in the same sentence. ' +
          `Split “${sentence.trim()}”.`,
      });
      break;
    }
  }
  const disagreements = checkWording(j.statement, j.likelihood);
  if (disagreements.length > 0) {
    warnings.push({
      code: 'wording_differs_from_grade',
      message:
        disagreements.length === 1
          ? (disagreements[0]?.message ?? '')
          : `The wording disagrees with the grade: ${listOf(disagreements.map((d) => `“${d.match.text}”`))}. ${disagreements.map((d) => d.message).join(' ')}`,
      spans: disagreements.map((d) => ({ start: d.match.start, end: d.match.end })),
    });
  }
  return warnings;
}
