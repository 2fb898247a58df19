/**
 * Reading the phrase that names a speaker, backwards from where it ends: a name with its
 * title ("Foreign Minister Sergei Lavrov"), a pronoun, an organisation or outlet, or a common
 * noun phrase ("the spokesperson", "two senior officials", "sources close to the Kremlin").
 */
import {
  ANONYMOUS_HEADS,
  CLAUSE_BOUNDARIES,
  FEMALE_HONORIFICS,
  FINITE_VERBS,
  GENDERED_ROLES,
  GROUP_PRONOUNS,
  HONORIFICS,
  MALE_HONORIFICS,
  ORG_NOUNS,
  ORG_WORDS,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  PLACE_FIRST_WORDS,
  PLACE_WORDS,
  PLACES,
  PLURAL_PERSON_NOUNS,
  PREPOSITIONS,
  ROLE_MODIFIERS,
  TITLE_HEADS,
  genderOfFirstName,
  genderOfSurname,
} from './lexicon';
import { isOutletName, isOutletPhrase, OUTLET_NOUNS } from './outlets';
import { isCapitalized, lower, type Token } from './tokens';

export type PhraseType =
  | 'person'
  | 'pronoun'
  | 'org'
  | 'outlet'
  /** "the spokesperson": one person named by role, to resolve to a name met earlier. */
  | 'roleRef'
  /** "the ministry", "the newspaper": an organisation or outlet met earlier. */
  | 'orgRef'
  | 'outletRef'
  /** "officials", "a spokesperson for the ministry": speakers who stay unnamed. */
  | 'group'
  /** "sources", "people familiar with the matter": the claim counts as unattributed. */
  | 'anonymous';

export interface Phrase {
  type: PhraseType;
  /** The words that name the speaker: the name itself when there is one. */
  start: number;
  end: number;
  text: string;
  /** A title written before the name: "Foreign Minister", "the Kremlin's spokesman". */
  title: string | null;
  gender?: 'm' | 'f';
  /** Index of the first token of the whole phrase (title included). */
  firstToken: number;
}

const DETERMINERS = new Set(
  'the a an this that these those its his her their our two three four five several some many one other another both all each most'.split(
    ' ',
  ),
);
const NAME_PARTICLES = new Set(
  'de da di del della van von der den ter ten le la du dos das al el bin ibn bint y'.split(' '),
);
/** Particles that may open a name written without its first name. */
const LEADING_PARTICLES = /^(?:de|du|da|di|del|della|van|von|der|den|ter|ten|bin|ibn)$/u;

/** Capitalised words that begin sentences, not names. */
const CAPITAL_FUNCTION_WORDS = new Set(
  (
    'The A An In On At But And Or As After Before When While Since If This That These Those It He She ' +
    'They We I His Her Its Their Our Meanwhile However Still Yet Asked Speaking According Earlier ' +
    'Later Last Next Separately Also Then There Here Instead Although Though Because Despite Following ' +
    'One Two Three Four Five Another Some Several Many Most Both Each Other Others Asked Speaking'
  ).split(' '),
);

const word = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word';
const bareWord = (t: Token | undefined): string => lower(t).replace(/['’]s$/u, '');

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

function properName(tokens: readonly Token[], first: number, last: number): Phrase | null {
  let k = last;
  while (k - 1 >= first) {
    const prev = tokens[k - 1];
    if (isCapitalized(prev) && prev && !CAPITAL_FUNCTION_WORDS.has(prev.text)) k--;
    else if (NAME_PARTICLES.has(lower(prev)) && isCapitalized(tokens[k - 2])) k--;
    // "du Plessis said": a name may open with its particle.
    else if (
      LEADING_PARTICLES.test(prev?.text ?? '') &&
      !isCapitalized(tokens[k - 2]) &&
      k - 1 >= first
    ) {
      k--;
      break;
    }
    // "Ministry of Defence", "Institute for Economic Research": kept only for organisations.
    else if (
      /^(?:of|for|and|on)$/u.test(prev?.text ?? '') &&
      isCapitalized(tokens[k - 2]) &&
      k - 2 >= first &&
      orgAhead(tokens, k - 2)
    )
      k -= 2;
    else if (
      prev?.text === 'the' &&
      /^(?:of|for|and|on)$/u.test(tokens[k - 2]?.text ?? '') &&
      isCapitalized(tokens[k - 3]) &&
      k - 3 >= first &&
      orgAhead(tokens, k - 3)
    )
      k -= 3;
    else if (prev?.text === '-' && prev.end === tokens[k]?.start) k--;
    else break;
  }
  const run = tokens.slice(k, last + 1);
  // Split a leading title: the name is what follows its last title word.
  let titleEnd = -1;
  run.forEach((tok, i) => {
    if (TITLE_HEADS.has(tok.text) && i < run.length - 1) titleEnd = i;
  });
  const nameTokens = run.slice(titleEnd + 1);
  const first0 = nameTokens[0];
  const last0 = nameTokens[nameTokens.length - 1];
  if (!first0 || !last0) return null;
  const text = joinTokens(nameTokens);
  const titleTokens = run.slice(0, titleEnd + 1);
  const honorific = titleTokens.find((tok) => HONORIFICS.has(tok.text))?.text;
  const rolePrefix = rolePrefixBefore(tokens, first, k);
  const titleText = [
    rolePrefix?.text,
    joinTokens(titleTokens.filter((tok) => !HONORIFICS.has(tok.text))),
  ]
    .filter((s) => s)
    .join(' ');
  const descriptor = orgNounBefore(tokens, first, k);
  const type = outletNounBefore(tokens, first, k)
    ? 'outlet'
    : descriptor
      ? 'org'
      : classifyName(text, nameTokens);
  const gender = type === 'person' ? guessGender(nameTokens, honorific) : undefined;
  return {
    type,
    start: first0.start,
    end: last0.end,
    text,
    title: titleText || descriptor || null,
    firstToken: rolePrefix?.from ?? k,
    ...(gender ? { gender } : {}),
  };
}

/** "the installers' federation BWH": the noun that says what the named organisation is. */
function orgNounBefore(tokens: readonly Token[], first: number, nameStart: number): string | null {
  const prev = tokens[nameStart - 1];
  if (nameStart - 1 < first || !prev || isCapitalized(prev) || !ORG_NOUNS.has(lower(prev)))
    return null;
  if (
    /^(?:statement|report|study|document|letter|survey|memo|filing|poll|minutes|figures|data)$/u.test(
      lower(prev),
    )
  )
    return null;
  return lower(prev);
}

/** "the daily Kommersant", "the broadcaster NRK", "the radio station Antena Sul". */
function outletNounBefore(tokens: readonly Token[], first: number, nameStart: number): boolean {
  const prev = tokens[nameStart - 1];
  return (
    nameStart - 1 >= first &&
    !!prev &&
    !isCapitalized(prev) &&
    OUTLET_NOUNS.has(lower(prev)) &&
    lower(prev) !== 'media'
  );
}

/** Whether an organisation's name runs back from `i`: "Institute for the Study" of War. */
function orgAhead(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k >= Math.max(0, i - 8); k--) {
    const t = tokens[k];
    if (ORG_WORDS.has(t?.text ?? '')) return true;
    if (!isCapitalized(t) && !CONNECTORS.test(t?.text ?? '')) return false;
  }
  return false;
}

const CONNECTORS = /^(?:of|for|and|on|the)$/u;

const joinTokens = (run: readonly Token[]): string =>
  run.map((tok, i) => (i > 0 && (run[i - 1]?.end ?? 0) < tok.start ? ' ' : '') + tok.text).join('');

/** "the Kremlin's spokesman" before "Dmitry Peskov". */
function rolePrefixBefore(
  tokens: readonly Token[],
  first: number,
  nameStart: number,
): { text: string; from: number } | null {
  let k = nameStart;
  let sawRole = false;
  let unknown = 0;
  while (k - 1 >= first) {
    const prev = tokens[k - 1];
    const w = bareWord(prev);
    if (!word(prev)) break;
    if (PERSON_ROLE_NOUNS.has(w)) sawRole = true;
    else if (
      sawRole &&
      unknown < 2 &&
      /^\p{Ll}[\p{Ll}-]+$/u.test(prev?.text ?? '') &&
      !DETERMINERS.has(w) &&
      !PREPOSITIONS.has(w) &&
      !CLAUSE_BOUNDARIES.has(w) &&
      !/(?:ed|ly)$/u.test(w)
    )
      unknown++; // "chief content officer", "retail analyst"
    else if (
      !ROLE_MODIFIERS.has(w) &&
      !(isCapitalized(prev) && !CAPITAL_FUNCTION_WORDS.has(prev?.text ?? ''))
    )
      break;
    k--;
  }
  if (!sawRole) return null;
  return { text: joinTokens(tokens.slice(k, nameStart)), from: k };
}

function classifyName(text: string, run: readonly Token[]): PhraseType {
  if (isOutletName(text)) return 'outlet';
  if (run.some((tok) => ORG_WORDS.has(tok.text))) return 'org';
  const lastWord = run[run.length - 1]?.text ?? '';
  if (PLACES.has(lastWord) || PLACE_WORDS.has(lastWord)) return 'org';
  if (run.length > 1 && PLACE_FIRST_WORDS.has(run[0]?.text ?? '')) return 'org';
  if (run.every((tok) => PLACES.has(tok.text) || /^(?:US|U\.S\.|UK|EU|UN)$/u.test(tok.text)))
    return 'org';
  if (run.length === 1 && /^[\p{Lu}\d&.]{2,6}$/u.test(run[0]?.text ?? '')) return 'org';
  return 'person';
}

function guessGender(run: readonly Token[], honorific: string | undefined): 'm' | 'f' | undefined {
  if (honorific && MALE_HONORIFICS.has(honorific)) return 'm';
  if (honorific && FEMALE_HONORIFICS.has(honorific)) return 'f';
  const given = run.length > 1 ? run[0]?.text : undefined;
  const byGiven = given ? genderOfFirstName(given) : undefined;
  return byGiven ?? genderOfSurname(run[run.length - 1]?.text ?? '');
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
