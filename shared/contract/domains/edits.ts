/** Undo and redo of the session's edits. */
import { z } from 'zod';

export const editInputs = {
  /** What undo and redo would do now. */
  'edit:state': z.object({}).strict(),
  /** Undo the last edit made in this session. */
  'edit:undo': z.object({}).strict(),
  /** Redo the last undone edit. */
  'edit:redo': z.object({}).strict(),
} as const;

export interface EditState {
  undo: string | null;
  redo: string | null;
}

/** What undo or redo did: the label of the edit, and the case it touched. */
export interface EditOutcome {
  label: string;
  caseId: string | null;
  state: EditState;
}
