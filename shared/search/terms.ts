/**
 * The words a text is found by: lower case, accents stripped, split on anything that is not
 * a letter or a digit ("Zakharova's" → "zakharova", "s"; "Захарова" stays Cyrillic).
 * Scripts written without spaces (Chinese, Japanese, Korean) are split into characters, so
 * a name inside a sentence can still be found. Used by the backend's index and by the UI to
 * mark what matched, so both read a query the same way.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The terms of `text`, in order, repeats included. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    // A run mixing scripts: Latin parts stay words, each CJK character is a term.
    let latin = '';
    for (const char of word) {
      if (CJK.test(char)) {
        if (latin) out.push(latin);
        latin = '';
        out.push(char);
      } else {
        latin += char;
      }
    }
    if (latin) out.push(latin);
  }
  return out;
}

/** The distinct terms of several texts. */
export function termSet(...texts: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const text of texts) for (const term of termsOf(text)) set.add(term);
  return set;
}

/**
 * Whether `a` and `b` are at most one edit apart (insert, delete, substitute): the typo
 * tolerance of a search term. Linear, with an early exit.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
