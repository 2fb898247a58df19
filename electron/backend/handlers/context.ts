/** What every handler is given: the store, its indexes, and the few facts of the running host. */
import type { UndoStack } from '../edits/undoStack';
import type { Indexes } from '../indexes/indexes';
import type { JobRunner } from '../jobs/jobRunner';
import type { Store } from '../store/store';
import type { SuggestRunner } from '../suggestions/runner';
import type { TeamSync } from '../team/teamSync';
import type { Uploads } from '../uploads';

export interface HandlerContext {
  store: Store;
  /** Everything derived from the records, kept per edit (../indexes). */
  ix: Indexes;
  host: 'desktop' | 'web';
  version: string;
  /** The current time, ISO 8601. Injected so tests can pin it. */
  now: () => string;
  newId: () => string;
  /** The analyst's account name on this machine, for the history of each claim. */
  user: string;
  undo: UndoStack;
  jobs: JobRunner;
  uploads: Uploads;
  /** The claim extractor, its results kept per text (issue 13). */
  suggest: SuggestRunner;
  /** Team cases: the sync with team databases (issue 14). */
  team: TeamSync;
}
