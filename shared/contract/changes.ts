/**
 * What changed in the backend since a version a view has seen (issue 9: the renderer
 * "receives what changed"). Ids only: a view re-asks for what it shows among them.
 */
export type ChangedCollection =
  'cases' | 'documents' | 'claims' | 'entities' | 'links' | 'judgments' | 'briefings';

export interface ChangeSet {
  /** The backend's run: a view that saw another one reloads everything. */
  epoch: string;
  /** The version these changes bring the view to. */
  version: number;
  /** Too much changed, or too long ago: reload what is shown. */
  reset: boolean;
  /** The cases whose records changed. */
  cases: string[];
  /** The ids touched, by collection (put or deleted: a view asks again for the ones it shows). */
  records: Partial<Record<ChangedCollection, string[]>>;
  /** Claims whose score may have changed (a grade or a link elsewhere moved it). */
  scores: string[];
}
