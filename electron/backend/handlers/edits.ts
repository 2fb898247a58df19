/** Undo and redo of the session's edits (issue 3: "App-wide undo/redo of every edit"). */
import type { EditOutcome } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import { claimHistoryOps } from '../edits/claimHistory';
import type { HandlerContext } from './context';
import type { HandlersFor } from './types';

/**
 * Takes the entry inside the store's queue, so every edit asked for before the undo has been
 * written and recorded first: undo always reverses the last edit, never one still in flight.
 */
function step(ctx: HandlerContext, direction: 'undo' | 'redo'): Promise<EditOutcome> {
  return ctx.store
    .mutate(() => {
      const entry = direction === 'undo' ? ctx.undo.takeUndo() : ctx.undo.takeRedo();
      if (!entry) throw new CallFailure('conflict', `There is nothing to ${direction}.`);
      const ops = direction === 'undo' ? entry.inverse : entry.ops;
      return {
        ops: [...ops, ...claimHistoryOps(ctx, ops, direction === 'undo' ? 'undone' : 'redone')],
        result: { label: entry.label, caseId: entry.caseId, state: ctx.undo.state() },
        committed: () => (direction === 'undo' ? ctx.undo.undid(entry) : ctx.undo.redid(entry)),
        aborted: () => ctx.undo.restore(entry, direction),
      };
    })
    .then((outcome) => ({ ...outcome, state: ctx.undo.state() }));
}

export const editHandlers: HandlersFor<'edit:state' | 'edit:undo' | 'edit:redo'> = {
  'edit:state': async (_input, { undo }) => undo.state(),
  'edit:undo': (_input, ctx) => step(ctx, 'undo'),
  'edit:redo': (_input, ctx) => step(ctx, 'redo'),
};
