import { createAnchor, isAnchor } from '../../../shared/anchoring/textQuote';
import type { ParsedInput } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Anchor, Attribution, Claim, ClaimDocument } from '../../../shared/domain/schemas';
import { applyEdit } from '../edits/applyEdit';
import type { Op } from '../store/ops';
import type { HandlerContext } from './context';
import { judgmentsOfClaim, linksOfClaim } from './lookups';
import { requireClaim, requireDocument, requireEntity } from './require';
import type { HandlersFor } from './types';

const anchorProblems = {
  out_of_range: 'The selection lies outside the document.',
  mismatch: 'The selected text does not match the document. Reload the document and select again.',
  empty: 'The selection holds only white space. Select the words of the claim.',
} as const;

type Selection = { documentId: string; start: number; end: number; exact: string };
type AttributionInput = NonNullable<ParsedInput<'claims:update'>['attribution']>;

async function anchorFor(
  ctx: HandlerContext,
  passage: Selection,
): Promise<{ document: ClaimDocument; anchor: Anchor }> {
  const document = requireDocument(ctx.store, passage.documentId);
  const text = await ctx.store.texts.get(document.contentHash);
  const anchor = createAnchor(text, passage.start, passage.end, passage.exact);
  if (!isAnchor(anchor)) throw new CallFailure('invalid_input', anchorProblems[anchor], 'start');
  return { document, anchor };
}

/**
 * Applies an attribution change, checking that every entity it names exists (or is created
 * in the same edit: `creating`).
 */
function attribute(
  ctx: HandlerContext,
  base: Attribution,
  change: AttributionInput,
  outletId: string | null,
  creating: ReadonlySet<string> = new Set(),
): Attribution {
  const requireKnown = (id: string, field: string) => {
    if (!creating.has(id)) requireEntity(ctx.store, id, field);
  };
  const next: Attribution = {
    speakerId: change.speakerId === undefined ? base.speakerId : change.speakerId,
    via: change.via ?? base.via,
    cue: change.cue ?? base.cue,
    saidOn: change.saidOn ?? base.saidOn,
    reportedOn: change.reportedOn ?? base.reportedOn,
    reliabilityOverrides: change.reliabilityOverrides ?? base.reliabilityOverrides,
  };
  for (const id of Object.keys(next.reliabilityOverrides)) {
    requireKnown(id, 'attribution.reliabilityOverrides');
  }
  // Overrides apply to this claim's carriers only; one left from a removed carrier goes.
  const carriers = new Set([next.speakerId, ...next.via, outletId]);
  next.reliabilityOverrides = Object.fromEntries(
    Object.entries(next.reliabilityOverrides).filter(([id]) => carriers.has(id)),
  );
  if (next.speakerId) requireKnown(next.speakerId, 'attribution.speakerId');
  next.via.forEach((id) => requireKnown(id, 'attribution.via'));
  if (next.speakerId && next.via.includes(next.speakerId)) {
    throw new CallFailure(
      'invalid_input',
      'The speaker cannot also be one of the intermediaries that carried the claim.',
      'attribution.via',
    );
  }
  next.via = [...new Set(next.via)];
  return next;
}

/** Links touching a claim are deleted; judgments stop resting on it. */
function detachClaim(ctx: HandlerContext, claimId: string): Op[] {
  const ops: Op[] = [];
  for (const link of linksOfClaim(ctx, claimId)) {
    ops.push({ type: 'delete', collection: 'links', id: link.id });
  }
  for (const judgment of judgmentsOfClaim(ctx, claimId)) {
    const value = { ...judgment, basis: judgment.basis.filter((b) => b.claimId !== claimId) };
    ops.push({ type: 'put', collection: 'judgments', value });
  }
  return ops;
}

/** The quote as the claim's wording, cut (on a character boundary) to the wording's limit. */
function wordingFromQuote(quote: string): string {
  const chars = [...quote.trim()];
  return chars.length <= 5000 ? chars.join('') : `${chars.slice(0, 4999).join('')}…`;
}

/** The claim with its quote confirmed: no earlier quote waiting for the analyst. */
function withoutPreviousQuote(claim: Claim): Claim {
  const rest = { ...claim };
  delete rest.previousQuote;
  return rest;
}

const uniqueTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()))];

/** What a new claim may be given besides its passage. */
export type NewClaimFields = Omit<ParsedInput<'claims:create'>, keyof Selection>;

/**
 * A new claim on an anchored passage: the one place a claim record is made, for a selection
 * (`claims:create`) and an accepted suggestion alike. Call it inside an edit's plan; entities
 * in `creating` are put by the same edit.
 */
export function newClaim(
  ctx: HandlerContext,
  document: ClaimDocument,
  anchor: Anchor,
  input: NewClaimFields,
  creating: ReadonlySet<string> = new Set(),
): Claim {
  const attribution = attribute(
    ctx,
    {
      speakerId: null,
      via: [],
      cue: '',
      saidOn: '',
      reportedOn: document.publishedAt,
      reliabilityOverrides: {},
    },
    input.attribution ?? {},
    document.outletId,
    creating,
  );
  const time = ctx.now();
  return {
    id: ctx.newId(),
    caseId: document.caseId,
    documentId: document.id,
    text: input.text || wordingFromQuote(anchor.exact),
    anchor,
    anchorState: 'anchored',
    kind: input.kind ?? (attribution.speakerId ? 'indirect_speech' : 'unattributed'),
    status: input.status ?? 'unverified',
    tags: uniqueTags(input.tags ?? []),
    notes: input.notes ?? '',
    credibility: input.credibility ?? 6,
    attribution,
    createdAt: time,
    updatedAt: time,
  };
}

export const claimHandlers: HandlersFor<
  'claims:create' | 'claims:update' | 'claims:delete' | 'claims:reattach'
> = {
  'claims:create': async (input, ctx) => {
    const { document, anchor } = await anchorFor(ctx, input);
    return applyEdit(ctx, 'Create claim', () => {
      requireDocument(ctx.store, document.id);
      const created = newClaim(ctx, document, anchor, input);
      return {
        ops: [{ type: 'put', collection: 'claims', value: created }],
        result: created,
        caseId: created.caseId,
      };
    });
  },

  'claims:update': (input, ctx) =>
    applyEdit(ctx, 'Edit claim', () => {
      const claim = requireClaim(ctx.store, input.claimId);
      const updated: Claim = {
        ...(input.quoteConfirmed ? withoutPreviousQuote(claim) : claim),
        text: input.text ?? claim.text,
        kind: input.kind ?? claim.kind,
        status: input.status ?? claim.status,
        tags: input.tags ? uniqueTags(input.tags) : claim.tags,
        notes: input.notes ?? claim.notes,
        credibility: input.credibility ?? claim.credibility,
        attribution: input.attribution
          ? attribute(
              ctx,
              claim.attribution,
              input.attribution,
              ctx.store.get('documents', claim.documentId)?.outletId ?? null,
            )
          : claim.attribution,
        updatedAt: ctx.now(),
      };
      return {
        ops: [{ type: 'put', collection: 'claims', value: updated }],
        result: updated,
        caseId: claim.caseId,
      };
    }),

  'claims:delete': (input, ctx) =>
    applyEdit(ctx, 'Delete claim', () => {
      const claim = requireClaim(ctx.store, input.claimId);
      return {
        // The evidence around it goes with it, in the same edit, so undo brings all back.
        ops: [
          ...detachClaim(ctx, input.claimId),
          { type: 'delete', collection: 'claims', id: input.claimId },
        ],
        result: { claimId: input.claimId },
        caseId: claim.caseId,
      };
    }),

  'claims:reattach': async ({ claimId, passage }, ctx) => {
    const claim = requireClaim(ctx.store, claimId);
    const placed = passage ? await anchorFor(ctx, passage) : null;
    if (placed && placed.document.caseId !== claim.caseId) {
      throw new CallFailure('invalid_input', 'A claim can only be re-attached within its case.');
    }
    return applyEdit(ctx, placed ? 'Re-attach claim' : 'Keep claim on its old snapshot', () => {
      const current = requireClaim(ctx.store, claimId);
      const updated: Claim = {
        // A passage the analyst picked is a quote they have seen.
        ...(placed ? withoutPreviousQuote(current) : current),
        documentId: placed?.document.id ?? current.documentId,
        anchor: placed?.anchor ?? current.anchor,
        anchorState: 'anchored',
        updatedAt: ctx.now(),
      };
      return {
        ops: [{ type: 'put', collection: 'claims', value: updated }],
        result: updated,
        caseId: current.caseId,
      };
    });
  },
};
