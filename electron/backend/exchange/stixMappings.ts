/**
 * How Claimdesk's grades read in STIX 2.1 terms. The numbers come from scales.json (through
 * shared/grading/scales.ts, which a conformance test holds to it); labels use the MISP
 * taxonomy machine tags (`admiralty-scale`, `estimative-language`), which OpenCTI and MISP
 * read back as the same grades.
 */
import type { EntityKind } from '../../../shared/domain/schemas';
import {
  credibilityInfo,
  likelihoodInfo,
  type ConfidenceLevel,
  type Credibility,
  type Likelihood,
  type Reliability,
} from '../../../shared/grading/scales';

/** identity-class-ov: a person is an individual; outlets and bodies are organisations. */
export const IDENTITY_CLASS: Record<EntityKind, string> = {
  person: 'individual',
  outlet: 'organization',
  government: 'organization',
  organisation: 'organization',
  company: 'organization',
  // "Russian sources (unnamed)" and the like: STIX's own word for it.
  other: 'unknown',
};

/** Note `confidence` from information credibility: scales.json's STIX value; none for 6. */
export const noteConfidence = (credibility: Credibility): number | null =>
  credibilityInfo(credibility).stix;

export type OpinionValue =
  'strongly-disagree' | 'disagree' | 'neutral' | 'agree' | 'strongly-agree';

/**
 * A key judgment becomes an `opinion` on the notes of its basis (stixOpinion.ts), for and
 * against, with the direction of each in the explanation and in a `supports` or
 * `contradicts` relationship from the note. A judgment's statement carries its own
 * likelihood word ("Russia is *unlikely* to send troops", which the app checks against the
 * grade), so the value is the analyst's agreement with that hedged statement, whatever the
 * band; the band says how firmly, and a statement commits more the further its band lies
 * from even odds, in either direction. The ICD 203 scale therefore folds at "roughly even
 * chance":
 *
 *   almost no chance, very unlikely, very likely, almost certain -> strongly-agree
 *   unlikely, likely                                              -> agree
 *   roughly even chance                                           -> neutral
 *
 * Reading the bands straight onto the scale (unlikely -> disagree) would say the analyst
 * disagrees with the judgment's own wording. The claims against it are not disagreed with
 * either: they are evidence, marked as such by their relationships.
 */
export const OPINION: Record<Likelihood, OpinionValue> = {
  almost_no_chance: 'strongly-agree',
  very_unlikely: 'strongly-agree',
  unlikely: 'agree',
  roughly_even: 'neutral',
  likely: 'agree',
  very_likely: 'strongly-agree',
  almost_certain: 'strongly-agree',
};

/**
 * The likelihood band each band mirrors across even odds: "X is unlikely" is the statement
 * "not X" held at the "likely" band.
 */
const MIRROR: Record<Likelihood, Likelihood> = {
  almost_no_chance: 'almost_certain',
  very_unlikely: 'very_likely',
  unlikely: 'likely',
  roughly_even: 'roughly_even',
  likely: 'likely',
  very_likely: 'very_likely',
  almost_certain: 'almost_certain',
};

/**
 * Opinion `confidence`: STIX defines it as the producer's confidence that the object (here the
 * opinion, "agree with these claims") is correct, on the DNI scale of STIX Appendix A that
 * scales.json lists for each ICD 203 band. For that the opinion is read at the band of what the
 * statement asserts: "unlikely to send troops" is right with the probability of "likely",
 * 70, not 30, which would claim the analyst doubts their own judgment.
 */
export const opinionConfidence = (likelihood: Likelihood): number =>
  likelihoodInfo(MIRROR[likelihood]).stix;

const machineTag = (namespace: string, predicate: string, value: string) =>
  `${namespace}:${predicate}="${value}"`;

export function gradeLabels(reliability: Reliability, credibility: Credibility): string[] {
  return [
    machineTag('admiralty-scale', 'source-reliability', reliability.toLowerCase()),
    machineTag('admiralty-scale', 'information-credibility', String(credibility)),
  ];
}

export function judgmentLabels(likelihood: Likelihood, confidence: ConfidenceLevel): string[] {
  const band =
    likelihood === 'roughly_even' ? 'roughly-even-chance' : likelihood.replace(/_/g, '-');
  return [
    machineTag('estimative-language', 'likelihood-probability', band),
    machineTag('estimative-language', 'confidence-in-analytic-judgment', confidence),
  ];
}
