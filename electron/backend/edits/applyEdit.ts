/**
 * The one way a user's edit reaches the store: planned against the current state, written
 * with its claim history, and recorded for undo with the ops that reverse it.
 */
import type { HandlerContext } from '../handlers/context';
import type { Op } from '../store/ops';
import { claimHistoryOps } from './claimHistory';
import { invertOps } from './invert';

export interface EditPlan<R> {
  ops: Op[];
  result: R;
  /** The case the edit belongs to, so undo can bring the UI back to it. */
  caseId: string | null;
}

export async function applyEdit<R>(
  ctx: HandlerContext,
  label: string,
  plan: () => EditPlan<R>,
): Promise<R> {
  return ctx.store.mutate(() => {
    const planned = plan();
    const inverse = invertOps(ctx.store, planned.ops);
    const history = claimHistoryOps(ctx, planned.ops);
    return {
      ops: [...planned.ops, ...history],
      result: planned.result,
      // Recorded inside the store's queue, so an undo queued right behind this edit sees it.
      committed: () => {
        if (planned.ops.length > 0) {
          ctx.undo.record({ label, caseId: planned.caseId, ops: planned.ops, inverse });
        }
      },
    };
  });
}
