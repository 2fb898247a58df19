import { reanchorClaims } from '../../../shared/anchoring/reanchorAll';
import type { DocumentRow } from '../../../shared/contract/channels';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/limits';
import { CallFailure } from '../../../shared/contract/result';
import { sameWords } from '../../../shared/anchoring/quoteWords';
import type { Claim, ClaimDocument, Entity } from '../../../shared/domain/schemas';
import { normalizeName } from '../../../shared/entities/names';
import { termsOf } from '../../../shared/search/terms';
import { applyEdit } from '../edits/applyEdit';
import { extractDocument, ImportError } from '../import/extract';
import type { Op } from '../store/ops';
import { MissingTextError, hashText } from '../store/textStore';
import { BitSet } from '../indexes/bitset';
import type { HandlerContext } from './context';
import { fileBytes } from './fileBytes';
import { claimsOfDocument, documentsOfCase, isLatest, lineageOf } from './lookups';
import { requireCase, requireDocument } from './require';
import type { HandlersFor } from './types';

function duplicateIn(ctx: HandlerContext, caseId: string, text: string): ClaimDocument | null {
  const ids = ctx.ix.relations.documentsByText.get(`${caseId} ${hashText(text)}`);
  const first = ids ? [...ids][0] : undefined;
  return (first && ctx.store.get('documents', first)) || null;
}

/**
 * The outlet named on a document, as an entity: the earlier version's when the name is the
 * same (so moved claims' chains keep ending at the same entity, issue 12), else found by any
 * of its names, else new.
 */
function outletEntity(
  ctx: HandlerContext,
  outlet: string,
  previous: ClaimDocument | null,
): { id: string | null; ops: Op[] } {
  if (!outlet) return { id: null, ops: [] };
  const kept = previous?.outlet === outlet ? previous.outletId : null;
  if (kept && ctx.store.get('entities', kept)) return { id: kept, ops: [] };
  const existing = ctx.ix.relations.entityNamed(outlet);
  if (existing) return { id: existing, ops: [] };
  const time = ctx.now();
  const created: Entity = {
    id: ctx.newId(),
    name: outlet,
    aliases: [],
    kind: 'outlet',
    role: '',
    affiliation: '',
    notes: '',
    reliability: 'F',
    createdAt: time,
    updatedAt: time,
  };
  return { id: created.id, ops: [{ type: 'put', collection: 'entities', value: created }] };
}

function documentRow(ctx: HandlerContext, document: ClaimDocument): DocumentRow {
  return {
    document,
    claimCount: ctx.ix.claims.byDocument.get(document.id)?.size ?? 0,
    versionCount: document.previousVersionId ? lineageOf(ctx, document.id).length : 1,
    textMissing: ctx.store.texts.missing.has(document.contentHash),
  };
}

/** Documents (by number) whose titles hold every word of `query`; null for no query. */
function titleHits(ctx: HandlerContext, query: string): Set<string> | null {
  const terms = [...new Set(termsOf(query))];
  if (terms.length === 0) return null;
  let hits: BitSet | null = null;
  for (const term of terms) {
    const found = ctx.ix.relations.titleTerms.match(term, { prefix: true });
    hits = hits ? hits.and(found) : found;
  }
  const ids = new Set<string>();
  for (const n of hits ?? new BitSet()) {
    const id = ctx.ix.relations.documentNumbers.ids[n];
    if (id) ids.add(id);
  }
  return ids;
}

export const documentHandlers: HandlersFor<
  'documents:list' | 'documents:query' | 'documents:get' | 'documents:extract' | 'documents:create'
> = {
  'documents:list': async ({ caseId }, ctx) => {
    requireCase(ctx.store, caseId);
    return documentsOfCase(ctx, caseId);
  },

  'documents:query': async ({ caseId, query, offset, limit }, ctx) => {
    requireCase(ctx.store, caseId);
    const hits = titleHits(ctx, query);
    const listed: ClaimDocument[] = [];
    for (const id of ctx.ix.relations.documentsByCase.get(caseId) ?? []) {
      if (!isLatest(ctx, id) || (hits && !hits.has(id))) continue;
      const document = ctx.store.get('documents', id);
      if (document) listed.push(document);
    }
    return {
      total: listed.length,
      offset,
      rows: listed.slice(offset, offset + limit).map((d) => documentRow(ctx, d)),
    };
  },

  'documents:get': async ({ documentId }, ctx) => {
    const document = requireDocument(ctx.store, documentId);
    const versions = lineageOf(ctx, documentId);
    try {
      return {
        document,
        text: await ctx.store.texts.get(document.contentHash),
        problem: '',
        versions,
      };
    } catch (error) {
      if (!(error instanceof MissingTextError)) throw error;
      return { document, text: null, problem: error.message, versions };
    }
  },

  'documents:extract': async (input, ctx) => {
    const { caseId, fileName } = input;
    requireCase(ctx.store, caseId);
    const bytes = await fileBytes(ctx, input, MAX_IMPORT_BYTES);
    let extracted;
    try {
      extracted = await extractDocument({ fileName, bytes });
    } catch (error) {
      if (error instanceof ImportError) throw new CallFailure('invalid_input', error.message);
      throw error;
    }
    const duplicateOf = duplicateIn(ctx, caseId, extracted.text);
    const title = normalizeName(extracted.meta.title);
    const versionCandidates = duplicateOf
      ? []
      : documentsOfCase(ctx, caseId).filter(
          (d) =>
            isLatest(ctx, d.id) &&
            ((extracted.meta.url !== '' && d.url === extracted.meta.url) ||
              (title !== '' && normalizeName(d.title) === title) ||
              (d.fileName !== '' && d.fileName === fileName)),
        );
    return { ...extracted, duplicateOf, versionCandidates };
  },

  'documents:create': async (input, ctx) => {
    requireCase(ctx.store, input.caseId);
    const refuseDuplicate = () => {
      const existing = duplicateIn(ctx, input.caseId, input.text);
      if (existing) {
        throw new CallFailure(
          'conflict',
          `This text is already in this case as “${existing.title}”.`,
          'text',
        );
      }
    };
    refuseDuplicate();
    const previous = input.versionOf ? requireDocument(ctx.store, input.versionOf) : null;
    if (previous && previous.caseId !== input.caseId) {
      throw new CallFailure(
        'invalid_input',
        'A new version must be in the same case.',
        'versionOf',
      );
    }
    // Source details left out of a new version are the earlier version's (issue 12).
    const detail = (field: 'outlet' | 'author' | 'url' | 'publishedAt'): string =>
      input[field] ?? previous?.[field] ?? '';
    const source = {
      outlet: detail('outlet'),
      author: detail('author'),
      url: detail('url'),
      publishedAt: detail('publishedAt'),
    };
    // The text goes to its own file first: a document record never points at a missing text.
    const contentHash = await ctx.store.texts.put(input.text);
    const label = previous
      ? `Import a new version of “${previous.title}”`
      : `Add document “${input.title}”`;
    return applyEdit(ctx, label, () => {
      requireCase(ctx.store, input.caseId);
      // Again inside the queue: an identical import may have landed while the text was saved.
      refuseDuplicate();
      const outlet = outletEntity(ctx, source.outlet, previous);
      const created: ClaimDocument = {
        id: ctx.newId(),
        caseId: input.caseId,
        title: input.title,
        ...source,
        retrievedAt: input.retrievedAt,
        format: input.format,
        fileName: input.fileName,
        outletId: outlet.id,
        previousVersionId: previous?.id ?? null,
        contentHash,
        textLength: input.text.length,
        createdAt: ctx.now(),
      };
      const ops: Op[] = [...outlet.ops, { type: 'put', collection: 'documents', value: created }];
      let reanchored = 0;
      let orphaned = 0;
      if (previous) {
        const onPrevious = claimsOfDocument(ctx, previous.id).filter(
          (c) => c.anchorState === 'anchored',
        );
        const moved = reanchorClaims(onPrevious, input.text, {
          previousTextLength: previous.textLength,
        });
        const time = ctx.now();
        for (const { claim, anchor } of moved.placed) {
          // Words changed: marked for the analyst, against the quote last confirmed.
          const previousQuote = sameWords(claim.anchor.exact, anchor.exact)
            ? claim.previousQuote
            : (claim.previousQuote ?? claim.anchor.exact);
          const value: Claim = {
            ...claim,
            documentId: created.id,
            anchor,
            ...(previousQuote === undefined ? {} : { previousQuote }),
            updatedAt: time,
          };
          ops.push({ type: 'put', collection: 'claims', value });
        }
        for (const claim of moved.orphaned) {
          const value = { ...claim, anchorState: 'orphaned' as const, updatedAt: time };
          ops.push({ type: 'put', collection: 'claims', value });
        }
        reanchored = moved.placed.length;
        orphaned = moved.orphaned.length;
      }
      return { ops, result: { document: created, reanchored, orphaned }, caseId: input.caseId };
    });
  },
};
