/** The ops that take the store back from after `ops` to before them. */
import type { Op } from '../store/ops';
import type { Store } from '../store/store';
import { sameJson } from '../team/merge';

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

/**
 * The ops of an undo (or redo) laid over the records as they are now: a record changed by the
 * step gets back only the fields the step changed, so a field someone else changed meanwhile
 * (a teammate's edit pulled from the team database, issue 14) is kept. `counterpart` is the
 * other side of the step (the edit's ops for an undo, its inverse for a redo). Creations and
 * deletions stay whole.
 */
export function overCurrent(store: Store, ops: readonly Op[], counterpart: readonly Op[]): Op[] {
  const other = new Map<string, Op>();
  for (const op of counterpart) {
    other.set(`${op.collection}/${op.type === 'put' ? op.value.id : op.id}`, op);
  }
  return ops.map((op) => {
    if (op.type !== 'put' || op.collection === 'history') return op;
    const pair = other.get(`${op.collection}/${op.value.id}`);
    const current = store.get(op.collection, op.value.id) as Record<string, unknown> | undefined;
    if (pair?.type !== 'put' || !current) return op;
    const target = op.value as unknown as Record<string, unknown>;
    const was = pair.value as unknown as Record<string, unknown>;
    const value: Record<string, unknown> = { ...current };
    for (const key of new Set([...Object.keys(target), ...Object.keys(was)])) {
      if (sameJson(target[key], was[key])) continue;
      if (target[key] === undefined) delete value[key];
      else value[key] = target[key];
    }
    return { ...op, value: value as unknown as typeof op.value };
  });
}
