/**
 * Direct quotations and who said them: the cue after the quote ("…," he said / said Smith),
 * before it (Smith said: "…"), a quote split around its cue ("…," he said, "…"), a quote
 * introduced by a colon, and a quote standing alone, which continues the last speaker.
 * A quote inside a reported clause (said the plan was "dead") is left to indirect speech.
 */
import { readAfterCue } from './clause';
import { cueWord } from './cues';
import { cueText, quoteContent, wordCount, type RawClaim, type SentenceView } from './raw';
import { speakerStart, subjectAfter, subjectBefore, type Speaker } from './speaker';
import { leadingSubject, lastPartSubject } from './subject';
import { lower } from './tokens';
import { isVerbUse } from './verbs';

export interface DirectResult {
  claims: RawClaim[];
  /** Token indices consumed: cues and quotes already attributed. */
  used: Set<number>;
}

const DASH = /^[,\u2014\u2013-]$/u;

export function directQuotes(s: SentenceView): DirectResult {
  const used = new Set<number>();
  const claims: RawClaim[] = [];
  for (let q = s.from; q < s.to; q++) {
    const t = s.tokens[q];
    if (!t || t.kind !== 'quote' || used.has(q)) continue;
    const content = quoteContent(t, s.text);
    if (wordCount(s.text.slice(content.start, content.end)) === 0) continue;
    const claim = attributeRight(s, q, used) ?? attributeLeft(s, q, used);
    if (!claim) continue;
    used.add(q);
    claims.push(claim);
  }
  return { claims, used };
}

function make(
  s: SentenceView,
  q: number,
  lastQuote: number,
  speaker: Speaker | null,
  cue: number | null,
  via: string[],
  confidence: number,
): RawClaim {
  const first = quoteContent(s.tokens[q] ?? never(), s.text);
  const last = quoteContent(s.tokens[lastQuote] ?? never(), s.text);
  return {
    kind: 'direct',
    start: first.start,
    end: last.end,
    speaker,
    inherit: false,
    cue: cue === null ? null : cueText(s, cue),
    via,
    confidence,
  };
}

function never(): never {
  throw new Error('token index out of range');
}

/** `"…," he said.` / `"…," said Smith.` / `"…," she told Reuters, "…"` */
function attributeRight(s: SentenceView, q: number, used: Set<number>): RawClaim | null {
  let r = q + 1;
  if (DASH.test(s.tokens[r]?.text ?? '')) r++;
  const first = s.tokens[r];
  if (!first || first.kind === 'quote') return null;
  let speaker: Speaker | null = null;
  let cue = -1;
  if (cueWord(first.text) && s.tokens[r - 1]?.kind !== 'word') {
    speaker = subjectAfter(s.tokens, s.text, r, s.to);
    cue = r;
  }
  for (let c = r + 1; !speaker && c < Math.min(s.to, r + 10); c++) {
    const t = s.tokens[c];
    if (!t || t.kind === 'quote') break;
    const info = cueWord(t.text);
    if (!info || info.participle) continue;
    const found = subjectBefore(s.tokens, s.text, r, c);
    // The speaker must follow the quote at once: `"…", as Oslo said` is someone else's claim.
    if (found && speakerStart(s.tokens, found) === r) {
      speaker = found;
      cue = c;
    }
    break;
  }
  if (!speaker) return null;
  used.add(cue);
  const after = readAfterCue(s.tokens, cue, s.to);
  // A quote split around its cue: `"…," he said, "…"`.
  let lastQuote = q;
  const next = after.contentFrom >= 0 ? s.tokens[after.contentFrom] : undefined;
  if (next?.kind === 'quote' && after.introducer !== 'that') {
    lastQuote = after.contentFrom;
    used.add(lastQuote);
  }
  return make(s, q, lastQuote, speaker, cue, after.via, 0.9);
}

/** `Smith said: "…"` / `He added, "…"` / `According to X, "…"` / `The minister was blunt: "…"` */
function attributeLeft(s: SentenceView, q: number, used: Set<number>): RawClaim | null {
  for (let c = q - 1; c >= Math.max(s.from, q - 14); c--) {
    const t = s.tokens[c];
    if (!t || t.kind === 'quote') break;
    if (used.has(c)) continue;
    if (lower(t) === 'according' && lower(s.tokens[c + 1]) === 'to') {
      const speaker = subjectAfter(s.tokens, s.text, c + 1, q);
      if (!speaker || !/^[,:]$/u.test(s.tokens[q - 1]?.text ?? '')) return null;
      used.add(c);
      return make(s, q, q, speaker, c, [], 0.8);
    }
    const info = cueWord(t.text);
    if (!info || info.participle || !isVerbUse(s, c, info)) continue;
    const after = readAfterCue(s.tokens, c, q + 1);
    if (after.contentFrom !== q || after.introducer === 'that') return null; // a mixed quote
    const speaker = subjectBefore(s.tokens, s.text, s.from, c);
    if (!speaker) break;
    used.add(c);
    return make(s, q, q, speaker, c, after.via, 0.85);
  }
  if (s.tokens[q - 1]?.text === ':') {
    const speaker = leadingSubject(s, q - 1) ?? lastPartSubject(s, q - 1);
    if (speaker) return make(s, q, q, speaker, null, [], 0.6);
  }
  return null;
}

/**
 * Quotes no cue claimed, once indirect speech has taken its mixed quotes: alone in its sentence
 * a quote continues the last speaker; after a verb that reports it (`called it "a disaster"`)
 * it is that verb's subject's.
 */
export function unattachedQuotes(s: SentenceView, used: Set<number>): RawClaim[] {
  const claims: RawClaim[] = [];
  for (let q = s.from; q < s.to; q++) {
    if (s.tokens[q]?.kind !== 'quote' || used.has(q)) continue;
    const claim = unattached(s, q);
    if (claim) claims.push(claim);
  }
  return claims;
}

/** Verbs that report a speaker's words in passing. */
export const CHARACTERIZING = new Set(
  (
    'call calls called calling describe describes described describing dismissed dismissing branded labelled labeled termed ' +
    'blamed blaming accused accusing praised condemned hailed denounced criticised criticized ' +
    'welcomed rejected rejecting slammed deplored lamented promised vowed'
  ).split(' '),
);

function unattached(s: SentenceView, q: number): RawClaim | null {
  const t = s.tokens[q];
  if (!t) return null;
  const others = s.tokens.slice(s.from, s.to).filter((x) => x !== t && x.kind !== 'punct');
  const inner = quoteContent(t, s.text);
  const quoted = s.text.slice(inner.start, inner.end);
  if (others.length === 0 && wordCount(quoted) >= 2) {
    return { ...make(s, q, q, null, null, [], 0.6), inherit: true };
  }
  if (looksLikeTitle(quoted)) return null;
  for (let v = q - 1; v >= Math.max(s.from, q - 14); v--) {
    const w = s.tokens[v];
    if (!w || w.kind === 'quote' || w.text === ';') break;
    if (!CHARACTERIZING.has(w.text)) continue;
    // "have been promised a "…" repair": passive, the subject did not say it.
    if (/^(?:been|be|is|are|was|were)$/u.test(lower(s.tokens[v - 1]))) return null;
    const speaker =
      w.text.endsWith('ing') && s.tokens[v - 1]?.text === ','
        ? leadingSubject(s, v)
        : subjectBefore(s.tokens, s.text, s.from, v);
    if (!speaker || speaker.phrase.type === 'anonymous') return null;
    return make(s, q, q, speaker, v, [], 0.5);
  }
  return null;
}

/** "The Long Road Home": every word capitalised, as in a title. */
const looksLikeTitle = (s: string): boolean =>
  s
    .split(/\s+/u)
    .every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|a|in|on|for|to)$/u.test(w));
