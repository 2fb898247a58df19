/**
 * A key judgment as a STIX 2.1 `opinion` (issue 11): it refers to its whole basis, the notes
 * of the claims for it and those against it, and keeps the direction twice over, in its
 * explanation ("Evidence for: …", "Evidence against: …") and in one `relationship` per
 * basis claim, `supports` or `contradicts`, from the claim's note to the opinion. Before
 * issue 11 the opinion referred to the supporting claims only, so a reader of the bundle
 * could not see what cut against the judgment.
 *
 * The opinion value stays the analyst's agreement with the judgment as stated in the
 * explanation (stixMappings.ts, `OPINION`); the explanation says so, since STIX reads an
 * opinion as one on its object_refs.
 */
import type { Claim, Judgment } from '../../../shared/domain/schemas';
import { likelihoodInfo } from '../../../shared/grading/scales';
import { stixId } from './ids';
import { OPINION, judgmentLabels, opinionConfidence } from './stixMappings';

export type StixObject = { type: string; id: string } & Record<string, unknown>;

export interface OpinionContext {
  /** The fields every object of the bundle shares (type, spec_version, id, dates). */
  common: (
    type: string,
    id: string,
    created: string,
    modified: string,
    fields: Record<string, unknown>,
  ) => StixObject;
  analystId: string;
  author: string;
  reportId: string;
  claims: ReadonlyMap<string, Claim>;
}

const DIRECTION = {
  supports: { heading: 'Evidence for (supports the judgment)', type: 'supports' },
  contradicts: { heading: 'Evidence against (cuts against the judgment)', type: 'contradicts' },
} as const;

/** The opinion and its basis relationships. */
export function opinionObjects(judgment: Judgment, ctx: OpinionContext): StixObject[] {
  const noteOf = (claimId: string) => stixId('note', claimId);
  const opinionId = stixId('opinion', judgment.id);
  const basis = judgment.basis.filter((b) => ctx.claims.has(b.claimId));
  const band = likelihoodInfo(judgment.likelihood);
  const section = (relation: 'supports' | 'contradicts') => {
    const lines = basis
      .filter((b) => b.relation === relation)
      .map((b) => `- “${ctx.claims.get(b.claimId)?.text ?? ''}” (${noteOf(b.claimId)})`);
    return `${DIRECTION[relation].heading}:\n${lines.length > 0 ? lines.join('\n') : '- none'}`;
  };
  const explanation = [
    judgment.statement,
    `Likelihood: ${band.term} (${band.min}–${band.max}%). Analytic confidence: ${judgment.confidence}.`,
    section('supports'),
    section('contradicts'),
    'The opinion value is the analyst’s agreement with the judgment above; the notes it refers to are its evidence, for and against, as listed.',
  ].join('\n\n');
  const refs = [...new Set(basis.map((b) => noteOf(b.claimId)))];
  const opinion = ctx.common('opinion', opinionId, judgment.createdAt, judgment.updatedAt, {
    created_by_ref: ctx.analystId,
    explanation,
    authors: [ctx.author],
    opinion: OPINION[judgment.likelihood],
    confidence: opinionConfidence(judgment.likelihood),
    labels: judgmentLabels(judgment.likelihood, judgment.confidence),
    // A judgment resting on no claim yet is an opinion on the case as a whole.
    object_refs: refs.length > 0 ? refs : [ctx.reportId],
  });
  const relationships = basis.map((b): StixObject => {
    const id = stixId('relationship', `basis:${judgment.id}:${b.relation}:${b.claimId}`);
    return ctx.common('relationship', id, judgment.createdAt, judgment.updatedAt, {
      created_by_ref: ctx.analystId,
      relationship_type: DIRECTION[b.relation].type,
      description: `${b.relation === 'supports' ? 'Evidence for' : 'Evidence against'} the key judgment “${judgment.statement}”.`,
      source_ref: noteOf(b.claimId),
      target_ref: opinionId,
    });
  });
  return [opinion, ...relationships];
}
