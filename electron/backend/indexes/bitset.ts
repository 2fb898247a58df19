/**
 * A growable set of small non-negative integers (claim ordinals), one bit each. Filters and
 * searches over 100,000 claims combine as word-wide ANDs and ORs (a few thousand 32-bit words)
 * and read a window of results in order without sorting anything (issue 9: "search answers
 * from an index in a frame at 100k").
 */
export class BitSet {
  words: Uint32Array;

  constructor(capacityBits = 1024) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacityBits / 32)));
  }

  static from(values: Iterable<number>): BitSet {
    const set = new BitSet();
    for (const value of values) set.add(value);
    return set;
  }

  private grow(bit: number): void {
    const needed = (bit >>> 5) + 1;
    if (needed <= this.words.length) return;
    const next = new Uint32Array(Math.max(needed, this.words.length * 2));
    next.set(this.words);
    this.words = next;
  }

  add(bit: number): void {
    this.grow(bit);
    const i = bit >>> 5;
    this.words[i] = (this.words[i] ?? 0) | (1 << (bit & 31));
  }

  /**
   * Adds the first `length` of `values`, sorted ascending: one check of the room for the
   * largest instead of one per value (a common term adds tens of thousands at 100k claims).
   */
  addSorted(values: ArrayLike<number>, length: number): void {
    if (length === 0) return;
    this.grow(values[length - 1] ?? 0);
    const words = this.words;
    for (let k = 0; k < length; k++) {
      const bit = values[k] ?? 0;
      const i = bit >>> 5;
      words[i] = (words[i] ?? 0) | (1 << (bit & 31));
    }
  }

  delete(bit: number): void {
    const i = bit >>> 5;
    if (i >= this.words.length) return;
    this.words[i] = (this.words[i] ?? 0) & ~(1 << (bit & 31));
  }

  has(bit: number): boolean {
    const i = bit >>> 5;
    return i < this.words.length && ((this.words[i] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  clone(): BitSet {
    const copy = new BitSet(0);
    copy.words = this.words.slice();
    return copy;
  }

  /** this ∧= other. */
  and(other: BitSet): this {
    const n = this.words.length;
    const o = other.words;
    for (let i = 0; i < n; i++)
      this.words[i] = (this.words[i] ?? 0) & (i < o.length ? (o[i] ?? 0) : 0);
    return this;
  }

  /** this ∨= other. */
  or(other: BitSet): this {
    if (other.words.length > this.words.length) this.grow(other.words.length * 32 - 1);
    const o = other.words;
    for (let i = 0; i < o.length; i++) this.words[i] = (this.words[i] ?? 0) | (o[i] ?? 0);
    return this;
  }

  /** this ∧= ¬other. */
  andNot(other: BitSet): this {
    const n = Math.min(this.words.length, other.words.length);
    for (let i = 0; i < n; i++) this.words[i] = (this.words[i] ?? 0) & ~(other.words[i] ?? 0);
    return this;
  }

  get size(): number {
    let count = 0;
    for (const word of this.words) count += popcount(word);
    return count;
  }

  /** True when nothing is set. */
  get empty(): boolean {
    return this.words.every((w) => w === 0);
  }

  /**
   * Up to `limit` set bits in ascending order, skipping the first `skip` of them. The words
   * before the window are skipped by their counts, not bit by bit.
   */
  window(skip: number, limit: number): number[] {
    const out: number[] = [];
    let toSkip = skip;
    for (let i = 0; i < this.words.length && out.length < limit; i++) {
      let word = this.words[i] ?? 0;
      if (word === 0) continue;
      const count = popcount(word);
      if (toSkip >= count) {
        toSkip -= count;
        continue;
      }
      while (word !== 0 && out.length < limit) {
        const low = word & -word;
        if (toSkip > 0) toSkip -= 1;
        else out.push(i * 32 + 31 - Math.clz32(low));
        word ^= low;
      }
    }
    return out;
  }

  /** How many set bits are below `bit`: its place among them, if it is set. */
  rank(bit: number): number {
    const last = bit >>> 5;
    let count = 0;
    for (let i = 0; i < last && i < this.words.length; i++) count += popcount(this.words[i] ?? 0);
    const below =
      (bit & 31) === 0 ? 0 : (this.words[last] ?? 0) & (0xffffffff >>> (32 - (bit & 31)));
    return count + popcount(below);
  }

  /** Every set bit in ascending order. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.words.length; i++) {
      let word = this.words[i] ?? 0;
      while (word !== 0) {
        const low = word & -word;
        yield i * 32 + 31 - Math.clz32(low);
        word ^= low;
      }
    }
  }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
