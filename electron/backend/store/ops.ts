/**
 * The unit of change. Every edit is a list of puts and deletes on named collections,
 * which is what the journal records. Replaying them is generic (by id), so a journal can be
 * applied to a snapshot of any schema version before that snapshot is migrated.
 */
export const COLLECTIONS = [
  'cases',
  'documents',
  'claims',
  'entities',
  'history',
  'links',
  'judgments',
  'briefings',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export interface Identified {
  id: string;
}

export type Op =
  | { type: 'put'; collection: CollectionName; value: Identified }
  | { type: 'delete'; collection: CollectionName; id: string };

/** One journal line: a numbered batch of ops, acknowledged together. */
export interface JournalEntry {
  seq: number;
  ops: Op[];
  /**
   * Where the edit came from when not from this desk: `team`, records pulled from a team
   * database (issue 14), which the sync must not send back as this analyst's edits.
   */
  origin?: EditOrigin;
}

export type EditOrigin = 'local' | 'team';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Applies ops to a raw (not yet validated) snapshot, in place, in O(records + ops).
 * Records without an id and unknown shapes are kept for schema validation to report.
 */
export function applyOpsToRaw(raw: Record<string, unknown>, ops: readonly Op[]): void {
  const touched = new Map<CollectionName, Map<unknown, unknown>>();
  const collection = (name: CollectionName): Map<unknown, unknown> => {
    let byId = touched.get(name);
    if (!byId) {
      const current = raw[name];
      const list: unknown[] = Array.isArray(current) ? current : [];
      // Records with no id keep a key of their own so that validation still sees them.
      byId = new Map(list.map((item, i) => [isRecord(item) ? (item.id ?? i) : i, item]));
      touched.set(name, byId);
    }
    return byId;
  };
  for (const op of ops) {
    if (op.type === 'put') collection(op.collection).set(op.value.id, op.value);
    else collection(op.collection).delete(op.id);
  }
  for (const [name, byId] of touched) raw[name] = [...byId.values()];
}

export { isRecord };
