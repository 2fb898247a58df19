/**
 * The claims still to load after open (openStore.ts), read, checked and parsed in the
 * background a bucket at a time and put in memory a slice per turn of the event loop, so
 * that calls are answered while 100,000 claims load (issue 9: "open in a second, never a
 * stall"). The case the UI asks for goes first, so its list fills before the rest has loaded.
 *
 * A bucket is checked against its checksum when it is read, as at open: a damaged one stops
 * the loading, and `ready` rejects with the StoreError that sends the app to recovery. No
 * edit has run by then (edits wait for `ready`), so nothing is written on top of the damage.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SegmentRef } from './manifest';
import { parseBucketKey } from './layout';

/** A segment read from disk and checked against its checksum. */
export interface LoadedSegment {
  ref: SegmentRef;
  bytes: Buffer;
}

/**
 * Records are put in memory in small slices until this much time has gone in one turn of the
 * event loop; then calls waiting meanwhile are answered. A fixed count of records per turn
 * held each call up for the whole count (20 ms and more a turn for claims with long texts),
 * and a page asks several calls in a row as it opens.
 */
const TURN_BUDGET_MS = 4;
const RECORDS_PER_SLICE = 25;

export class LoadQueue {
  private readonly first: string[] = [];
  private readonly byCase = new Map<string, SegmentRef[]>();
  /** The case whose bucket is being put in memory now. */
  private active: string | null = null;
  /** Calls waiting for more claims of a case to be in memory. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private ended = false;

  constructor(refs: readonly SegmentRef[]) {
    for (const ref of refs) {
      const group = groupOf(ref);
      const list = this.byCase.get(group) ?? [];
      list.push(ref);
      this.byCase.set(group, list);
    }
    for (const list of this.byCase.values()) {
      list.sort((a, b) => (parseBucketKey(a.key)?.n ?? 0) - (parseBucketKey(b.key)?.n ?? 0));
    }
  }

  /** Moves a case to the front. */
  prioritize(caseId: string): void {
    if (this.byCase.has(caseId) && this.first[0] !== caseId) this.first.unshift(caseId);
  }

  /** True once every claim of the case is in memory. */
  done(caseId: string): boolean {
    return !this.byCase.has(caseId) && this.active !== caseId;
  }

  /** The next bucket to load; its case counts as loading until `settled`. */
  next(): SegmentRef | null {
    const caseId = this.first.find((id) => this.byCase.has(id)) ?? this.byCase.keys().next().value;
    if (caseId === undefined) return null;
    const list = this.byCase.get(caseId) ?? [];
    const ref = list.shift() ?? null;
    if (list.length === 0) this.byCase.delete(caseId);
    this.active = caseId;
    return ref;
  }

  /** The bucket `next` gave is in memory. */
  settled(): void {
    const caseId = this.active;
    this.active = null;
    if (caseId !== null) this.wake(caseId);
  }

  /** Part of the bucket `next` gave is in memory: whoever waits for its case goes on. */
  partly(): void {
    if (this.active !== null) this.wake(this.active);
  }

  /**
   * Settles once more claims of the case are in memory (true), or at once with false when
   * none will come: the case is loaded, or the loading has ended.
   */
  moreOf(caseId: string): Promise<boolean> {
    if (this.ended || this.done(caseId)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const list = this.waiting.get(caseId) ?? [];
      list.push(() => resolve(true));
      this.waiting.set(caseId, list);
    });
  }

  /** The loading has ended, done or stopped: no one waits any longer. */
  finished(): void {
    this.ended = true;
    for (const caseId of [...this.waiting.keys()]) this.wake(caseId);
  }

  private wake(caseId: string): void {
    const list = this.waiting.get(caseId);
    this.waiting.delete(caseId);
    for (const resolve of list ?? []) resolve();
  }
}

const groupOf = (ref: SegmentRef): string => parseBucketKey(ref.key)?.group ?? '-';

export interface BackgroundLoad {
  queue: LoadQueue;
  /** Settles once every bucket is in memory; rejects with what stopped the loading. */
  done: Promise<void>;
}

/**
 * Loads `refs` through `read` (which checks the checksum), `parse` and `absorb`, a slice of
 * records per turn, once `after` has settled; `onRecords` counts the progress.
 */
export function loadInBackground(
  refs: readonly SegmentRef[],
  read: (ref: SegmentRef) => Promise<LoadedSegment>,
  absorb: (ref: SegmentRef, records: readonly { id: string }[], from: number, to: number) => void,
  parse: (segment: LoadedSegment) => readonly { id: string }[],
  onRecords: (n: number) => void,
  after?: Promise<unknown>,
): BackgroundLoad {
  const queue = new LoadQueue(refs);
  const done = (async () => {
    // Let open return and the first calls in before any loading work.
    await after?.catch(() => undefined);
    await nextTurn();
    // The next bucket is read while this one is put in memory; a failed read is thrown where
    // it is awaited, not reported as unhandled while the loop waits for its turn.
    const readAhead = (next: SegmentRef | null) => {
      const reading = next ? read(next) : null;
      reading?.catch(() => undefined);
      return reading;
    };
    let ref = queue.next();
    let reading = readAhead(ref);
    while (ref && reading) {
      const segment = await reading;
      let turnStarted = performance.now();
      const records = parse(segment);
      for (let from = 0; from < records.length; from += RECORDS_PER_SLICE) {
        const to = Math.min(records.length, from + RECORDS_PER_SLICE);
        absorb(ref, records, from, to);
        onRecords(to - from);
        if (to < records.length && performance.now() - turnStarted >= TURN_BUDGET_MS) {
          queue.partly();
          await nextTurn();
          turnStarted = performance.now();
        }
      }
      queue.settled();
      // The case asked for meanwhile goes next.
      ref = queue.next();
      reading = readAhead(ref);
      await nextTurn();
    }
  })().finally(() => queue.finished());
  return { queue, done };
}
