/** Key judgments (issue 4): a statement graded in ICD 203 terms, resting on claims. */
import type { ParsedInput } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Judgment } from '../../../shared/domain/schemas';
import { checkJudgment } from '../../../shared/scoring/judgmentChecks';
import { applyEdit } from '../edits/applyEdit';
import type { HandlerContext } from './context';
import { judgmentsOfCase } from './lookups';
import { requireCase, requireClaim } from './require';
import type { HandlersFor } from './types';

type Basis = ParsedInput<'judgments:create'>['basis'];

/** One entry per claim (the last one given wins), each a claim of the case. */
function checkBasis(ctx: HandlerContext, caseId: string, basis: Basis): Basis {
  const byClaim = new Map(basis.map((b) => [b.claimId, b]));
  for (const { claimId } of byClaim.values()) {
    if (requireClaim(ctx.store, claimId, 'basis').caseId !== caseId) {
      throw new CallFailure(
        'invalid_input',
        'A judgment can rest only on claims of its case.',
        'basis',
      );
    }
  }
  return [...byClaim.values()];
}

function requireJudgment(ctx: HandlerContext, id: string): Judgment {
  const found = ctx.store.get('judgments', id);
  if (!found)
    throw new CallFailure('not_found', `There is no judgment with id ${id}.`, 'judgmentId');
  return found;
}

export const judgmentHandlers: HandlersFor<
  'judgments:list' | 'judgments:create' | 'judgments:update' | 'judgments:delete'
> = {
  'judgments:list': async ({ caseId }, ctx) => {
    requireCase(ctx.store, caseId);
    // The warnings read the basis claims' scores: the backend has them, the UI does not.
    return judgmentsOfCase(ctx, caseId).map((j) => ({
      ...j,
      warnings: checkJudgment(j, ctx.ix.scores.scoring),
    }));
  },

  'judgments:create': (input, ctx) =>
    applyEdit(ctx, 'Add key judgment', () => {
      requireCase(ctx.store, input.caseId);
      const time = ctx.now();
      // After the last one, even when some were deleted before.
      const order = Math.max(-1, ...judgmentsOfCase(ctx, input.caseId).map((j) => j.order)) + 1;
      const created: Judgment = {
        id: ctx.newId(),
        caseId: input.caseId,
        statement: input.statement,
        likelihood: input.likelihood,
        confidence: input.confidence,
        basis: checkBasis(ctx, input.caseId, input.basis),
        order,
        createdAt: time,
        updatedAt: time,
      };
      return {
        ops: [{ type: 'put', collection: 'judgments', value: created }],
        result: created,
        caseId: input.caseId,
      };
    }),

  'judgments:update': (input, ctx) =>
    applyEdit(ctx, 'Edit key judgment', () => {
      const judgment = requireJudgment(ctx, input.judgmentId);
      const updated: Judgment = {
        ...judgment,
        statement: input.statement ?? judgment.statement,
        likelihood: input.likelihood ?? judgment.likelihood,
        confidence: input.confidence ?? judgment.confidence,
        basis: input.basis ? checkBasis(ctx, judgment.caseId, input.basis) : judgment.basis,
        order: input.order ?? judgment.order,
        updatedAt: ctx.now(),
      };
      return {
        ops: [{ type: 'put', collection: 'judgments', value: updated }],
        result: updated,
        caseId: judgment.caseId,
      };
    }),

  'judgments:delete': (input, ctx) =>
    applyEdit(ctx, 'Delete key judgment', () => {
      const judgment = requireJudgment(ctx, input.judgmentId);
      return {
        ops: [{ type: 'delete', collection: 'judgments', id: judgment.id }],
        result: { judgmentId: judgment.id },
        caseId: judgment.caseId,
      };
    }),
};
