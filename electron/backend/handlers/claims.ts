import { createAnchor, isAnchor } from '../../../shared/anchoring/textQuote';
import { CallFailure } from '../../../shared/contract/result';
import type { Claim } from '../../../shared/domain/schemas';
import { requireCase, requireClaim, requireDocument } from './require';
import type { HandlersFor } from './types';

const anchorProblems = {
  out_of_range: 'The selection lies outside the document.',
  mismatch: 'The selected text does not match the document. Reload the document and select again.',
  empty: 'The selection holds only white space. Select the words of the claim.',
} as const;

export const claimHandlers: HandlersFor<
  'claims:list' | 'claims:create' | 'claims:update' | 'claims:delete'
> = {
  'claims:list': async ({ caseId }, { store }) => {
    requireCase(store, caseId);
    return store.list('claims').filter((c) => c.caseId === caseId);
  },

  'claims:create': async (input, { store, now, newId }) => {
    const document = requireDocument(store, input.documentId);
    const text = await store.texts.get(document.contentHash);
    const anchor = createAnchor(text, input.start, input.end, input.exact);
    if (!isAnchor(anchor)) throw new CallFailure('invalid_input', anchorProblems[anchor], 'start');
    return store.mutate(() => {
      requireDocument(store, document.id);
      const time = now();
      const created: Claim = {
        id: newId(),
        caseId: document.caseId,
        documentId: document.id,
        text: input.text || anchor.exact.trim(),
        anchor,
        createdAt: time,
        updatedAt: time,
      };
      return { ops: [{ type: 'put', collection: 'claims', value: created }], result: created };
    });
  },

  'claims:update': (input, { store, now }) =>
    store.mutate(() => {
      const updated: Claim = {
        ...requireClaim(store, input.claimId),
        text: input.text,
        updatedAt: now(),
      };
      return { ops: [{ type: 'put', collection: 'claims', value: updated }], result: updated };
    }),

  'claims:delete': (input, { store }) =>
    store.mutate(() => {
      requireClaim(store, input.claimId);
      return {
        ops: [{ type: 'delete', collection: 'claims', id: input.claimId }],
        result: { claimId: input.claimId },
      };
    }),
};
