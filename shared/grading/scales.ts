/**
 * The grading scales analysts use, as data (DESIGN.md, "Grades"): NATO Admiralty source
 * reliability A–F and information credibility 1–6, ICD 203 likelihood bands and analytic
 * confidence, with the STIX 2.1 confidence mappings. Copied from
 * ../shared/standards/scales.json; `grades.test.ts` checks every label and number against it.
 * F and 6 mean "cannot be judged": they carry no number, not a midpoint.
 */

export const RELIABILITY_CODES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_CODES)[number];

export const CREDIBILITY_CODES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_CODES)[number];

export interface GradeInfo<C> {
  code: C;
  label: string;
  /** The definition analysts read when choosing (FM 2-22.3 wording, as MISP uses). */
  definition: string;
}

export const RELIABILITY: readonly GradeInfo<Reliability>[] = [
  {
    code: 'A',
    label: 'Completely reliable',
    definition:
      'No doubt of authenticity, trustworthiness, or competency; has a history of complete reliability',
  },
  {
    code: 'B',
    label: 'Usually reliable',
    definition:
      'Minor doubt about authenticity, trustworthiness, or competency; has a history of valid information most of the time',
  },
  {
    code: 'C',
    label: 'Fairly reliable',
    definition:
      'Doubt of authenticity, trustworthiness, or competency but has provided valid information in the past',
  },
  {
    code: 'D',
    label: 'Not usually reliable',
    definition:
      'Significant doubt about authenticity, trustworthiness, or competency but has provided valid information in the past',
  },
  {
    code: 'E',
    label: 'Unreliable',
    definition:
      'Lacking in authenticity, trustworthiness, and competency; history of invalid information',
  },
  {
    code: 'F',
    label: 'Reliability cannot be judged',
    definition: 'No basis exists for evaluating the reliability of the source',
  },
];

export interface CredibilityInfo extends GradeInfo<Credibility> {
  /** STIX 2.1 Appendix A value; null for 6 (omit `confidence`). */
  stix: number | null;
}

export const CREDIBILITY: readonly CredibilityInfo[] = [
  {
    code: 1,
    label: 'Confirmed by other sources',
    definition:
      'Confirmed by other independent sources; logical in itself; consistent with other information on the subject',
    stix: 90,
  },
  {
    code: 2,
    label: 'Probably true',
    definition:
      'Not confirmed; logical in itself; consistent with other information on the subject',
    stix: 70,
  },
  {
    code: 3,
    label: 'Possibly true',
    definition:
      'Not confirmed; reasonably logical in itself; agrees with some other information on the subject',
    stix: 50,
  },
  {
    code: 4,
    label: 'Doubtful',
    definition: 'Not confirmed; possible but not logical; no other information on the subject',
    stix: 30,
  },
  {
    code: 5,
    label: 'Improbable',
    definition:
      'Not confirmed; not logical in itself; contradicted by other information on the subject',
    stix: 10,
  },
  {
    code: 6,
    label: 'Truth cannot be judged',
    definition: 'No basis exists for evaluating the validity of the information',
    stix: null,
  },
];

export const LIKELIHOODS = [
  'almost_no_chance',
  'very_unlikely',
  'unlikely',
  'roughly_even',
  'likely',
  'very_likely',
  'almost_certain',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export interface LikelihoodInfo {
  code: Likelihood;
  /** ICD 203 term, and its alternative in the probability row. */
  term: string;
  probability: string;
  min: number;
  max: number;
  /** STIX 2.1 Appendix A (DNI scale) value. */
  stix: number;
}

export const LIKELIHOOD: readonly LikelihoodInfo[] = [
  {
    code: 'almost_no_chance',
    term: 'almost no chance',
    probability: 'remote',
    min: 1,
    max: 5,
    stix: 5,
  },
  {
    code: 'very_unlikely',
    term: 'very unlikely',
    probability: 'highly improbable',
    min: 5,
    max: 20,
    stix: 15,
  },
  {
    code: 'unlikely',
    term: 'unlikely',
    probability: 'improbable (improbably)',
    min: 20,
    max: 45,
    stix: 30,
  },
  {
    code: 'roughly_even',
    term: 'roughly even chance',
    probability: 'roughly even odds',
    min: 45,
    max: 55,
    stix: 50,
  },
  {
    code: 'likely',
    term: 'likely',
    probability: 'probable (probably)',
    min: 55,
    max: 80,
    stix: 70,
  },
  {
    code: 'very_likely',
    term: 'very likely',
    probability: 'highly probable',
    min: 80,
    max: 95,
    stix: 85,
  },
  {
    code: 'almost_certain',
    term: 'almost certain(ly)',
    probability: 'nearly certain',
    min: 95,
    max: 99,
    stix: 95,
  },
];

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE: readonly { level: ConfidenceLevel; text: string }[] = [
  {
    level: 'low',
    text: "Information's credibility and/or plausibility is questionable, or it is too fragmented or poorly corroborated to make solid analytic inferences, or there are significant concerns or problems with the sources.",
  },
  {
    level: 'moderate',
    text: 'Information is credibly sourced and plausible but not of sufficient quality or corroborated sufficiently to warrant a higher level of confidence.',
  },
  {
    level: 'high',
    text: 'Judgments are based on high-quality information, and/or the nature of the issue makes it possible to render a solid judgment. Not a fact or a certainty; still carries a risk of being wrong.',
  },
];

const byCode = <C, T extends { code: C }>(list: readonly T[], code: C): T => {
  const found = list.find((item) => item.code === code);
  if (!found) throw new Error(`unknown grade ${String(code)}`);
  return found;
};

export const reliabilityInfo = (code: Reliability) => byCode(RELIABILITY, code);
export const credibilityInfo = (code: Credibility) => byCode(CREDIBILITY, code);
export const likelihoodInfo = (code: Likelihood) => byCode(LIKELIHOOD, code);

/** How analysts write a grade pair: source reliability then information credibility, "B2". */
export const admiraltyCode = (reliability: Reliability, credibility: Credibility): string =>
  `${reliability}${credibility}`;
