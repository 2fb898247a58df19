/**
 * The one way an edit reaches the store (issue 9: "one write path for every edit"): planned
 * against the current state, written with its claim history, and recorded for undo with the
 * ops that reverse it. Undo and redo go through the same path, replaying what was recorded.
 */
import type { EditOutcome } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { HandlerContext } from '../handlers/context';
import type { Op } from '../store/ops';
import type { MutationPlan } from '../store/store';
import { claimHistoryOps } from './claimHistory';
import { invertOps, overCurrent } from './invert';
import type { UndoEntry } from './undoStack';

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

type Planned<R> = MutationPlan<R> & { history: 'derived' | 'given' | 'undone' | 'redone' };

/** Writes planned ops with their claim history, inside the store's edit queue. */
function write<R>(ctx: HandlerContext, plan: () => Planned<R> | Promise<Planned<R>>): Promise<R> {
  return ctx.store.mutate(async () => {
    const planned = await plan();
    const history =
      planned.history === 'given'
        ? []
        : claimHistoryOps(
            ctx,
            planned.ops,
            planned.history === 'derived' ? undefined : planned.history,
          );
    return { ...planned, ops: [...planned.ops, ...history] };
  });
}

export function applyEdit<R>(
  ctx: HandlerContext,
  label: string,
  plan: () => EditPlan<R> | Promise<EditPlan<R>>,
  options: EditOptions = {},
): Promise<R> {
  return write(ctx, async () => {
    const planned = await plan();
    const inverse = invertOps(ctx.store, planned.ops);
    return {
      ops: planned.ops,
      result: planned.result,
      history: options.history ?? 'derived',
      // Recorded inside the store's queue, so an undo queued right behind this edit sees it.
      committed: () => {
        if (planned.ops.length > 0) {
          ctx.undo.record({ label, caseId: planned.caseId, ops: planned.ops, inverse });
        }
      },
    };
  });
}

/**
 * Undoes or redoes the last edit. The entry is taken inside the store's queue, so every edit
 * asked for before has been written and recorded first: undo always reverses the last edit,
 * never one still in flight.
 */
export async function stepEdit(
  ctx: HandlerContext,
  direction: 'undo' | 'redo',
): Promise<EditOutcome> {
  let entry: UndoEntry | undefined;
  const outcome = await write(ctx, () => {
    entry = direction === 'undo' ? ctx.undo.takeUndo() : ctx.undo.takeRedo();
    if (!entry) throw new CallFailure('conflict', `There is nothing to ${direction}.`);
    const taken = entry;
    return {
      ops:
        direction === 'undo'
          ? overCurrent(ctx.store, taken.inverse, taken.ops)
          : overCurrent(ctx.store, taken.ops, taken.inverse),
      result: { label: taken.label, caseId: taken.caseId },
      history: direction === 'undo' ? 'undone' : 'redone',
      committed: () => (direction === 'undo' ? ctx.undo.undid(taken) : ctx.undo.redid(taken)),
      aborted: () => ctx.undo.restore(taken, direction),
    };
  });
  return { ...outcome, state: ctx.undo.state() };
}
