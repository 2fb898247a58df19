/** The ops that take the store back from after `ops` to before them. */
import type { Op } from '../store/ops';
import type { Store } from '../store/store';

export function invertOps(store: Store, ops: readonly Op[]): Op[] {
  // Replayed in reverse, each op's inverse restores the record as it was before that op;
  // a record touched twice in one edit is seen in its state before the whole edit. History
  // only grows (an undo adds its own entries), so its ops have no inverse.
  const before = new Map<string, Op>();
  for (const op of ops) {
    if (op.collection === 'history') continue;
    const id = op.type === 'put' ? op.value.id : op.id;
    const key = `${op.collection}/${id}`;
    if (before.has(key)) continue;
    const previous = store.get(op.collection, id);
    before.set(
      key,
      previous
        ? { type: 'put', collection: op.collection, value: previous }
        : { type: 'delete', collection: op.collection, id },
    );
  }
  return [...before.values()];
}
