/**
 * Proper names as speakers: a capitalised run read back from its end, its title split off
 * ("Foreign Minister Sergei Lavrov"), a role before it ("the Kremlin's spokesman Dmitry
 * Peskov"), and what it names: a person, an organisation, a place or an outlet.
 */
import {
  CLAUSE_BOUNDARIES,
  FEMALE_HONORIFICS,
  HONORIFICS,
  MALE_HONORIFICS,
  ORG_NOUNS,
  ORG_WORDS,
  PERSON_ROLE_NOUNS,
  PLACE_FIRST_WORDS,
  PLACE_WORDS,
  PLACES,
  PREPOSITIONS,
  ROLE_MODIFIERS,
  TITLE_HEADS,
  genderOfFirstName,
  genderOfSurname,
} from './lexicon';
import { isOutletName, OUTLET_NOUNS } from './outlets';
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

const NAME_PARTICLES = new Set(
  'de da di del della van von der den ter ten le la du dos das al el bin ibn bint y'.split(' '),
);
/** Particles that may open a name written without its first name. */
const LEADING_PARTICLES = /^(?:de|du|da|di|del|della|van|von|der|den|ter|ten|bin|ibn)$/u;

export function properName(tokens: readonly Token[], first: number, last: number): Phrase | null {
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
  // "Oil prices rose", "Energy ministers met": a word of company names alone is no name.
  if (nameTokens.length === 1 && ORG_WORDS.has(text) && !INSTITUTIONS.has(text)) return null;
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

/** Organisations that go by one word of the kind ("the Kremlin said", "Parliament voted"). */
const INSTITUTIONS = new Set(
  'Kremlin Pentagon Parliament Duma Senate Congress Bundestag Knesset Rada Cabinet Government Police Army Navy Commission Council Ministry Presidency Secretariat'.split(
    ' ',
  ),
);

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
