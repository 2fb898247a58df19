/**
 * Whether a re-anchored quote still says the same words (issue 12: "nothing tells the
 * analyst that the quoted words changed between versions"). Only letters and digits count:
 * a period moved outside a quote mark, curly for straight marks or re-flowed white space do
 * not change what was said, so they do not ask the analyst to confirm anything.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of `quote`, lower-cased, in order. */
export const wordsOf = (quote: string): string[] =>
  (quote.match(WORD) ?? []).map((w) => w.toLocaleLowerCase());

export function sameWords(a: string, b: string): boolean {
  // Most quotes of a new version are found as they were: no need to split them into words.
  if (a === b) return true;
  const x = wordsOf(a);
  const y = wordsOf(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}
