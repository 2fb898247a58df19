/** What every handler is given: the store, and the few facts of the running host. */
import type { UndoStack } from '../edits/undoStack';
import type { Store } from '../store/store';

export interface HandlerContext {
  store: Store;
  host: 'desktop' | 'web';
  version: string;
  /** The current time, ISO 8601. Injected so tests can pin it. */
  now: () => string;
  newId: () => string;
  /** The analyst's account name on this machine, for the history of each claim. */
  user: string;
  undo: UndoStack;
}
