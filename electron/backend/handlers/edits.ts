/** Undo and redo of the session's edits (issue 3: "App-wide undo/redo of every edit"). */
import { stepEdit } from '../edits/applyEdit';
import type { HandlersFor } from './types';

export const editHandlers: HandlersFor<'edit:state' | 'edit:undo' | 'edit:redo'> = {
  'edit:state': async (_input, { undo }) => undo.state(),
  'edit:undo': (_input, ctx) => stepEdit(ctx, 'undo'),
  'edit:redo': (_input, ctx) => stepEdit(ctx, 'redo'),
};
