import type { Case } from '../../../shared/domain/schemas';
import { applyEdit } from '../edits/applyEdit';
import { parseBucketKey } from '../store/layout';
import type { HandlerContext } from './context';
import type { HandlersFor } from './types';

/**
 * Claims in a case. While the claims still load after start, the count comes from the
 * manifest (exact then: loading in the background only follows a clean close).
 */
export function claimCountOf(ctx: HandlerContext, caseId: string): number {
  if (ctx.store.caseLoaded(caseId)) {
    return ctx.ix.claims.hasCase(caseId) ? ctx.ix.claims.caseOf(caseId).count : 0;
  }
  return ctx.store.folder.manifest.segments
    .filter((ref) => ref.collection === 'claims' && parseBucketKey(ref.key)?.group === caseId)
    .reduce((n, ref) => n + ref.count, 0);
}

export const caseHandlers: HandlersFor<'cases:list' | 'cases:create'> = {
  'cases:list': async (_input, ctx) =>
    ctx.store
      .list('cases')
      .map((c) => ({
        ...c,
        documentCount: ctx.ix.relations.documentsByCase.get(c.id)?.size ?? 0,
        claimCount: claimCountOf(ctx, c.id),
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),

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
