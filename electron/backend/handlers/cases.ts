import type { Case } from '../../../shared/domain/schemas';
import { applyEdit } from '../edits/applyEdit';
import type { HandlersFor } from './types';

export const caseHandlers: HandlersFor<'cases:list' | 'cases:create'> = {
  'cases:list': async (_input, { store }) => {
    const documentCount = new Map<string, number>();
    const claimCount = new Map<string, number>();
    for (const d of store.list('documents')) {
      documentCount.set(d.caseId, (documentCount.get(d.caseId) ?? 0) + 1);
    }
    for (const c of store.list('claims')) {
      claimCount.set(c.caseId, (claimCount.get(c.caseId) ?? 0) + 1);
    }
    return store
      .list('cases')
      .map((c) => ({
        ...c,
        documentCount: documentCount.get(c.id) ?? 0,
        claimCount: claimCount.get(c.id) ?? 0,
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  },

  'cases:create': (input, ctx) =>
    applyEdit(ctx, `Create case “${input.title}”`, () => {
      const time = ctx.now();
      const created: Case = {
        id: ctx.newId(),
        title: input.title,
        question: input.question,
        createdAt: time,
        updatedAt: time,
      };
      return {
        ops: [{ type: 'put', collection: 'cases', value: created }],
        result: created,
        caseId: created.id,
      };
    }),
};
