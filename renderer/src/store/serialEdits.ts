/**
 * Edits of one record, one after another. A change that depends on the record (remove one claim
 * from a judgment's basis, add one claim to a note) must be worked out from the record as it is
 * once the edits before it are saved, not from what the screen showed when the button was
 * clicked: two quick clicks would otherwise each start from the same old list, and the second
 * save would undo the first.
 */
export type SerialEdits = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createSerialEdits(): SerialEdits {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    // A failed edit must not stop the ones after it: each reads the record afresh.
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}
