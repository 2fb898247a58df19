/**
 * Unattributed assertions: a sentence that no one is named for but that the text flags as
 * hearsay ("reportedly", "it is believed that", "is said to"). Flagged, so the analyst sees
 * the claim rests on nothing named (issue 13).
 */
import { HEDGES } from './cues';
import { charSpan, contentEnd, type RawClaim, type SentenceView } from './raw';

/**
 * A hedged clause of the sentence that no other claim covers: the whole sentence, or the
 * clause after ", and" / ";" that holds the hedge ("…, and Venezuela reportedly holds …").
 */
export function hedgedClaim(s: SentenceView, taken: readonly RawClaim[]): RawClaim | null {
  let from = s.from;
  const covered = (i: number): boolean =>
    taken.some((c) => (s.tokens[i]?.start ?? 0) >= c.start && (s.tokens[i]?.end ?? 0) <= c.end);
  if (taken.length) {
    // Only a clause after the last claim, starting at ", and", ", but" or ";".
    const lastEnd = Math.max(...taken.map((c) => c.end));
    let at = -1;
    for (let i = s.from; i < s.to; i++) {
      const t = s.tokens[i];
      if (!t || t.start < lastEnd - 1 || covered(i)) continue;
      if (t.text === ';' || (t.text === ',' && /^(?:and|but|while)$/u.test(s.tokens[i + 1]?.text ?? ''))) {
        at = t.text === ';' ? i + 1 : i + 2;
        break;
      }
    }
    if (at < 0) {
      // The claim itself may run over the clause: cut it there.
      for (const c of taken) {
        const cut = clauseBreakInside(s, c);
        if (cut >= 0) {
          at = cut;
          break;
        }
      }
    }
    if (at < 0) return null;
    from = at;
  }
  const span = charSpan(s, from, contentEnd(s));
  if (!span) return null;
  const sentence = s.text.slice(span.start, span.end);
  for (const re of HEDGES) {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    if (!m) continue;
    let start = span.start;
    // "It is believed that X": the claim is X.
    const lead = /^it (?:is|was|has been|had been) [\p{L} ]*?(?:believed|understood|thought|reported|rumou?red|alleged|claimed|said|feared|suspected),? that /iu.exec(
      sentence,
    );
    if (lead) start += lead[0].length;
    return {
      kind: 'hedge',
      start,
      end: span.end,
      speaker: null,
      inherit: false,
      cue: m[0],
      via: [],
      confidence: 0.55,
    };
  }
  return null;
}

/** Token index after ", and" / ";" inside a claim, where a hedged clause begins; trims the claim. */
function clauseBreakInside(s: SentenceView, claim: RawClaim): number {
  for (let i = s.from; i < s.to; i++) {
    const t = s.tokens[i];
    if (!t || t.start <= claim.start || t.end > claim.end) continue;
    const joins = t.text === ';' || (t.text === ',' && /^(?:and|but|while)$/u.test(s.tokens[i + 1]?.text ?? ''));
    if (!joins) continue;
    const next = t.text === ';' ? i + 1 : i + 2;
    const rest = s.text.slice(s.tokens[next]?.start ?? claim.end, claim.end);
    if (!HEDGES.some((re) => new RegExp(re.source, 'iu').test(rest))) continue;
    claim.end = s.tokens[i - 1]?.end ?? claim.end;
    return next;
  }
  return -1;
}
