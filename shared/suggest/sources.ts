/**
 * Claims that name their source in passing: "According to X, …", "…, according to X",
 * "X said, according to Reuters, …" (Reuters joins the chain), and "TASS quoted X as saying …".
 */
import { outletAt } from './chain';
import { readAfterCue } from './clause';
import { phraseEndingAt } from './phrases';
import { type RawClaim, type SentenceView } from './raw';
import { subjectAfter, subjectBefore, type Speaker } from './speaker';
import { lower } from './tokens';
import { claimOf, clauseEnd } from './reportedClause';

/** "According to X, …" / "…, according to X." / "X said, according to Reuters, …" */
export function accordingTo(s: SentenceView, a: number, earlier: RawClaim[]): RawClaim | null {
  const speaker = subjectAfter(s.tokens, s.text, a + 1, s.to, true);
  if (!speaker) return null;
  const prior = earlier[earlier.length - 1];
  const isOutlet = speaker.phrase.type === 'outlet' || speaker.phrase.type === 'outletRef';
  if (prior && isOutlet && prior.speaker?.phrase.type !== 'outlet') {
    prior.via.unshift(speaker.phrase.text);
    return null;
  }
  let afterPhrase = speaker.endToken;
  // "According to NASA, which paid for four of the instruments, the lander …"
  if (
    s.tokens[afterPhrase]?.text === ',' &&
    /^(?:which|who)$/u.test(lower(s.tokens[afterPhrase + 1]))
  ) {
    let k = afterPhrase + 2;
    while (k < s.to && s.tokens[k]?.text !== ',') k++;
    afterPhrase = k;
  }
  if (a === s.from) {
    if (s.tokens[afterPhrase]?.text !== ',') return null;
    return claimOf(s, afterPhrase + 1, clauseEnd(s, afterPhrase + 1), speaker, a, [], 0.8);
  }
  // "…, according to X."
  if (s.tokens[a - 1]?.text === ',') return claimOf(s, s.from, a - 1, speaker, a, [], 0.75);
  return null;
}

/** "TASS quoted Chepa as saying …" / "Chepa was quoted by TASS as saying …" */
export function quotedAsSaying(s: SentenceView, c: number): RawClaim | null {
  let q = c - 2;
  while (q > s.from && !/^(?:quoted|cited)$/u.test(lower(s.tokens[q]))) q--;
  if (!/^(?:quoted|cited)$/u.test(lower(s.tokens[q]))) return null;
  const via: string[] = [];
  let speaker: Speaker | null = null;
  if (/^(?:was|is|were|been)$/u.test(lower(s.tokens[q - 1]))) {
    speaker = subjectBefore(s.tokens, s.text, s.from, q - 1);
    if (lower(s.tokens[q + 1]) === 'by') {
      // "quoted by the Azertac state news agency as saying": the outlet's name.
      const outlet =
        outletAt(s.tokens, q + 2, c - 1)?.name ?? phraseEndingAt(s.tokens, q + 2, c - 2)?.text;
      if (outlet) via.push(outlet);
    }
  } else {
    const outlet = subjectBefore(s.tokens, s.text, s.from, q);
    if (outlet) via.push(outlet.phrase.text);
    const phrase = phraseEndingAt(s.tokens, q + 1, c - 2, true);
    if (phrase) speaker = { phrase, role: phrase.title, firstToken: q + 1, endToken: c - 1 };
  }
  if (!speaker) return null;
  const after = readAfterCue(s.tokens, c, s.to);
  if (after.contentFrom < 0) return null;
  return claimOf(s, after.contentFrom, clauseEnd(s, after.contentFrom), speaker, c, via, 0.8);
}
