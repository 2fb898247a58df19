import type { ClaimDocument } from '../../../shared/domain/schemas';
import { requireCase, requireDocument } from './require';
import type { HandlersFor } from './types';

export const documentHandlers: HandlersFor<
  'documents:list' | 'documents:create' | 'documents:get'
> = {
  'documents:list': async ({ caseId }, { store }) => {
    requireCase(store, caseId);
    return store.list('documents').filter((d) => d.caseId === caseId);
  },

  'documents:create': async (input, { store, now, newId }) => {
    requireCase(store, input.caseId);
    // The text goes to its own file first: a document record never points at a missing text.
    const contentHash = await store.texts.put(input.text);
    return store.mutate(() => {
      requireCase(store, input.caseId);
      const created: ClaimDocument = {
        id: newId(),
        caseId: input.caseId,
        title: input.title,
        outlet: input.outlet,
        url: input.url,
        publishedAt: input.publishedAt,
        format: 'paste',
        contentHash,
        textLength: input.text.length,
        createdAt: now(),
      };
      return { ops: [{ type: 'put', collection: 'documents', value: created }], result: created };
    });
  },

  'documents:get': async ({ documentId }, { store }) => {
    const document = requireDocument(store, documentId);
    return { document, text: await store.texts.get(document.contentHash) };
  },
};
