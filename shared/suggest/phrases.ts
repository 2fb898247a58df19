/**
 * Reading the phrase that names a speaker, backwards from where it ends: a name with its
 * title ("Foreign Minister Sergei Lavrov"), a pronoun, an organisation or outlet, or a common
 * noun phrase ("the spokesperson", "two senior officials", "sources close to the Kremlin").
 */
import {
  ANONYMOUS_HEADS,
  CLAUSE_BOUNDARIES,
  FINITE_VERBS,
  GENDERED_ROLES,
  GROUP_PRONOUNS,
  ORG_NOUNS,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  PLURAL_PERSON_NOUNS,
  PREPOSITIONS,
} from './lexicon';
import { isOutletPhrase } from './outlets';
import { isCapitalized, lower, type Token } from './tokens';
import {
  bareWord,
  CAPITAL_FUNCTION_WORDS,
  DETERMINERS,
  joinTokens,
  word,
  type Phrase,
  type PhraseType,
} from './phraseTypes';
import { properName } from './properNames';

export type { Phrase, PhraseType } from './phraseTypes';

/**
 * The phrase ending at token `last`, reading back no further than `first`. `loose`: the phrase
 * is known to be the subject of a cue, so any common noun may head it ("the operator said").
 */
export function phraseEndingAt(
  tokens: readonly Token[],
  first: number,
  last: number,
  loose = false,
): Phrase | null {
  const t = tokens[last];
  if (!word(t) || !t) return null;
  const l = lower(t);
  if (l in PERSON_PRONOUNS) return pronoun(t, last, PERSON_PRONOUNS[l]);
  if (GROUP_PRONOUNS.has(l)) return pronoun(t, last);
  const longer = withComplement(tokens, first, last, loose);
  if (longer) return longer;
  // "Sources said", "Officials said": a common noun capitalised only by the sentence start.
  const commonAtStart = !isCapitalized(tokens[last - 1]) && isKnownNoun(l);
  if (isCapitalized(t) && !CAPITAL_FUNCTION_WORDS.has(t.text) && !commonAtStart)
    return properName(tokens, first, last);
  return commonNoun(tokens, first, last, loose);
}

function pronoun(t: Token, index: number, gender?: 'm' | 'f'): Phrase {
  return {
    type: 'pronoun',
    start: t.start,
    end: t.end,
    text: t.text,
    title: null,
    firstToken: index,
    ...(gender ? { gender } : {}),
  };
}

/** "the spokesperson", "two senior officials", "the newspaper". */
function commonNoun(
  tokens: readonly Token[],
  first: number,
  last: number,
  loose = false,
): Phrase | null {
  const head = bareWord(tokens[last]);
  if (/^(?:another|others|one|some|many|both)$/u.test(head))
    return phraseOf(tokens, last, last, 'group');
  let k = last;
  while (k - 1 >= first && last - k < 6) {
    const prev = tokens[k - 1];
    const w = bareWord(prev);
    if (!word(prev) || CLAUSE_BOUNDARIES.has(w) || PREPOSITIONS.has(w) || FINITE_VERBS.has(w))
      break;
    if (isCapitalized(prev) && CAPITAL_FUNCTION_WORDS.has(prev?.text ?? '') && !DETERMINERS.has(w))
      break;
    k--;
    if (DETERMINERS.has(w)) break;
  }
  const text = joinTokens(tokens.slice(k, last + 1));
  const determiner = bareWord(tokens[k]);
  let type: PhraseType | null = null;
  if (ANONYMOUS_HEADS.has(head)) type = 'anonymous';
  // "the newspaper" refers back; "a flight-tracking site" is a new, unnamed one.
  else if (isOutletPhrase(text)) type = determiner === 'the' ? 'outletRef' : 'outlet';
  else if (PLURAL_PERSON_NOUNS.has(head)) type = 'group';
  else if (PERSON_ROLE_NOUNS.has(head)) type = determiner === 'the' ? 'roleRef' : 'group';
  else if (ORG_NOUNS.has(head)) type = determiner === 'a' || determiner === 'an' ? 'org' : 'orgRef';
  else if (loose && isPlainNoun(head) && /^\p{Ll}/u.test(tokens[last]?.text ?? '')) type = 'group';
  if (!type) return null;
  const phrase = phraseOf(tokens, k, last, type);
  const gender = GENDERED_ROLES[head];
  return phrase && gender ? { ...phrase, gender } : phrase;
}

const isKnownNoun = (w: string): boolean =>
  ANONYMOUS_HEADS.has(w) ||
  PLURAL_PERSON_NOUNS.has(w) ||
  PERSON_ROLE_NOUNS.has(w) ||
  ORG_NOUNS.has(w);

/** A lowercase word that may be a noun: not a function word, adverb, participle or verb form. */
const isPlainNoun = (w: string): boolean =>
  /^\p{Ll}[\p{Ll}-]{2,}$/u.test(w) &&
  !/(?:ly|ing|ed)$/u.test(w) &&
  !CLAUSE_BOUNDARIES.has(w) &&
  !PREPOSITIONS.has(w) &&
  !DETERMINERS.has(w);

function phraseOf(
  tokens: readonly Token[],
  from: number,
  last: number,
  type: PhraseType,
): Phrase | null {
  const a = tokens[from];
  const b = tokens[last];
  if (!a || !b) return null;
  return {
    type,
    start: a.start,
    end: b.end,
    text: joinTokens(tokens.slice(from, last + 1)),
    title: null,
    firstToken: from,
  };
}

const COMPLEMENT_PREPOSITIONS = new Set('for of at from with to in on'.split(' '));
const ANONYMOUS_PEOPLE = /^(?:people|person|persons|someone|those|one|individuals?)$/u;
const ANONYMITY = /\b(?:familiar with|close to|with knowledge of|briefed on|aware of)\b/u;

/**
 * A noun phrase whose head comes before a complement: "a spokesperson for the Foreign
 * Ministry", "people familiar with the talks", "sources close to the Kremlin".
 */
function withComplement(
  tokens: readonly Token[],
  first: number,
  last: number,
  loose: boolean,
): Phrase | null {
  for (let j = last - 1; j >= Math.max(first + 1, last - 8); j--) {
    if (!COMPLEMENT_PREPOSITIONS.has(lower(tokens[j]))) continue;
    let h = j - 1;
    if (/^(?:familiar|close|knowledge|briefed|aware)$/u.test(lower(tokens[h]))) h--;
    if (lower(tokens[h]) === 'with') h--;
    // "Dr. Helga Straub of the Institute for Economic Research": a person before the complement.
    if (isCapitalized(tokens[h]) && loose) {
      const person = properName(tokens, first, h);
      if (person?.type === 'person' && (person.text.includes(' ') || person.title)) {
        const rest = joinTokens(tokens.slice(j, last + 1));
        return { ...person, title: [person.title, rest].filter(Boolean).join(' ') };
      }
    }
    // "a person familiar with the decision", "people close to the talks": anonymous sourcing.
    if (
      ANONYMOUS_PEOPLE.test(lower(tokens[h])) &&
      ANONYMITY.test(joinTokens(tokens.slice(h, last + 1)).toLowerCase())
    ) {
      let from = h;
      if (DETERMINERS.has(lower(tokens[h - 1])) && h - 1 >= first) from = h - 1;
      return phraseOf(tokens, from, last, 'anonymous');
    }
    const head = commonNoun(tokens, first, h);
    if (!head || head.type === 'orgRef' || head.type === 'outletRef' || head.type === 'org')
      continue;
    // "Diplomats briefed on the talks" are unnamed but not anonymous sources.
    const type = head.type === 'anonymous' ? 'anonymous' : 'group';
    return phraseOf(tokens, head.firstToken, last, type);
  }
  return null;
}
