/**
 * Indirect speech: "X said (that) …", "X told Y that …", "…, X said.", "…, said X.",
 * "In a perverse sense, he argued, Moscow would gain …", "According to X, …", "TASS quoted X
 * as saying …", a continuation ", adding that …" and a coordination "… and argued that …".
 * A quotation inside the reported clause (a mixed quote) makes the whole proposition the content.
 */
import { readAfterCue } from './clause';
import { cueWord, NOUN_LIKE_FORMS, PARTICLE_CUES, type CueWord } from './cues';
import { isVerbUse } from './verbs';
import { leadingSubject } from './subject';
import { contentEnd, type RawClaim, type SentenceView } from './raw';
import { speakerStart, subjectAfter, subjectBefore } from './speaker';
import { lower } from './tokens';
import { claimOf, clauseEnd, hasVerb } from './reportedClause';
import { accordingTo, quotedAsSaying } from './sources';

/** Subjects that "show" things: "the minutes showed", "figures show". */
const DOCUMENTS =
  /\b(?:minutes|figures|data|documents?|records?|polls?|surveys?|study|studies|report|filings?|statistics|estimates|results|emails|papers)\b/iu;
const COURT = /\b(?:court|tribunal|jury|inquest|inquiry|hearing|committee|trial)\b/iu;

export function indirectSpeech(
  s: SentenceView,
  used: Set<number>,
  prior: readonly RawClaim[],
): RawClaim[] {
  const claims: RawClaim[] = [];
  const taken = (i: number): boolean => {
    const t = s.tokens[i];
    return !!t && claims.some((r) => t.start >= r.start && t.end <= r.end);
  };
  const previous = (at: number): RawClaim | undefined =>
    [...prior, ...claims].filter((c) => c.start < at).sort((a, b) => b.start - a.start)[0] ??
    [...prior, ...claims][0];
  for (let c = s.from; c < s.to; c++) {
    const t = s.tokens[c];
    if (!t || t.kind !== 'word' || used.has(c) || taken(c)) continue;
    const claim = claimAt(s, c, claims, previous);
    if (!claim) continue;
    used.add(c);
    // A quotation inside the reported clause is part of it: a mixed quote.
    for (let i = s.from; i < s.to; i++) {
      const q = s.tokens[i];
      if (q?.kind === 'quote' && q.start >= claim.start && q.end <= claim.end) used.add(i);
    }
    claims.push(claim);
  }
  return claims;
}

/** The claim a cue word at `c` makes, if it is one. */
function claimAt(
  s: SentenceView,
  c: number,
  claims: RawClaim[],
  previous: (at: number) => RawClaim | undefined,
): RawClaim | null {
  const t = s.tokens[c];
  if (!t) return null;
  if (lower(t) === 'according' && lower(s.tokens[c + 1]) === 'to') return accordingTo(s, c, claims);
  if (lower(t) === 'saying' && lower(s.tokens[c - 1]) === 'as') return quotedAsSaying(s, c);
  const particle = PARTICLE_CUES[t.text];
  const info: CueWord | undefined =
    particle && lower(s.tokens[c + 1]) === particle
      ? { lemma: `${t.text} ${particle}`, cls: 'clause', participle: false }
      : cueWord(t.text);
  if (!info || !isVerbUse(s, c, info)) return null;
  // ("asking not to be identified" is no claim.)
  if (info.participle)
    return info.lemma === 'ask' ? null : continuation(s, c, previous(t.start), info);
  const before = lower(s.tokens[c - 1]);
  // "… and argued that …", "… but also said …": the same speaker goes on.
  if (
    /^(?:and|but)$/u.test(before) ||
    (before === 'also' && /^(?:and|but)$/u.test(lower(s.tokens[c - 2])))
  )
    return info.lemma === 'believe' ? null : continuation(s, c, previous(t.start), info, false);
  return fromCue(s, c, info);
}

/** Words after a cue that show no reported clause follows ("said nothing", "said goodbye"). */
const NOT_A_CLAUSE =
  /^(?:nothing|so|goodbye|little|much|hello|to|of|for|about|by|sorry|thanks|otherwise|with|against|on|in|at)$/u;

function fromCue(s: SentenceView, c: number, info: CueWord): RawClaim | null {
  const speaker = subjectBefore(s.tokens, s.text, s.from, c);
  const prev = s.tokens[c - 1];
  if (speaker) {
    if (info.lemma === 'hear' && !COURT.test(speaker.phrase.text)) return null;
    if (info.lemma === 'show' && !DOCUMENTS.test(speaker.phrase.text)) return null;
    const next = s.tokens[c + 1];
    const end = contentEnd(s);
    // "In a perverse sense, he argued, Moscow would gain": the cue is a parenthesis.
    const subjectFrom = speakerStart(s.tokens, speaker);
    // ("One woman, she recalls, told her that …" is a cue in passing inside another claim.)
    const cueLater = s.tokens.slice(c + 2, end).some((x) => {
      const info = cueWord(x.text);
      return info !== undefined && !info.participle;
    });
    if (
      next?.text === ',' &&
      s.tokens[subjectFrom - 1]?.text === ',' &&
      end - (c + 2) >= 3 &&
      !cueLater
    )
      return claimOf(s, s.from, clauseEnd(s, c), speaker, c, [], 0.65);
    // "…, he said." at the end of the sentence: what came before is the claim.
    const after = readAfterCue(s.tokens, c, s.to);
    if (after.contentFrom < 0 || after.contentFrom >= end) {
      if (subjectFrom <= s.from || s.tokens[subjectFrom - 1]?.text !== ',') return null;
      return claimOf(s, s.from, subjectFrom - 1, speaker, c, after.via, 0.75);
    }
    // "accused the government of responding too slowly"
    if (info.lemma === 'accuse' && !after.introducer) {
      const of = s.tokens
        .slice(after.contentFrom, Math.min(end, after.contentFrom + 8))
        .findIndex((x) => lower(x) === 'of');
      const stop = clauseEnd(s, after.contentFrom);
      // With a quotation in it, the quotation is the claim (`accused them of "losing control"`).
      const quoted = s.tokens.slice(after.contentFrom, stop).some((x) => x.kind === 'quote');
      if (of > 0 && !quoted) return claimOf(s, after.contentFrom, stop, speaker, c, after.via, 0.6);
      if (of > 0) return null;
    }
    const needsThat =
      info.cls === 'object' ||
      (NOUN_LIKE_FORMS.has(lower(s.tokens[c])) && speaker.phrase.type !== 'pronoun');
    if (needsThat && after.introducer !== 'that' && after.introducer !== ':') return null;
    const first = s.tokens[after.contentFrom];
    // ("said about 80,000 children …": "about" before a number opens a clause.)
    const aboutNumber =
      lower(first) === 'about' && /^\d/u.test(s.tokens[after.contentFrom + 1]?.text ?? '');
    if (!after.introducer && NOT_A_CLAUSE.test(lower(first)) && !aboutNumber) return null;
    if (!after.introducer && info.lemma === 'add' && /^\d/u.test(first?.text ?? '')) return null;
    // After "said" or "told" a clause follows; after rarer verbs make sure of it.
    if (
      !after.introducer &&
      info.lemma !== 'say' &&
      info.lemma !== 'tell' &&
      !hasVerb(s, after.contentFrom, clauseEnd(s, after.contentFrom))
    )
      return null;
    const confidence = after.introducer === 'that' ? 0.8 : 0.7;
    return claimOf(
      s,
      after.contentFrom,
      clauseEnd(s, after.contentFrom),
      speaker,
      c,
      after.via,
      confidence,
    );
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

/**
 * ", adding that …" / "… and argued that …": the speaker of the claim before goes on; with no
 * claim before, the sentence's subject ("Delegates walked out, saying …").
 */
function continuation(
  s: SentenceView,
  c: number,
  before: RawClaim | undefined,
  info: CueWord,
  participle = true,
): RawClaim | null {
  if (participle && s.tokens[c - 1]?.text !== ',') return null;
  const speaker = before?.speaker ?? leadingSubject(s, c);
  if (!speaker) return null;
  const after = readAfterCue(s.tokens, c, s.to);
  if (after.contentFrom < 0) return null;
  if (after.introducer !== 'that' && !hasVerb(s, after.contentFrom, contentEnd(s))) return null;
  // "… and found the woman in a flat": "found" reports only with "that".
  if (info.cls === 'object' && after.introducer !== 'that' && after.introducer !== ':') return null;
  const via = [...after.via, ...(before?.via ?? [])];
  return claimOf(s, after.contentFrom, clauseEnd(s, after.contentFrom), speaker, c, via, 0.7);
}
