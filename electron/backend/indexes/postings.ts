/**
 * A sorted list of small non-negative integers (claim ordinals), 4 bytes each once it is
 * long (below): a term's postings, or the claims of one speaker or outlet. A bit set over 100,000 claims takes
 * 12.5 KB whatever it holds; a speaker quoted 60 times needs 240 bytes here (at 100k claims
 * and 2,500 entities, 40 MB of bit sets became 1 MB). Turned into a bit set when a query
 * combines it with others.
 *
 * Short lists are plain arrays, exactly as long as they are: a typed array costs about 220
 * bytes of objects (the view, its buffer, its elements) before its first value, against 72
 * for a plain array of three. Most terms are short: at 100k claims, 82,000 terms held 16
 * values or fewer, and their typed arrays were about 18 MB of the web host's heap.
 */
import { BitSet } from './bitset';

/** Values a list holds as a plain array before it becomes a typed array. */
const SHORT = 16;

export class Postings {
  /** Sorted. A plain array of exactly `length` values while short, then a typed array with room. */
  values: number[] | Int32Array = [];
  length = 0;

  private find(value: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(value: number): void {
    // Records load and are created in ordinal order: most adds go at the end.
    const atEnd = this.length === 0 || (this.values[this.length - 1] ?? 0) < value;
    const at = atEnd ? this.length : this.find(value);
    if (!atEnd && this.values[at] === value) return;
    const values = this.values;
    if (Array.isArray(values)) {
      if (this.length < SHORT) {
        // `concat` and `slice` allocate exactly what they hold; `push` and `splice` leave room.
        this.values = atEnd
          ? values.concat(value)
          : values.slice(0, at).concat(value, values.slice(at));
        this.length += 1;
        return;
      }
      this.values = Int32Array.from(values);
      this.grow();
    } else if (this.length === values.length) {
      this.grow();
    }
    const typed = this.values as Int32Array;
    if (!atEnd) typed.copyWithin(at + 1, at, this.length);
    typed[at] = value;
    this.length += 1;
  }

  private grow(): void {
    const bigger = new Int32Array(Math.max(this.values.length * 2, SHORT * 2));
    bigger.set(this.values);
    this.values = bigger;
  }

  delete(value: number): void {
    const at = this.find(value);
    if (at >= this.length || this.values[at] !== value) return;
    const values = this.values;
    if (Array.isArray(values)) {
      values.splice(at, 1);
    } else {
      values.copyWithin(at, at + 1, this.length);
      // Shrink what a once-common term no longer needs.
      if (values.length > 64 && this.length - 1 < values.length / 4) {
        this.values = values.slice(0, values.length / 2);
      }
    }
    this.length -= 1;
  }

  /**
   * Gives back the room a long list grew into (up to half of it, doubling as it grew). Done
   * once the store has loaded: the lists of common terms grew to hold every claim that uses
   * them, and keep their size until the next edit that needs more.
   */
  trim(): void {
    const values = this.values;
    if (Array.isArray(values) || values.length - this.length < 64) return;
    this.values = values.slice(0, this.length);
  }

  addTo(set: BitSet): void {
    set.addSorted(this.values, this.length);
  }

  toBitSet(): BitSet {
    const set = new BitSet(this.length > 0 ? (this.values[this.length - 1] ?? 0) + 1 : 1);
    this.addTo(set);
    return set;
  }
}
