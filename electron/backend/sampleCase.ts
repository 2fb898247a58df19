/**
 * The sample case a first start opens on (data/sample-case.json): the reference scenario of
 * DESIGN.md in our own words, with its speakers, outlets and attributed claims. It is loaded
 * through the same contract calls a user's edits go through, so it is validated like any input.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  LINK_RELATIONS,
} from '../../shared/domain/schemas';
import {
  CONFIDENCE_LEVELS,
  CREDIBILITY_CODES,
  LIKELIHOODS,
  RELIABILITY_CODES,
} from '../../shared/grading/scales';
import type { Dispatch } from './dispatch';

const SampleSchema = z.object({
  case: z.object({ title: z.string(), question: z.string() }),
  entities: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      kind: z.enum(ENTITY_KINDS),
      role: z.string(),
      affiliation: z.string(),
      reliability: z.enum(RELIABILITY_CODES),
    }),
  ),
  links: z.array(
    z.object({
      from: z.string(),
      relation: z.enum(LINK_RELATIONS),
      to: z.string(),
      note: z.string(),
    }),
  ),
  judgments: z.array(
    z.object({
      statement: z.string(),
      likelihood: z.enum(LIKELIHOODS),
      confidence: z.enum(CONFIDENCE_LEVELS),
      basis: z.array(
        z.object({ claim: z.string(), relation: z.enum(['supports', 'contradicts']) }),
      ),
    }),
  ),
  documents: z.array(
    z.object({
      title: z.string(),
      outlet: z.string(),
      author: z.string(),
      url: z.string(),
      publishedAt: z.string(),
      text: z.string(),
      claims: z.array(
        z.object({
          /** How links and judgments of the sample name this claim. */
          key: z.string(),
          quote: z.string(),
          credibility: z.literal(CREDIBILITY_CODES),
          /** Which occurrence of the quote, when the text repeats it (0 = first). */
          occurrence: z.number().int().nonnegative().default(0),
          text: z.string(),
          kind: z.enum(CLAIM_KINDS),
          status: z.enum(CLAIM_STATUSES),
          tags: z.array(z.string()),
          notes: z.string(),
          speaker: z.string().optional(),
          via: z.array(z.string()),
          cue: z.string(),
          saidOn: z.string(),
        }),
      ),
    }),
  ),
});

async function expectOk(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`sample case: ${channel} failed: ${result.error.message}`);
  return result.value;
}

const IdOnly = z.object({ id: z.string() });
const CreatedDocument = z.object({ document: IdOnly });

function nthIndex(text: string, quote: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`sample case: quote not found: ${quote}`);
  }
  return at;
}

export async function seedSampleCase(dispatch: Dispatch, file: string): Promise<void> {
  const sample = SampleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const created = IdOnly.parse(await expectOk(dispatch, 'cases:create', sample.case));
  const ids = new Map<string, string>();
  for (const { key, ...entity } of sample.entities) {
    ids.set(key, IdOnly.parse(await expectOk(dispatch, 'entities:create', entity)).id);
  }
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`sample case: no entity "${key}"`);
    return id;
  };
  const claimIds = new Map<string, string>();
  const claimOf = (key: string) => {
    const id = claimIds.get(key);
    if (!id) throw new Error(`sample case: no claim "${key}"`);
    return id;
  };
  for (const doc of sample.documents) {
    const { claims, ...fields } = doc;
    const { document } = CreatedDocument.parse(
      await expectOk(dispatch, 'documents:create', { ...fields, caseId: created.id }),
    );
    for (const claim of claims) {
      const start = nthIndex(doc.text, claim.quote, claim.occurrence);
      const capturedClaim = await expectOk(dispatch, 'claims:create', {
        documentId: document.id,
        credibility: claim.credibility,
        start,
        end: start + claim.quote.length,
        exact: claim.quote,
        text: claim.text,
        kind: claim.kind,
        status: claim.status,
        tags: claim.tags,
        notes: claim.notes,
        attribution: {
          speakerId: claim.speaker ? idOf(claim.speaker) : null,
          via: claim.via.map(idOf),
          cue: claim.cue,
          saidOn: claim.saidOn,
        },
      });
      claimIds.set(claim.key, IdOnly.parse(capturedClaim).id);
    }
  }
  for (const link of sample.links) {
    await expectOk(dispatch, 'links:create', {
      fromClaimId: claimOf(link.from),
      relation: link.relation,
      target: { kind: 'claim', claimId: claimOf(link.to) },
      note: link.note,
    });
  }
  for (const judgment of sample.judgments) {
    await expectOk(dispatch, 'judgments:create', {
      caseId: created.id,
      statement: judgment.statement,
      likelihood: judgment.likelihood,
      confidence: judgment.confidence,
      basis: judgment.basis.map((b) => ({ claimId: claimOf(b.claim), relation: b.relation })),
    });
  }
}
