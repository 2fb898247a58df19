/**
 * Changes to a note's claim order, each named by claim rather than by position, so that one
 * change can be applied both to the order on screen and to the note as last saved. An order
 * moved on by an edit still on its way (a claim added a moment before) keeps that edit.
 */
export type OrderEdit = (ids: readonly string[]) => string[];

function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Moves `id` by `delta` places (−1 up, +1 down); at either end, or if gone, nothing moves. */
export const moveBy =
  (id: string, delta: number): OrderEdit =>
  (ids) => {
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return [...ids];
    return moveItem(ids, from, to);
  };

/** Moves `id` to where `targetId` is (a row dropped on another row). */
export const moveOnto =
  (id: string, targetId: string): OrderEdit =>
  (ids) => {
    const from = ids.indexOf(id);
    const to = ids.indexOf(targetId);
    if (from < 0 || to < 0) return [...ids];
    return moveItem(ids, from, to);
  };

/** Takes `id` out of the note. */
export const without =
  (id: string): OrderEdit =>
  (ids) =>
    ids.filter((x) => x !== id);
