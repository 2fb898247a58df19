/**
 * A sorted list of small non-negative integers (claim ordinals), 4 bytes each: a term's
 * postings, or the claims of one speaker or outlet. A bit set over 100,000 claims takes
 * 12.5 KB whatever it holds; a speaker quoted 60 times needs 240 bytes here (at 100k claims
 * and 2,500 entities, 40 MB of bit sets became 1 MB). Turned into a bit set when a query
 * combines it with others.
 */
import { BitSet } from './bitset';

export class Postings {
  values = new Int32Array(4);
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
    if (this.length === 0 || (this.values[this.length - 1] ?? 0) < value) {
      if (this.length === this.values.length) this.grow();
      this.values[this.length] = value;
      this.length += 1;
      return;
    }
    const at = this.find(value);
    if (at < this.length && this.values[at] === value) return;
    if (this.length === this.values.length) this.grow();
    this.values.copyWithin(at + 1, at, this.length);
    this.values[at] = value;
    this.length += 1;
  }

  private grow(): void {
    const bigger = new Int32Array(this.values.length * 2);
    bigger.set(this.values);
    this.values = bigger;
  }

  delete(value: number): void {
    const at = this.find(value);
    if (at >= this.length || this.values[at] !== value) return;
    this.values.copyWithin(at, at + 1, this.length);
    this.length -= 1;
    // Shrink what a once-common term no longer needs.
    if (this.values.length > 64 && this.length < this.values.length / 4) {
      this.values = this.values.slice(0, this.values.length / 2);
    }
  }

  addTo(set: BitSet): void {
    for (let i = 0; i < this.length; i++) set.add(this.values[i] ?? 0);
  }

  toBitSet(): BitSet {
    const set = new BitSet(this.length > 0 ? (this.values[this.length - 1] ?? 0) + 1 : 1);
    this.addTo(set);
    return set;
  }
}
