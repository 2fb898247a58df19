import { reanchorClaims } from '../../../shared/anchoring/reanchorAll';
import { CallFailure } from '../../../shared/contract/result';
import type { ClaimDocument, Entity } from '../../../shared/domain/schemas';
import { findByName, normalizeName } from '../../../shared/entities/names';
import { applyEdit } from '../edits/applyEdit';
import { extractDocument, ImportError } from '../import/extract';
import type { Op } from '../store/ops';
import { hashText } from '../store/textStore';
import type { HandlerContext } from './context';
import { requireCase, requireDocument } from './require';
import type { HandlersFor } from './types';

/** The newest snapshot of each document: those no other document replaces. */
function latestVersions(docs: readonly ClaimDocument[]): ClaimDocument[] {
  const replaced = new Set(docs.map((d) => d.previousVersionId).filter((id) => id !== null));
  return docs.filter((d) => !replaced.has(d.id));
}

function duplicateIn(ctx: HandlerContext, caseId: string, text: string): ClaimDocument | null {
  const hash = hashText(text);
  return (
    ctx.store.list('documents').find((d) => d.caseId === caseId && d.contentHash === hash) ?? null
  );
}

/** The outlet named on a document, as an entity: found by any of its names, else new. */
function outletEntity(ctx: HandlerContext, outlet: string): { id: string | null; ops: Op[] } {
  if (!outlet) return { id: null, ops: [] };
  const existing = findByName(ctx.store.list('entities'), outlet);
  if (existing) return { id: existing.id, ops: [] };
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

export const documentHandlers: HandlersFor<
  'documents:list' | 'documents:get' | 'documents:extract' | 'documents:create'
> = {
  'documents:list': async ({ caseId }, { store }) => {
    requireCase(store, caseId);
    return store.list('documents').filter((d) => d.caseId === caseId);
  },

  'documents:get': async ({ documentId }, { store }) => {
    const document = requireDocument(store, documentId);
    return { document, text: await store.texts.get(document.contentHash) };
  },

  'documents:extract': async ({ caseId, fileName, dataBase64 }, ctx) => {
    requireCase(ctx.store, caseId);
    const bytes = Buffer.from(dataBase64, 'base64');
    let extracted;
    try {
      extracted = await extractDocument({ fileName, bytes: new Uint8Array(bytes) });
    } catch (error) {
      if (error instanceof ImportError) throw new CallFailure('invalid_input', error.message);
      throw error;
    }
    const inCase = latestVersions(ctx.store.list('documents').filter((d) => d.caseId === caseId));
    const duplicateOf = duplicateIn(ctx, caseId, extracted.text);
    const title = normalizeName(extracted.meta.title);
    const versionCandidates = duplicateOf
      ? []
      : inCase.filter(
          (d) =>
            (extracted.meta.url !== '' && d.url === extracted.meta.url) ||
            (title !== '' && normalizeName(d.title) === title) ||
            (d.fileName !== '' && d.fileName === fileName),
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
    // The text goes to its own file first: a document record never points at a missing text.
    const contentHash = await ctx.store.texts.put(input.text);
    const label = previous
      ? `Import a new version of “${previous.title}”`
      : `Add document “${input.title}”`;
    return applyEdit(ctx, label, () => {
      requireCase(ctx.store, input.caseId);
      // Again inside the queue: an identical import may have landed while the text was saved.
      refuseDuplicate();
      const outlet = outletEntity(ctx, input.outlet);
      const created: ClaimDocument = {
        id: ctx.newId(),
        caseId: input.caseId,
        title: input.title,
        outlet: input.outlet,
        url: input.url,
        author: input.author,
        publishedAt: input.publishedAt,
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
        const onPrevious = ctx.store
          .list('claims')
          .filter((c) => c.documentId === previous.id && c.anchorState === 'anchored');
        const moved = reanchorClaims(onPrevious, input.text, {
          previousTextLength: previous.textLength,
        });
        const time = ctx.now();
        for (const { claim, anchor } of moved.placed) {
          const value = { ...claim, documentId: created.id, anchor, updatedAt: time };
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
