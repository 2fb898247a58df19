/**
 * Unattributed assertions: a clause that no one is named for but that the text flags as
 * hearsay ("reportedly", "it is believed that", "is said to"). Flagged, so the analyst sees
 * the claim rests on nothing named (issue 13). The clause runs between the sentence's edges,
 * ";", ", and" / ", but", and the claims already found in the sentence.
 */
import { HEDGES } from './cues';
import { contentEnd, type RawClaim, type SentenceView } from './raw';

const LEAD =
  /^it (?:is|was|has been|had been) [\p{L} ]*?(?:believed|understood|thought|reported|rumou?red|alleged|claimed|said|feared|suspected),? that /iu;

export function hedgedClaims(s: SentenceView, taken: readonly RawClaim[]): RawClaim[] {
  const first = s.tokens[s.from];
  const last = s.tokens[contentEnd(s) - 1];
  if (!first || !last) return [];
  const sentence = s.text.slice(first.start, last.end);
  const breaks = clauseBreaks(s);
  const out: RawClaim[] = [];
  for (const re of HEDGES) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const at = first.start + m.index;
      if (
        taken.some((c) => at >= c.start && at < c.end) ||
        out.some((c) => at >= c.start && at < c.end)
      )
        continue;
      let start = first.start;
      let end = last.end;
      for (const b of breaks) {
        if (b.end <= at) start = Math.max(start, b.end);
        else if (b.start > at) end = Math.min(end, b.start);
      }
      for (const c of taken) {
        if (c.end <= at) start = Math.max(start, c.end);
        else if (c.start > at) end = Math.min(end, c.start);
      }
      while (start < end && /[\s,;:]/u.test(s.text[start] ?? '')) start++;
      while (end > start && /[\s,;:]/u.test(s.text[end - 1] ?? '')) end--;
      const lead = LEAD.exec(s.text.slice(start, end));
      if (lead) start += lead[0].length;
      if (end - start < 12) continue;
      out.push({
        kind: 'hedge',
        start,
        end,
        speaker: null,
        inherit: false,
        cue: m[0],
        via: [],
        confidence: 0.55,
      });
    }
  }
  return out;
}

/** Character ranges that separate clauses: ";" and ", and" / ", but" / ", while". */
function clauseBreaks(s: SentenceView): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = s.from; i < s.to; i++) {
    const t = s.tokens[i];
    if (!t) continue;
    if (t.text === ';') out.push({ start: t.start, end: t.end });
    const next = s.tokens[i + 1];
    if (t.text === ',' && next && /^(?:and|but|while|whereas)$/u.test(next.text))
      out.push({ start: t.start, end: next.end });
  }
  return out;
}
