/** Evidence links and key judgments, and the neighbourhoods views draw of them. */
import { z } from 'zod';
import {
  ConfidenceLevelSchema,
  IdSchema,
  LikelihoodSchema,
  LinkRelationSchema,
  type EvidenceLink,
  type Judgment,
} from '../../domain/schemas';
import type { JudgmentWarning } from '../../scoring/judgmentChecks';
import { title } from '../fields';
import type { ClaimRow } from './claims';

const linkTargetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), claimId: IdSchema }).strict(),
  z
    .object({
      kind: z.literal('span'),
      documentId: IdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      exact: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('url'),
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      name: z.string().trim().min(1).max(500),
      location: z.string().trim().max(2000).default(''),
    })
    .strict(),
]);

const basisInput = z
  .array(z.object({ claimId: IdSchema, relation: z.enum(['supports', 'contradicts']) }).strict())
  .max(500);

export const evidenceInputs = {
  /** The evidence links of a case. For scripts: the UI asks per claim. */
  'links:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * Link evidence to a claim: another claim, a span of a document, a URL or a file. A link
   * to itself is refused. The same link made again is merged into the existing one; when
   * both carry different notes, `repeat` says what becomes of the note (issue 11): `add`
   * appends the new note to the old, `replace` puts it in the old one's place. Without
   * `repeat` such a call is refused with `conflict` on the field `repeat`, so that no
   * note is lost without the analyst saying so.
   */
  'links:create': z
    .object({
      fromClaimId: IdSchema,
      relation: LinkRelationSchema,
      target: linkTargetInput,
      note: z.string().trim().max(5000).default(''),
      repeat: z.enum(['add', 'replace']).optional(),
    })
    .strict(),
  'links:update': z
    .object({
      linkId: IdSchema,
      relation: LinkRelationSchema.optional(),
      note: z.string().trim().max(5000).optional(),
    })
    .strict(),
  'links:delete': z.object({ linkId: IdSchema }).strict(),
  /** A claim's evidence, from both ends, with the claims at the other end. */
  'evidence:ofClaim': z.object({ claimId: IdSchema }).strict(),
  /** The evidence graph around a claim (two steps out) or a judgment (its basis). */
  'evidence:graph': z
    .object({ focus: z.object({ kind: z.enum(['claim', 'judgment']), id: IdSchema }).strict() })
    .strict(),

  /** The key judgments of a case, in order. */
  'judgments:list': z.object({ caseId: IdSchema }).strict(),
  'judgments:create': z
    .object({
      caseId: IdSchema,
      statement: title(5000),
      likelihood: LikelihoodSchema,
      confidence: ConfidenceLevelSchema,
      basis: basisInput.default([]),
    })
    .strict(),
  'judgments:update': z
    .object({
      judgmentId: IdSchema,
      statement: title(5000).optional(),
      likelihood: LikelihoodSchema.optional(),
      confidence: ConfidenceLevelSchema.optional(),
      basis: basisInput.optional(),
      order: z.number().int().nonnegative().optional(),
    })
    .strict(),
  'judgments:delete': z.object({ judgmentId: IdSchema }).strict(),
} as const;

/** A key judgment with the warnings its wording and basis draw (shared/scoring/judgmentChecks.ts). */
export interface JudgmentView extends Judgment {
  warnings: JudgmentWarning[];
}

export interface ClaimEvidence {
  /** Each link touching the claim, seen from the claim. */
  links: {
    link: EvidenceLink;
    /** `from`: the claim is where the link starts; `to`: where it points. */
    end: 'from' | 'to';
    /** The claim at the other end, for claim-to-claim links. */
    other: ClaimRow | null;
    /** The document of a span target. */
    document: { id: string; title: string } | null;
  }[];
  /** Judgments resting on the claim. */
  judgments: { judgment: Judgment; relation: 'supports' | 'contradicts' }[];
}

export interface GraphNode {
  id: string;
  kind: 'claim' | 'judgment';
  label: string;
  focus: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relation: EvidenceLink['relation'] | 'basis-supports' | 'basis-contradicts';
}

export interface EvidenceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The claims drawn, with their scores. */
  claims: ClaimRow[];
  /** True when the neighbourhood was larger than a graph can show (the nearest are drawn). */
  truncated: boolean;
}
