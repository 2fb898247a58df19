/**
 * Finding a claim's quote again in a new snapshot of its document (Hypothesis's approach,
 * after its `match-quote.ts`): same position first, then exact occurrences of the quote,
 * then an approximate search scored on the quote, its prefix and suffix, and its position.
 * A quote that cannot be found well enough is left for the analyst (an orphan).
 *
 * Issue 9: the search starts where the quote is expected (`hint`: reanchorAll.ts follows the
 * shift of the claims placed before it) and looks in a window around it before the whole
 * text; an approximate match is looked for in that window only (in a short text, the whole
 * of it), and must keep some of its context, so a deleted passage is never "found" in a
 * lookalike sentence far away.
 * Issue 12: an approximate match is snapped to whole words and to the quote marks and
 * punctuation the old quote had, so it never cuts a word or takes in a stray mark.
 */
import search from 'approx-string-match';
import type { Anchor } from '../domain/schemas';
import { fewestErrorsWithin } from './fewestErrors';
import { createAnchor, isAnchor } from './textQuote';
import { snapToWords } from './snap';

export type LocateQuality = 'exact' | 'fuzzy';

export type LocateResult = { anchor: Anchor; quality: LocateQuality; score: number } | null;

export interface LocateOptions {
  /**
   * Length of the text the anchor was made against. When given, the old start is scaled
   * by `text.length / previousTextLength` to estimate where the quote should now be;
   * otherwise the old start is used as is. Only breaks ties; it never outweighs context.
   */
  previousTextLength?: number;
  /** Where the quote is expected now, when known better than by scaling (reanchorAll.ts). */
  hint?: number;
}

/** A fuzzy match is accepted only if its quote is at least this similar (1 - errors/length). */
export const MIN_QUOTE_SIMILARITY = 0.75;

/** Upper bound on the edit distance searched for, whatever the quote's length (Hypothesis: 256). */
export const MAX_SEARCH_ERRORS = 256;

/** Text either side of the expected position searched first (plus the quote's length). */
export const SEARCH_WINDOW = 4096;

/** Text either side of the expected position searched approximately before the window. */
const NEAR = 256;

/** Texts up to this length are searched approximately in full when the window finds nothing. */
const SHORT_TEXT = 32 * 1024;

/** Prefixes and suffixes up to this length are scored by `fewestErrorsWithin`. */
const SHORT_CONTEXT = 64;

/** An approximate match must keep at least this much of its prefix or suffix. */
const MIN_CONTEXT_SIMILARITY = 0.5;

// Weights of Hypothesis's `match-quote.ts`.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

const EPSILON = 1e-9;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair in `text`. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** The maximum number of errors searched for, and so accepted, for a quote. */
export function maxErrorsFor(quote: string): number {
  return Math.min(MAX_SEARCH_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
}

/**
 * Similarity in [0, 1] of `str` to the best approximate occurrence of it in `text`
 * (Hypothesis's `textMatchScore`): 1 - edit distance / length.
 */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  if (text === str) return 1;
  // Context as the app makes it (32 characters) by the plain programme; a longer one (an
  // imported annotation may carry any) by the library's bit-parallel search.
  const errors =
    str.length <= SHORT_CONTEXT
      ? fewestErrorsWithin(text, str)
      : (search(text, str, str.length)[0]?.errors ?? str.length);
  return 1 - errors / str.length;
}

interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and `text[start, end)` (an upper bound after widening). */
  errors: number;
}

interface Scored extends Candidate {
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  contextScore: number;
  distance: number;
  score: number;
}

function scoreCandidate(text: string, anchor: Anchor, hint: number, candidate: Candidate): Scored {
  const { prefix, suffix, exact } = anchor;
  const quoteScore = 1 - candidate.errors / exact.length;
  const prefixScore = prefix
    ? textMatchScore(
        text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
        prefix,
      )
    : 1;
  const suffixScore = suffix
    ? textMatchScore(text.slice(candidate.end, candidate.end + suffix.length), suffix)
    : 1;
  const distance = Math.abs(candidate.start - hint);
  const positionScore = Math.max(0, 1 - distance / Math.max(1, text.length));
  const contextScore = PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore;
  const score =
    (QUOTE_WEIGHT * quoteScore + contextScore + POSITION_WEIGHT * positionScore) / MAX_SCORE;
  // Spelled out, not `{ ...candidate, … }`: spreading an object just made is slow in V8 (a
  // seventh of re-anchoring 1,000 claims went to this line).
  const { start, end, errors } = candidate;
  return {
    start,
    end,
    errors,
    quoteScore,
    prefixScore,
    suffixScore,
    contextScore,
    distance,
    score,
  };
}

/** Widens a range so that neither end splits a surrogate pair, counting each widening as an error. */
function onCodePointBoundaries(text: string, candidate: Candidate): Candidate {
  const start = splitsSurrogatePair(text, candidate.start) ? candidate.start - 1 : candidate.start;
  const end = splitsSurrogatePair(text, candidate.end) ? candidate.end + 1 : candidate.end;
  return {
    start,
    end,
    errors: candidate.errors + (candidate.start - start) + (end - candidate.end),
  };
}

/** The result for a chosen range: the anchor rebuilt from the new text, or null if it cannot be. */
function result(text: string, anchor: Anchor, chosen: Scored): LocateResult {
  const rebuilt = createAnchor(text, chosen.start, chosen.end);
  if (!isAnchor(rebuilt)) return null;
  return {
    anchor: rebuilt,
    quality: rebuilt.exact === anchor.exact ? 'exact' : 'fuzzy',
    score: chosen.score,
  };
}

/** Start offsets of every occurrence of `quote` in `text[from, to)`, overlapping ones included. */
function exactOccurrences(text: string, quote: string, from = 0, to = text.length): number[] {
  const starts: number[] = [];
  for (
    let at = text.indexOf(quote, from);
    at !== -1 && at + quote.length <= to;
    at = text.indexOf(quote, at + 1)
  ) {
    starts.push(at);
  }
  return starts;
}

/** The occurrence whose context matches best, the one nearest the expected position among equals. */
function bestExact(
  occurrences: readonly number[],
  score: (c: Candidate) => Scored,
  length: number,
): Scored | undefined {
  let best: Scored | undefined;
  for (const start of occurrences) {
    const scored = score({ start, end: start + length, errors: 0 });
    if (
      best === undefined ||
      scored.contextScore > best.contextScore + EPSILON ||
      (Math.abs(scored.contextScore - best.contextScore) <= EPSILON &&
        scored.distance < best.distance)
    ) {
      best = scored;
    }
  }
  return best;
}

/**
 * Where `anchor`'s quote now sits in `text`, or null when it cannot be found with at least
 * {@link MIN_QUOTE_SIMILARITY} similarity. The returned anchor's `exact` is the text now at
 * its range (never splitting a surrogate pair, a word or a quote mark the old quote did
 * not have), its prefix and suffix are recomputed from `text`. `quality` is 'exact' when that
 * text equals the old quote, 'fuzzy' otherwise; `score` in [0, 1] weighs quote, prefix, suffix
 * and position as Hypothesis does. Offsets are UTF-16 code units.
 */
export function locateAnchor(
  text: string,
  anchor: Anchor,
  options: LocateOptions = {},
): LocateResult {
  const { exact } = anchor;
  if (exact.length === 0 || text.length === 0) return null;

  const previous = options.previousTextLength;
  const hint =
    options.hint ??
    (previous !== undefined && previous > 0
      ? Math.round((anchor.start * text.length) / previous)
      : anchor.start);
  const score = (candidate: Candidate): Scored =>
    scoreCandidate(text, anchor, hint, onCodePointBoundaries(text, candidate));

  // 1. The quote is still where it was, or where it is expected.
  for (const at of new Set([anchor.start, hint])) {
    if (text.slice(at, at + exact.length) === exact) {
      return result(text, anchor, score({ start: at, end: at + exact.length, errors: 0 }));
    }
  }

  // 2. The quote occurs verbatim near where it is expected, else anywhere (a moved passage).
  const from = Math.max(0, hint - SEARCH_WINDOW);
  const to = Math.min(text.length, hint + SEARCH_WINDOW + exact.length);
  const near = bestExact(exactOccurrences(text, exact, from, to), score, exact.length);
  if (near) return result(text, anchor, near);
  const anywhere = bestExact(exactOccurrences(text, exact), score, exact.length);
  if (anywhere) return result(text, anchor, anywhere);

  // 3. Approximate search: right around the expected place, then in the window (in a short
  //    text, all of it). approx-string-match handles patterns longer than its 32-bit word in
  //    blocks, so the quote is searched whole.
  const maxErrors = maxErrorsFor(exact);
  if (maxErrors === 0) return null;
  const [lo, hi] = text.length <= SHORT_TEXT ? [0, text.length] : [from, to];
  const nearLo = Math.max(lo, hint - NEAR);
  const nearHi = Math.min(hi, hint + exact.length + NEAR);
  const close =
    nearHi - nearLo < hi - lo
      ? bestApproximate(text, anchor, maxErrors, nearLo, nearHi, score)
      : null;
  const best = close ?? bestApproximate(text, anchor, maxErrors, lo, hi, score);
  return best === null ? null : result(text, anchor, best);
}

/**
 * The best acceptable approximate match of the quote in `text[lo, hi)`, or null.
 * approx-string-match returns only the matches with the fewest errors in what it searches,
 * so the place searched matters: in a wide window a lookalike with fewer errors but none of
 * the old context hides the reworded passage itself. Searching near the expected place first
 * keeps that passage (and, for 1,000 claims re-anchored, is most of the speed: a reworded
 * quote is found in a few hundred characters instead of eight thousand).
 */
function bestApproximate(
  text: string,
  anchor: Anchor,
  maxErrors: number,
  lo: number,
  hi: number,
  score: (candidate: Candidate) => Scored,
): Scored | null {
  const { exact } = anchor;
  const hasContext = anchor.prefix !== '' || anchor.suffix !== '';
  let best: Scored | null = null;
  for (const match of search(text.slice(lo, hi), exact, maxErrors)) {
    const snapped = snapToWords(
      text,
      lo + match.start,
      lo + match.end,
      exact,
      anchor.prefix.at(-1),
      anchor.suffix[0],
    );
    const scored = score({
      start: snapped.start,
      end: snapped.end,
      errors: match.errors + Math.abs(snapped.end - snapped.start - (match.end - match.start)),
    });
    if (scored.quoteScore < MIN_QUOTE_SIMILARITY) continue;
    // Nothing of the old context left: a lookalike, not the passage itself.
    if (hasContext && Math.max(scored.prefixScore, scored.suffixScore) < MIN_CONTEXT_SIMILARITY)
      continue;
    if (
      best === null ||
      scored.score > best.score + EPSILON ||
      (Math.abs(scored.score - best.score) <= EPSILON && scored.distance < best.distance)
    ) {
      best = scored;
    }
  }
  return best;
}
