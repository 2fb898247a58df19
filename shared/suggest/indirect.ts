/**
 * Indirect speech: "X said (that) …", "X told Y that …", "…, X said.", "…, said X.",
 * "In a perverse sense, he argued, Moscow would gain …", "According to X, …", "TASS quoted X
 * as saying …", and a continuation ", adding that …". A quotation inside the reported clause
 * (a mixed quote) makes the whole proposition the content.
 */
import { readAfterCue } from './clause';
import { cueWord, NOUN_LIKE_FORMS } from './cues';
import { cueText } from './direct';
import { phraseEndingAt } from './phrases';
import { charSpan, contentEnd, wordCount, type RawClaim, type SentenceView } from './raw';
import { subjectAfter, subjectBefore, type Speaker } from './speaker';
import { lower } from './tokens';

const DETERMINER_BEFORE_NOUN = /^(?:the|a|an|its|his|her|their|our|these|those|such|new|many|some|any|no|of|and|in|with)$/u;

export function indirectSpeech(s: SentenceView, used: Set<number>): RawClaim[] {
  const claims: RawClaim[] = [];
  const taken: { start: number; end: number }[] = [];
  const inside = (i: number): boolean => {
    const t = s.tokens[i];
    return !!t && taken.some((r) => t.start >= r.start && t.end <= r.end);
  };
  let lastSpeaker: Speaker | null = null;
  for (let c = s.from; c < s.to; c++) {
    const t = s.tokens[c];
    if (!t || t.kind !== 'word' || used.has(c) || inside(c)) continue;
    let claim: RawClaim | null = null;
    if (lower(t) === 'according' && lower(s.tokens[c + 1]) === 'to') claim = accordingTo(s, c, claims);
    else if (lower(t) === 'saying' && lower(s.tokens[c - 1]) === 'as') claim = quotedAsSaying(s, c);
    else {
      const info = cueWord(t.text);
      if (!info) continue;
      if (NOUN_LIKE_FORMS.has(lower(t)) && DETERMINER_BEFORE_NOUN.test(lower(s.tokens[c - 1]))) continue;
      claim = info.participle ? continuation(s, c, lastSpeaker) : fromCue(s, c, info.cls === 'object');
    }
    if (!claim) continue;
    used.add(c);
    lastSpeaker = claim.speaker ?? lastSpeaker;
    // A quotation inside the reported clause is part of it: a mixed quote.
    for (let i = s.from; i < s.to; i++) {
      const q = s.tokens[i];
      if (q?.kind === 'quote' && q.start >= claim.start && q.end <= claim.end) used.add(i);
    }
    taken.push({ start: claim.start, end: claim.end });
    claims.push(claim);
  }
  return claims;
}

/** Where the reported clause stops: before ", adding that", ", according to X" or ", he said". */
function clauseEnd(s: SentenceView, from: number): number {
  for (let i = from + 1; i < s.to; i++) {
    if (s.tokens[i]?.text !== ',') continue;
    const next = lower(s.tokens[i + 1]);
    if (next === 'according' || cueWord(next)?.participle) return i;
    const info = cueWord(s.tokens[i + 2]?.text ?? '');
    if (info && !info.participle && (s.tokens[i + 3] === undefined || i + 3 >= contentEnd(s))) return i;
  }
  return contentEnd(s);
}

function claimOf(
  s: SentenceView,
  from: number,
  to: number,
  speaker: Speaker | null,
  cue: number,
  via: string[],
  confidence: number,
): RawClaim | null {
  const span = charSpan(s, from, to);
  if (!span || wordCount(s.text.slice(span.start, span.end)) < 3) return null;
  return { kind: 'indirect', ...span, speaker, inherit: false, cue: cueText(s, cue), via, confidence };
}

/** Words after a cue that show no reported clause follows ("said nothing", "said goodbye"). */
const NOT_A_CLAUSE = /^(?:nothing|so|goodbye|little|much|yes|no|hello|to|of|for|about|by|sorry|thanks|otherwise)$/u;

function fromCue(s: SentenceView, c: number, needsThat: boolean): RawClaim | null {
  const speaker = subjectBefore(s.tokens, s.text, s.from, c);
  const prev = s.tokens[c - 1];
  if (speaker) {
    const next = s.tokens[c + 1];
    const end = contentEnd(s);
    // "In a perverse sense, he argued, Moscow would gain": the cue is a parenthesis.
    if (next?.text === ',' && s.tokens[speaker.firstToken - 1]?.text === ',') {
      return claimOf(s, s.from, clauseEnd(s, c), speaker, c, [], 0.65);
    }
    // "…, he said." at the end of the sentence: what came before is the claim.
    const after = readAfterCue(s.tokens, c, s.to);
    if ((after.contentFrom < 0 || after.contentFrom >= end) && speaker.firstToken > s.from) {
      if (s.tokens[speaker.firstToken - 1]?.text !== ',') return null;
      return claimOf(s, s.from, speaker.firstToken - 1, speaker, c, after.via, 0.75);
    }
    if (after.contentFrom < 0 || after.contentFrom >= end) return null;
    if (needsThat && after.introducer !== 'that' && after.introducer !== ':') return null;
    const firstWord = lower(s.tokens[after.contentFrom]);
    if (!after.introducer && NOT_A_CLAUSE.test(firstWord)) return null;
    if (!after.introducer && !hasVerb(s, after.contentFrom, end)) return null;
    const confidence = after.introducer === 'that' ? 0.8 : 0.7;
    return claimOf(s, after.contentFrom, clauseEnd(s, after.contentFrom), speaker, c, after.via, confidence);
  }
  // "…, said Smith." The cue follows a comma and the speaker follows the cue.
  if (prev?.text === ',' || prev?.kind === 'quote') {
    const inverted = subjectAfter(s.tokens, s.text, c, s.to);
    if (!inverted) return null;
    const before = prev.kind === 'quote' ? c : c - 1;
    return claimOf(s, s.from, before, inverted, c, [], 0.7);
  }
  return null;
}

/** A finite verb somewhere in the first words: the mark of a clause after a bare "said". */
function hasVerb(s: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, from + 12); i++) {
    const w = lower(s.tokens[i]);
    if (/^(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|did|does|do|shall|need|needs|remains|remained|rules|ruled|plans|planned|wants|wanted)$/u.test(w))
      return true;
    if (i > from && /^\p{Ll}{3,}(?:ed|s)$/u.test(s.tokens[i]?.text ?? '')) return true;
  }
  return false;
}

/** "According to X, …" / "…, according to X." / "X said, according to Reuters, …" */
function accordingTo(s: SentenceView, a: number, earlier: RawClaim[]): RawClaim | null {
  const speaker = subjectAfter(s.tokens, s.text, a + 1, s.to);
  if (!speaker) return null;
  const prior = earlier[earlier.length - 1];
  const isOutlet = speaker.phrase.type === 'outlet' || speaker.phrase.type === 'outletRef';
  if (prior && isOutlet) {
    prior.via.push(speaker.phrase.text);
    return null;
  }
  const afterPhrase = speaker.endToken;
  if (a === s.from || s.tokens[a - 1]?.kind !== 'word') {
    // "According to X, …"
    if (s.tokens[afterPhrase]?.text !== ',' && a === s.from) return null;
    if (a === s.from) return claimOf(s, afterPhrase + 1, clauseEnd(s, afterPhrase + 1), speaker, a, [], 0.8);
  }
  // "…, according to X."
  if (s.tokens[a - 1]?.text === ',') return claimOf(s, s.from, a - 1, speaker, a, [], 0.75);
  return null;
}

/** "TASS quoted Chepa as saying …" / "Chepa was quoted by TASS as saying …" */
function quotedAsSaying(s: SentenceView, c: number): RawClaim | null {
  let q = c - 2;
  while (q > s.from && !/^(?:quoted|cited)$/u.test(lower(s.tokens[q]))) q--;
  if (!/^(?:quoted|cited)$/u.test(lower(s.tokens[q]))) return null;
  const via: string[] = [];
  let speaker: Speaker | null = null;
  if (/^(?:was|is|were|been)$/u.test(lower(s.tokens[q - 1]))) {
    speaker = subjectBefore(s.tokens, s.text, s.from, q - 1);
    if (lower(s.tokens[q + 1]) === 'by') {
      const outlet = phraseEndingAt(s.tokens, q + 2, c - 2);
      if (outlet) via.push(outlet.text);
    }
  } else {
    const outlet = subjectBefore(s.tokens, s.text, s.from, q);
    if (outlet) via.push(outlet.phrase.text);
    const phrase = phraseEndingAt(s.tokens, q + 1, c - 2);
    if (phrase) speaker = { phrase, role: phrase.title, firstToken: q + 1, endToken: c - 1 };
  }
  if (!speaker) return null;
  const after = readAfterCue(s.tokens, c, s.to);
  if (after.contentFrom < 0) return null;
  return claimOf(s, after.contentFrom, clauseEnd(s, after.contentFrom), speaker, c, via, 0.8);
}

/** ", adding that …": the same speaker goes on. */
function continuation(s: SentenceView, c: number, speaker: Speaker | null): RawClaim | null {
  if (!speaker || s.tokens[c - 1]?.text !== ',') return null;
  const after = readAfterCue(s.tokens, c, s.to);
  if (after.contentFrom < 0 || after.introducer !== 'that') return null;
  return claimOf(s, after.contentFrom, clauseEnd(s, after.contentFrom), speaker, c, after.via, 0.7);
}
