/**
 * The subject of a sentence with no cue next to it: for a quote introduced by a colon ("The
 * chair of the chamber, Malcolm Reid, put it bluntly: …"), or a participle cue with no claim
 * before it ("Delegates walked out on Saturday, saying …").
 */
import { cueWord, NOUN_LIKE_FORMS } from './cues';
import { FINITE_VERBS } from './lexicon';
import type { SentenceView } from './raw';
import { subjectBefore, type Speaker } from './speaker';

const verbLike = (text: string): boolean =>
  /^\p{Ll}/u.test(text) &&
  (FINITE_VERBS.has(text) ||
    /^\p{Ll}{3,}(?:ed|ised|ized)$/u.test(text) ||
    (cueWord(text) !== undefined && !NOUN_LIKE_FORMS.has(text)));

/** Words that open a clause before the subject: "Asked whether …, Whitcombe was blunt". */
const OPENS_CLAUSE =
  /^(?:Asked|Speaking|When|After|Before|While|If|Although|Though|As|Since|Because|Once|Unlike|Like|Despite|Following|Given|In|On|At|For|From|During|Under|With|Within|Across|Outside|Inside|Near|By|Along|Throughout)$/u;

/** What comes before the sentence's first verb, appositions skipped, read up to `limit`. */
export function leadingSubject(s: SentenceView, limit: number): Speaker | null {
  const first = s.tokens[s.from];
  // "Her answer: …", "His reply: …": the possessive names the speaker.
  if (first && /^(?:Her|His)$/u.test(first.text) && s.tokens[limit]?.text === ':') {
    const phrase = {
      type: 'pronoun' as const,
      start: first.start,
      end: first.end,
      text: first.text === 'Her' ? 'she' : 'he',
      title: null,
      firstToken: s.from,
      gender: first.text === 'Her' ? ('f' as const) : ('m' as const),
    };
    return { phrase, role: null, firstToken: s.from, endToken: s.from + 1 };
  }
  if (first && OPENS_CLAUSE.test(first.text)) {
    let c = s.from + 1;
    while (c < limit && s.tokens[c]?.text !== ',') c++;
    if (c < limit) return leadingSubject({ ...s, from: c + 1 }, limit);
  }
  let i = s.from + 1;
  while (i < limit) {
    const t = s.tokens[i];
    if (!t || t.kind === 'quote') return null;
    const next = s.tokens[i + 1]?.text ?? '';
    if (t.text === ',' && /^\p{Ll}/u.test(next) && !verbLike(next)) {
      // ", an emeritus professor at UCL," — skip the apposition.
      let k = i + 1;
      while (k < limit && s.tokens[k]?.text !== ',') k++;
      i = k + 1;
      continue;
    }
    if (t.kind === 'word' && verbLike(t.text)) break;
    i++;
  }
  if (i >= limit && s.tokens[limit]?.text !== ':') return null;
  return subjectBefore(s.tokens, s.text, s.from, Math.min(i, limit));
}

/** `Asked whether …, Whitcombe was blunt: "…"`: the subject after the last comma. */
export function lastPartSubject(s: SentenceView, colon: number): Speaker | null {
  let c = colon - 1;
  while (c > s.from && s.tokens[c]?.text !== ',') c--;
  if (c <= s.from) return null;
  return leadingSubject({ ...s, from: c + 1 }, colon);
}
