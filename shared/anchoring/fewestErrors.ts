/**
 * The fewest edits (insertions, deletions, substitutions of UTF-16 code units) that turn
 * `pattern` into some stretch of `text`: what approx-string-match's `search` reports as a
 * best match's `errors`, without finding where each best match starts.
 *
 * Scoring a candidate's prefix and suffix asks this of 32 characters against 32 (Hypothesis's
 * `textMatchScore`). With every error allowed, every end position is a best match and the
 * library walks back from each one to find its start: 1,000 claims re-anchored spent a fifth
 * of their time there. This is one column of the dynamic programme, m × n steps (1,024 here).
 */
export function fewestErrorsWithin(text: string, pattern: string): number {
  const m = pattern.length;
  if (m === 0) return 0;
  // column[i]: fewest edits matching pattern[0, i) to a stretch of text ending here.
  const column = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    // A stretch may start anywhere: matching nothing of the pattern costs nothing.
    let diagonal = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i] ?? 0;
      const substitute = diagonal + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const skipText = above + 1;
      const skipPattern = (column[i - 1] ?? 0) + 1;
      diagonal = above;
      column[i] = Math.min(substitute, skipText, skipPattern);
    }
    best = Math.min(best, column[m] ?? m);
  }
  return best;
}
