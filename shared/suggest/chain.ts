/**
 * The chain a claim came through: outlets named next to the cue ("told Radio Liberty", "the
 * business daily Kommersant", "the BBC's Today programme", "in an interview with CBC News")
 * and what else "told" may have for an object ("reporters", "an employment tribunal").
 */
import { isOutletName } from './outlets';
import { isCapitalized, lower, type Token } from './tokens';

/** Nouns that say a name belongs to an outlet: "the radio station Antena Sul", "the Izvestia newspaper". */
const MEDIA =
  /^(?:newspaper|paper|daily|weekly|radio|television|tv|channel|broadcaster|agency|website|site|network|station|magazine|programme|program|show|podcast|outlet|wire|tabloid)$/u;
/** Words that may come before such a noun: "the business daily", "the state news agency". */
const MEDIA_MODIFIERS =
  /^(?:business|state|national|public|news|local|regional|independent|online|private|financial)$/u;
/** Nouns that end an addressee of "told" ("told reporters", "told a news conference"). */
const ADDRESSEES =
  /^(?:reporters|journalists|lawmakers|parliament|deputies|audience|crowd|interviewer|colleagues|supporters|residents|investors|analysts|officials|conference|briefing|hearing|forum|summit|meeting|committee|students|delegates|press|jurors|jury|court|tribunal|inquest|mps|senators|staff|employees)$/u;

const join = (tokens: readonly Token[], from: number, to: number): string =>
  tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');

/** An outlet named at token `i` ("the broadcaster NRK", "Reuters"), and where it ends. */
export function outletAt(
  tokens: readonly Token[],
  i: number,
  to: number,
): { name: string; next: number } | null {
  let j = i;
  if (/^(?:the|a|an)$/u.test(lower(tokens[j]))) j++;
  let sawMedia = false;
  while (
    j < to &&
    j - i < 4 &&
    !isCapitalized(tokens[j]) &&
    (MEDIA.test(lower(tokens[j])) || MEDIA_MODIFIERS.test(lower(tokens[j])))
  ) {
    sawMedia ||= MEDIA.test(lower(tokens[j]));
    j++;
  }
  if (!isCapitalized(tokens[j])) return null;
  let k = j;
  while (k + 1 < to && isCapitalized(tokens[k + 1]) && !/['’]s$/u.test(tokens[k]?.text ?? '')) k++;
  const name = join(tokens, j, k + 1).replace(/['’]s$/u, '');
  let next = k + 1;
  // "the BBC's Today programme": the outlet is the BBC.
  if (/['’]s$/u.test(tokens[k]?.text ?? ''))
    while (next < to && next - k < 4 && isCapitalized(tokens[next])) next++;
  while (
    next < to &&
    next - k < 6 &&
    (MEDIA.test(lower(tokens[next])) || MEDIA_MODIFIERS.test(lower(tokens[next])))
  ) {
    sawMedia ||= MEDIA.test(lower(tokens[next]));
    next++;
  }
  // "the Norwegian broadcaster NRK": the name after the media noun is the outlet's.
  if (sawMedia && isCapitalized(tokens[next]) && !isOutletName(name)) {
    let m = next;
    while (m + 1 < to && isCapitalized(tokens[m + 1])) m++;
    return { name: join(tokens, next, m + 1).replace(/['’]s$/u, ''), next: m + 1 };
  }
  return isOutletName(name) || sawMedia ? { name, next } : null;
}

/** Outlets named in a stretch of words, in order, each once. */
export function collectOutlets(
  tokens: readonly Token[],
  from: number,
  to: number,
  via: string[],
): void {
  let i = from;
  while (i < to) {
    const found =
      isCapitalized(tokens[i]) || lower(tokens[i]) === 'the' ? outletAt(tokens, i, to) : null;
    if (found) {
      if (!via.includes(found.name)) via.push(found.name);
      i = found.next;
    } else i++;
  }
}

/** The object of "told": an outlet ("Radio Liberty"), or who else was told ("reporters"). */
export function readObject(
  tokens: readonly Token[],
  from: number,
  to: number,
): { text: string; next: number; outlet: boolean } | null {
  const first = tokens[from];
  if (!first || first.kind !== 'word') return null;
  if (/^(?:him|her|them|us|me|you)$/u.test(lower(first)))
    return { text: first.text, next: from + 1, outlet: false };
  const outlet = outletAt(tokens, from, to);
  if (outlet) return { text: outlet.name, next: outlet.next, outlet: true };
  let j = from;
  if (/^(?:the|a|an)$/u.test(lower(first))) j++;
  if (isCapitalized(tokens[j])) {
    let k = j;
    while (k + 1 < to && isCapitalized(tokens[k + 1])) k++;
    return { text: join(tokens, j, k + 1), next: k + 1, outlet: false };
  }
  // "reporters", "a weekly briefing": the last such noun ends the addressee.
  let end = -1;
  for (let k = j; k < Math.min(to, j + 4); k++) {
    const w = lower(tokens[k]);
    if (tokens[k]?.kind !== 'word' || w === 'that') break;
    if (MEDIA.test(w) || ADDRESSEES.test(w)) end = k + 1;
  }
  if (end > 0) return { text: join(tokens, from, end), next: end, outlet: false };
  // "told an employment tribunal that …": whatever stands before "that".
  for (let k = from + 1; k < Math.min(to, from + 7); k++) {
    const t = tokens[k];
    if (!t || t.kind !== 'word') return null;
    if (lower(t) === 'that') return { text: join(tokens, from, k), next: k, outlet: false };
  }
  return null;
}

/**
 * Outlets named around a claim in its sentence but outside any claim's content: "In an
 * interview with CBC News, she said …", "… told NRK that …" (an outlet the article named
 * before counts even when its name alone would not say so).
 */
export function chainAround(
  tokens: readonly Token[],
  from: number,
  to: number,
  knownOutlet: (name: string) => boolean,
): string[] {
  const via: string[] = [];
  for (let i = from; i < to; i++) {
    const w = lower(tokens[i]);
    if (!/^(?:told|with|to|on)$/u.test(w) || lower(tokens[i - 1]) === 'according') continue;
    const found = outletAt(tokens, i + 1, to);
    let name = found?.name;
    if (!name) {
      const j = lower(tokens[i + 1]) === 'the' ? i + 2 : i + 1;
      let k = j;
      while (k < to && isCapitalized(tokens[k])) k++;
      const run = join(tokens, j, k);
      if (k > j && knownOutlet(run)) name = run;
    }
    if (name && !via.includes(name)) via.push(name);
  }
  return via;
}
