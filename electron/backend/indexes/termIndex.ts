/**
 * An inverted index from terms to small integers (claim ordinals, entity or document
 * numbers), updated per record as records change (issue 9: "search index (updated per edit)").
 *
 * - Each term's postings are a sorted list (`Postings`: a plain array while short, then an
 *   Int32Array, 4 bytes per occurrence); an insert or a delete moves at most that one list.
 * - The terms are also kept sorted, so a prefix ("galeo") is one binary search and a range.
 *   New terms are set aside, looked through unsorted while they are few, and merged in by
 *   the first search that finds many: a store opening with 80,000 distinct terms sorts once
 *   instead of moving the list per term, or at every keystroke while it loads.
 * - Prefixes of one and two letters match too many terms to merge at every keystroke: each
 *   has a bit set of its own, kept up to date per record, so "g" costs one copy.
 * - A term of five letters or more also matches terms one typo away ("zakarova").
 */
import { withinOneEdit } from '../../../shared/search/terms';
import { BitSet } from './bitset';
import { Postings } from './postings';

/** Terms added since the last settle that `match` looks through unsorted (see `match`). */
const SETTLE_AFTER = 2048;

/** Answers of `match` kept at most (a bit set each, 12.5 KB at 100,000 claims). */
const KEPT_ANSWERS = 64;

export interface MatchOptions {
  /** The term may be the start of a longer one (what is being typed). */
  prefix: boolean;
}

export class TermIndex {
  private readonly postings = new Map<string, Postings>();
  /** Every term with postings, sorted, for prefix ranges (see `settle`). */
  private sorted: string[] = [];
  /** Terms added since the last settle, not yet in `sorted`. */
  private added: string[] = [];
  /** Some term of `sorted` may have lost its last posting since the last settle. */
  private emptied = false;
  private readonly short = new Map<string, BitSet>();
  /**
   * The answers of `match` since the last change, by term. A search of several words
   * matched every earlier word again at each keystroke, and each page scrolled to and each
   * refresh asks the same words again; a word of five letters or more scans every term that
   * starts with its letter for typos (2–3 ms at 100k claims).
   */
  private readonly answers = new Map<string, BitSet>();

  /** `before` and `after`: the record's terms before and after the change (empty: none). */
  update(value: number, before: ReadonlySet<string>, after: ReadonlySet<string>): void {
    this.answers.clear();
    for (const term of before) {
      if (after.has(term)) continue;
      const list = this.postings.get(term);
      if (!list) continue;
      list.delete(value);
      if (list.length === 0) {
        this.postings.delete(term);
        this.emptied = true;
      }
    }
    for (const term of after) {
      if (before.has(term)) continue;
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
        this.added.push(term);
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
    const key = `${options.prefix ? 'start' : 'word'}:${term}`;
    // A copy each time: callers combine the answer in place.
    const kept = this.answers.get(key);
    if (kept) return kept.clone();
    // Few terms added since the last settle are looked through as they are; many are merged
    // in first. While a large case loads, thousands of terms come between two keystrokes, and
    // merging them into 80,000 sorted terms at each key took about 12 ms of the host.
    if (this.added.length > Math.max(SETTLE_AFTER, this.sorted.length / 8)) this.settle();
    if (options.prefix) {
      for (let i = this.position(term); i < this.sorted.length; i++) {
        const candidate = this.sorted[i] ?? '';
        if (!candidate.startsWith(term)) break;
        this.postings.get(candidate)?.addTo(out);
      }
      // A term may be in both lists (emptied, then added again): adding it twice is harmless.
      for (const candidate of this.added) {
        if (candidate.startsWith(term)) this.postings.get(candidate)?.addTo(out);
      }
    } else {
      this.postings.get(term)?.addTo(out);
    }
    if (term.length >= 5) this.addTypos(term, options.prefix, out);
    if (this.answers.size >= KEPT_ANSWERS) this.answers.clear();
    this.answers.set(key, out.clone());
    return out;
  }

  get termCount(): number {
    return this.postings.size;
  }

  /**
   * Brings `sorted` up to date (done by a search that finds many terms set aside, and after
   * the claims have loaded so that the first search after open does not sort 80,000 terms):
   * the terms added since are sorted and merged in, the emptied ones dropped. Linear in the
   * terms, once per many new terms rather than per term.
   */
  settle(): void {
    if (this.added.length === 0 && !this.emptied) return;
    const added = [...new Set(this.added)].filter((t) => this.postings.has(t)).sort();
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    const old = this.sorted;
    while (i < old.length || j < added.length) {
      const a = old[i];
      const b = added[j];
      let next: string;
      if (b === undefined || (a !== undefined && a <= b)) {
        next = a ?? '';
        i += 1;
        if (b !== undefined && a === b) j += 1;
      } else {
        next = b;
        j += 1;
      }
      if (this.postings.has(next)) merged.push(next);
    }
    this.sorted = merged;
    this.added = [];
    this.emptied = false;
  }

  /** Once the store has loaded: `settle`, and each list gives back the room it grew into. */
  compact(): void {
    this.settle();
    for (const list of this.postings.values()) list.trim();
  }

  /**
   * Terms one edit from `term` (or, for a prefix, whose start is), sharing its first letter.
   * For a prefix, whether a term is close depends only on its first `term.length + 1`
   * letters, and sorted terms sharing them are neighbours: each run of them is checked once
   * ("sanction", "sanctioned", "sanctions" … one check for "sanctio"), not every term.
   */
  private addTypos(term: string, prefix: boolean, out: BitSet): void {
    const first = term[0] ?? '';
    const span = term.length + 1;
    const close = (candidate: string): boolean =>
      prefix
        ? [span - 2, span - 1, span].some((n) => withinOneEdit(term, candidate.slice(0, n)))
        : withinOneEdit(term, candidate);
    for (let i = this.position(first); i < this.sorted.length;) {
      const candidate = this.sorted[i] ?? '';
      if (!candidate.startsWith(first)) break;
      // A whole word is checked term by term. A prefix's run: a term shorter than it is a run
      // of its own; the others end where the sorted terms stop starting with it (U+FFFF sorts
      // after any other code unit; a term holding one, were there such, would only be checked
      // again, never skipped or looped on).
      const run = prefix ? candidate.slice(0, span) : candidate;
      const end =
        !prefix || run.length < span ? i + 1 : Math.max(i + 1, this.position(`${run}\uffff`));
      if (close(run)) {
        for (let k = i; k < end; k++) this.postings.get(this.sorted[k] ?? '')?.addTo(out);
      }
      i = end;
    }
    for (const candidate of this.added) {
      if (candidate.startsWith(first) && close(candidate)) this.postings.get(candidate)?.addTo(out);
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

/** The first one and two characters (code points, not halves of a surrogate pair) of each term. */
function shortPrefixes(terms: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const term of terms) {
    const first = term.codePointAt(0);
    if (first === undefined) continue;
    const one = first > 0xffff ? 2 : 1;
    out.add(term.slice(0, one));
    const second = term.codePointAt(one);
    if (second !== undefined) out.add(term.slice(0, one + (second > 0xffff ? 2 : 1)));
  }
  return out;
}
