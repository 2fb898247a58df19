/**
 * The merge rule of team cases (docs/team-sync.md): a local edit, made on `base`, meets the
 * record as the team database has it now (`current`). Fields are compared one by one, so edits
 * to different fields of one record both survive; the same field changed on both sides to
 * different values keeps the value that reached the database first, and the other is filed as
 * a conflict for the analysts to pick or merge. Deletes against edits are conflicts too.
 */
export type JsonRecord = Record<string, unknown>;

export type ConflictKind = 'fields' | 'deleted-edited' | 'edited-deleted';

export interface MergeConflict {
  kind: ConflictKind;
  /** The fields both sides changed (empty for a delete against an edit). */
  fields: string[];
  /** What the database keeps: the fields' values, or the whole record (null: deleted). */
  kept: JsonRecord | null;
  /** What lost: the local fields' values, or the whole record (null: the delete). */
  proposed: JsonRecord | null;
}

export interface MergeResult {
  /** The record the database holds after the push (null: deleted). */
  value: JsonRecord | null;
  /** Whether the database row must be written (its value changed). */
  write: boolean;
  conflict: MergeConflict | null;
}

/** Changes with every edit, so it never counts as a field both sides changed. */
const IGNORED = new Set(['updatedAt']);

/** Structural equality of JSON values (jsonb does not keep key order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const left = a as JsonRecord;
  const right = b as JsonRecord;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => sameJson(left[k], right[k]));
}

const later = (a: unknown, b: unknown): unknown =>
  typeof a === 'string' && typeof b === 'string' ? (a > b ? a : b) : (b ?? a);

/**
 * Merges one local edit into the database's record.
 * - `base`: the record before the first local edit not yet pushed; null when the record is new
 *   here, `undefined` when not known (an edit read back from the journal after a crash: every
 *   field that differs then counts as changed on both sides).
 * - `local`: the record now (null: deleted here). `current`: the database's row (null: a
 *   tombstone, undefined: no row).
 */
export function mergeRecord(
  base: JsonRecord | null | undefined,
  local: JsonRecord | null,
  current: JsonRecord | null | undefined,
): MergeResult {
  // Nobody else touched it since the base: the local edit goes in as it is.
  if (current === undefined || (base !== undefined && sameJson(base, current))) {
    if (local === null && (current === undefined || current === null)) {
      return { value: null, write: false, conflict: null };
    }
    return { value: local, write: !sameJson(local, current ?? null), conflict: null };
  }
  if (local === null) {
    // Deleted here: already deleted there, or the other side edited it since.
    if (current === null) return { value: null, write: false, conflict: null };
    return {
      value: current,
      write: false,
      conflict: { kind: 'deleted-edited', fields: [], kept: current, proposed: null },
    };
  }
  if (current === null) {
    // A record made here (no base) over a tombstone brings it back: it is a new record.
    if (base === null) return { value: local, write: true, conflict: null };
    return {
      value: null,
      write: false,
      conflict: { kind: 'edited-deleted', fields: [], kept: null, proposed: local },
    };
  }
  const merged: JsonRecord = { ...current };
  const lost: string[] = [];
  const keys = new Set([...Object.keys(local), ...Object.keys(current)]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const mine = local[key];
    const theirs = current[key];
    if (sameJson(mine, theirs)) continue;
    const before = base ? base[key] : undefined;
    const changedHere = base === undefined || base === null || !sameJson(before, mine);
    const changedThere = base === undefined || base === null || !sameJson(before, theirs);
    if (changedHere && !changedThere) merged[key] = mine;
    else if (changedHere && changedThere) lost.push(key);
  }
  for (const key of IGNORED) {
    if (key in local || key in current) merged[key] = later(current[key], local[key]);
  }
  const conflict: MergeConflict | null =
    lost.length === 0
      ? null
      : {
          kind: 'fields',
          fields: lost.sort(),
          kept: Object.fromEntries(lost.map((k) => [k, current[k] ?? null])),
          proposed: Object.fromEntries(lost.map((k) => [k, local[k] ?? null])),
        };
  return { value: merged, write: !sameJson(merged, current), conflict };
}
