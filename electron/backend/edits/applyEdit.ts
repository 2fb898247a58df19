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

export interface EditOptions {
  /**
   * `given`: the plan brings the claims' history itself (an imported case carries the
   * history it had where it was made), so none is derived: a second "created" entry for
   * every imported claim would misstate when and by whom it was made. Default `derived`.
   */
  history?: 'derived' | 'given';
}

export async function applyEdit<R>(
  ctx: HandlerContext,
  label: string,
  plan: () => EditPlan<R>,
  options: EditOptions = {},
): Promise<R> {
  return ctx.store.mutate(() => {
    const planned = plan();
    const inverse = invertOps(ctx.store, planned.ops);
    const history = options.history === 'given' ? [] : claimHistoryOps(ctx, planned.ops);
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
