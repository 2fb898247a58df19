/**
 * Whether a cue word is a verb where it stands: "claims" after "the" is a noun, "report" after
 * "a newspaper" is a noun, "explain" after "to" is an infinitive, "reported to the council" is
 * a passive participle. Only a verb of saying in use makes a claim.
 */
import { NOUN_LIKE_FORMS, type CueWord } from './cues';
import type { SentenceView } from './raw';
import { lower } from './tokens';

const DETERMINER_BEFORE_NOUN =
  /^(?:the|a|an|its|his|her|their|our|these|those|such|new|many|some|any|no|of|and|in|with|to)$/u;
const COLLECTIVE =
  /^(?:police|people|staff|media|clergy|military|public|authorities|crew|cattle)$/u;
/** Whether a cue form is used as a verb here, not as a noun or an infinitive. */
export function isVerbUse(s: SentenceView, c: number, info: CueWord): boolean {
  const word = lower(s.tokens[c]);
  const prev = lower(s.tokens[c - 1]);
  if (prev === 'to') return false; // "pressed lawyers to explain how …"
  // "did not say when …": a claim not made.
  if (/^(?:not|never|n't|didn't|won't|wouldn't|couldn't|cannot|can't)$/u.test(prev)) return false;
  // "potholes reported to the council", "a plan announced by the ministry": passive participles.
  if (/ed$/u.test(word) && /^(?:to|by)$/u.test(lower(s.tokens[c + 1]))) return false;
  if (NOUN_LIKE_FORMS.has(word) && DETERMINER_BEFORE_NOUN.test(prev)) return false;
  // "a newspaper report that", "the state leader": the bare form after a singular noun is a noun.
  if (word === info.lemma && !info.participle) {
    const before = s.tokens[c - 1];
    if (!before || before.kind !== 'word') return true;
    if (/^(?:i|we|you|they|to|will|would|could|can|should|may|might|must|did|do|does)$/u.test(prev))
      return true;
    if (/['’]s$/u.test(prev)) return false;
    return isPlural(prev) || COLLECTIVE.test(prev) || pluralHeadBefore(s, c);
  }
  return true;
}

const isPlural = (w: string): boolean => /s$/u.test(w) && !/(?:ss|us|is)$/u.test(w);

/** "Researchers at the University of Turin estimate": a plural head before a complement. */
function pluralHeadBefore(s: SentenceView, c: number): boolean {
  let sawPreposition = false;
  for (let i = c - 1; i >= Math.max(s.from, c - 10); i--) {
    const t = s.tokens[i];
    if (!t || t.kind !== 'word') return false;
    const w = lower(t);
    if (/^(?:at|of|from|in|for|with|on)$/u.test(w)) sawPreposition = true;
    else if (sawPreposition && (i === s.from || s.tokens[i - 1]?.kind !== 'word'))
      return isPlural(w);
  }
  return false;
}
