/**
 * App-wide undo and redo (issue 3). Every edit a user makes is kept with the ops that undo
 * it, computed against the state it changed. The stacks live for the session, as in any
 * desktop editor; the history of each claim is what is kept for good.
 */
import type { EditState } from '../../../shared/contract/channels';
import type { Op } from '../store/ops';

export interface UndoEntry {
  label: string;
  caseId: string | null;
  ops: Op[];
  inverse: Op[];
}

const LIMIT = 500;

export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  /** A new edit: it can be undone, and what was undone before can no longer be redone. */
  record(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
  }

  takeUndo(): UndoEntry | undefined {
    return this.done.pop();
  }

  takeRedo(): UndoEntry | undefined {
    return this.undone.pop();
  }

  /** After an undo succeeded. */
  undid(entry: UndoEntry): void {
    this.undone.push(entry);
  }

  /** After a redo succeeded. */
  redid(entry: UndoEntry): void {
    this.done.push(entry);
  }

  /** Puts an entry back where it was taken from when applying it failed. */
  restore(entry: UndoEntry, from: 'undo' | 'redo'): void {
    (from === 'undo' ? this.done : this.undone).push(entry);
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  state(): EditState {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
}
