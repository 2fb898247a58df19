/**
 * An inverted index from terms to small integers (claim ordinals, entity or document
 * numbers), updated per record as records change (issue 9: "search index (updated per edit)").
 *
 * - Each term's postings are a sorted Int32Array: 4 bytes per occurrence, an insert or a
 *   delete moves at most that one list.
 * - The terms are also kept sorted, so a prefix ("galeo") is one binary search and a range.
 * - Prefixes of one and two letters match too many terms to merge at every keystroke: each
 *   has a bit set of its own, kept up to date per record, so "g" costs one copy.
 * - A term of five letters or more also matches terms one typo away ("zakarova").
 */
import { withinOneEdit } from '../../../shared/search/terms';
import { BitSet } from './bitset';

class Postings {
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
    const at = this.find(value);
    if (at < this.length && this.values[at] === value) return;
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values.copyWithin(at + 1, at, this.length);
    this.values[at] = value;
    this.length += 1;
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
}

export interface MatchOptions {
  /** The term may be the start of a longer one (what is being typed). */
  prefix: boolean;
}

export class TermIndex {
  private readonly postings = new Map<string, Postings>();
  /** Every term with postings, sorted, for prefix ranges. */
  private readonly sorted: string[] = [];
  private readonly short = new Map<string, BitSet>();

  /** `before` and `after`: the record's terms before and after the change (empty: none). */
  update(value: number, before: ReadonlySet<string>, after: ReadonlySet<string>): void {
    for (const term of before) {
      if (after.has(term)) continue;
      const list = this.postings.get(term);
      if (!list) continue;
      list.delete(value);
      if (list.length === 0) {
        this.postings.delete(term);
        const at = this.position(term);
        if (this.sorted[at] === term) this.sorted.splice(at, 1);
      }
    }
    for (const term of after) {
      if (before.has(term)) continue;
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
        this.sorted.splice(this.position(term), 0, term);
      }
      list.add(value);
    }
    const shortBefore = shortPrefixes(before);
    const shortAfter = shortPrefixes(after);
    for (const prefix of shortBefore) {
      if (!shortAfter.has(prefix)) this.short.get(prefix)?.delete(value);
    }
    for (const prefix of shortAfter) {
      let set = this.short.get(prefix);
      if (!set) {
        set = new BitSet();
        this.short.set(prefix, set);
      }
      set.add(value);
    }
  }

  /** The values whose terms match `term` (a normalised query term). */
  match(term: string, options: MatchOptions): BitSet {
    const out = new BitSet();
    if (!term) return out;
    if (options.prefix && [...term].length <= 2) {
      const set = this.short.get(term);
      return set ? set.clone() : out;
    }
    if (options.prefix) {
      for (let i = this.position(term); i < this.sorted.length; i++) {
        const candidate = this.sorted[i] ?? '';
        if (!candidate.startsWith(term)) break;
        this.postings.get(candidate)?.addTo(out);
      }
    } else {
      this.postings.get(term)?.addTo(out);
    }
    if (term.length >= 5) this.addTypos(term, options.prefix, out);
    return out;
  }

  get termCount(): number {
    return this.postings.size;
  }

  /** Terms one edit from `term` (or, for a prefix, whose start is), sharing its first letter. */
  private addTypos(term: string, prefix: boolean, out: BitSet): void {
    const first = term[0] ?? '';
    for (let i = this.position(first); i < this.sorted.length; i++) {
      const candidate = this.sorted[i] ?? '';
      if (!candidate.startsWith(first)) break;
      const close = prefix
        ? [term.length - 1, term.length, term.length + 1].some((n) =>
            withinOneEdit(term, candidate.slice(0, n)),
          )
        : withinOneEdit(term, candidate);
      if (close) this.postings.get(candidate)?.addTo(out);
    }
  }

  private position(term: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] ?? '') < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function shortPrefixes(terms: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const term of terms) {
    const chars = [...term];
    if (chars[0]) out.add(chars[0]);
    if (chars.length >= 2) out.add(`${chars[0] ?? ''}${chars[1] ?? ''}`);
  }
  return out;
}
