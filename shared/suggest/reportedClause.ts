/**
 * The reported clause: where it stops (before ", adding that", ", according to X", "and she
 * said", a closing attribution or a hedged clause of its own), and the claim it makes.
 */
import { cueWord, HEDGES } from './cues';
import { FINITE_VERBS } from './lexicon';
import {
  charSpan,
  contentEnd,
  cueText,
  quoteContent,
  wordCount,
  type RawClaim,
  type SentenceView,
} from './raw';
import { type Speaker } from './speaker';
import { lower } from './tokens';

/** Where the reported clause stops: before ", adding that", ", according to X", ", he said" or "and she said". */
export function clauseEnd(s: SentenceView, from: number): number {
  const end = contentEnd(s);
  for (let i = from + 1; i < end; i++) {
    const t = s.tokens[i];
    const w = lower(t);
    if (t?.text === ';' || (t?.text === ',' && /^(?:and|but)$/u.test(lower(s.tokens[i + 1])))) {
      // "…, and Venezuela reportedly holds …": a hedged clause of its own.
      const rest = s.text.slice(t.end, s.tokens[end - 1]?.end ?? t.end);
      if (HEDGES.some((re) => new RegExp(re.source, 'iu').test(rest))) return i;
    }
    if (t?.text === ',') {
      const next = lower(s.tokens[i + 1]);
      if (next === 'according' || cueWord(next)?.participle) return i;
      // ", Ushakov told reporters." / ", the ministry said on Monday.": a closing attribution.
      for (let j = i + 2; j <= Math.min(end - 1, i + 5); j++) {
        const info = cueWord(s.tokens[j]?.text ?? '');
        if (
          info &&
          !info.participle &&
          end - j <= 5 &&
          !s.tokens.slice(j, end).some((x) => lower(x) === 'that')
        )
          return i;
      }
    }
    if (w === 'and' || w === 'but' || w === 'while' || w === 'whereas') {
      for (let j = i + 1; j <= Math.min(end - 1, i + 4); j++) {
        const between = s.tokens.slice(i + 1, j);
        const plausible = between.every((b) =>
          /^(?:he|she|they|it|also|then|later|\p{Lu}\p{L}*)$/u.test(b.text),
        );
        const info = cueWord(s.tokens[j]?.text ?? '');
        // ("… he acted on advice and believed the figures were right" is one claim.)
        if (
          plausible &&
          info &&
          !info.participle &&
          info.lemma !== 'believe' &&
          lower(s.tokens[j + 1]) !== 'by'
        )
          return s.tokens[i - 1]?.text === ',' ? i - 1 : i;
      }
    }
  }
  return end;
}

export function claimOf(
  s: SentenceView,
  from: number,
  to: number,
  speaker: Speaker | null,
  cue: number,
  via: string[],
  confidence: number,
): RawClaim | null {
  const only = s.tokens[from];
  // "… but added: 'There is no more money on the table.'": the content is a quotation.
  // (After "that" a quotation is part of the reported clause: indirect.)
  if (to - from === 1 && only?.kind === 'quote' && lower(s.tokens[from - 1]) !== 'that') {
    const inner = quoteContent(only, s.text);
    return {
      kind: 'direct',
      ...inner,
      speaker,
      inherit: false,
      cue: cueText(s, cue),
      via,
      confidence,
    };
  }
  const span = charSpan(s, from, to);
  // Two words make a claim only with a verb: "profits fell", not "One woman".
  const words = span ? wordCount(s.text.slice(span.start, span.end)) : 0;
  const finite = s.tokens
    .slice(from, to)
    .some(
      (x) => FINITE_VERBS.has(lower(x)) || /^\p{Ll}{3,}ed$/u.test(x.text) || x.kind === 'quote',
    );
  if (!span || words < 2 || (words < 3 && !finite)) return null;
  return {
    kind: 'indirect',
    ...span,
    speaker,
    inherit: false,
    cue: cueText(s, cue),
    via,
    confidence,
  };
}

/** A finite verb somewhere in the first words: the mark of a clause after a bare "said". */
export function hasVerb(s: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, from + 12); i++) {
    // "said the trust "takes any concern … seriously"": the verb is in the quoted part.
    if (s.tokens[i]?.kind === 'quote') return true;
    const w = lower(s.tokens[i]);
    if (FINITE_VERBS.has(w) || w === 'shall' || w === 'need' || w === 'needs') return true;
    if (i > from && /^\p{Ll}{3,}(?:ed|s)$/u.test(s.tokens[i]?.text ?? '')) return true;
  }
  return false;
}
