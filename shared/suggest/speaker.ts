/**
 * Finding who speaks for a cue: the subject before it ("Mark Galeotti, an emeritus professor
 * at UCL, told ..."; "The ministry's spokesperson, Maria Zakharova, said ...") or, inverted,
 * after it ("..., said Maria Zakharova, the ministry's spokesperson."). Appositions give the
 * speaker's role.
 */
import { AUXILIARIES } from './cues';
import { phraseEndingAt, type Phrase } from './phrases';
import { isCapitalized, lower, type Token } from './tokens';

export interface Speaker {
  phrase: Phrase;
  /** From an apposition or a title: "a political scientist based in Berlin". */
  role: string | null;
  /** First token of the speaker and its appositions. */
  firstToken: number;
  /** One past the last token of the speaker and its appositions. */
  endToken: number;
}

const HARD_BOUNDARY = /^[;:()\u2014\u2013[\]]$/u;
const MAX_PART = 16;

interface Part {
  from: number;
  to: number; // exclusive
}

/** Comma-separated parts before `end`, nearest first; stops at hard boundaries. */
function partsBefore(tokens: readonly Token[], from: number, end: number): Part[] {
  const parts: Part[] = [];
  let to = end;
  for (let i = end - 1; i >= from - 1 && parts.length < 5; i--) {
    const t = tokens[i];
    const stop = i < from || !t || t.kind === 'quote' || HARD_BOUNDARY.test(t.text) || t.text === '-';
    if (stop || t.text === ',') {
      parts.push({ from: i + 1, to });
      if (stop || to - (i + 1) > MAX_PART) break;
      to = i;
    }
  }
  return parts;
}

const startsApposition = (tokens: readonly Token[], part: Part): boolean => {
  const t = tokens[part.from];
  if (!t || part.to <= part.from) return false;
  return /^[\p{Ll}\d]/u.test(t.text) && !/^(?:and|but|or|so|then)$/u.test(t.text);
};
const isRelative = (tokens: readonly Token[], part: Part): boolean =>
  /^(?:who|which|whose|whom|where|when)$/u.test(lower(tokens[part.from]));

const isAgeOrEmpty = (tokens: readonly Token[], part: Part): boolean =>
  part.to - part.from === 1 && /^\d{1,3}$/u.test(tokens[part.from]?.text ?? '');

const textOf = (tokens: readonly Token[], part: Part, text: string): string => {
  const a = tokens[part.from];
  const b = tokens[part.to - 1];
  return a && b ? text.slice(a.start, b.end) : '';
};

const stripArticle = (s: string): string => s.replace(/^(?:an?|the)\s+/iu, '').trim();

/** Skip "has also", "later", "flatly" between the speaker and its cue. */
function skipAuxiliaries(tokens: readonly Token[], from: number, end: number): number {
  let e = end;
  while (e > from) {
    const w = lower(tokens[e - 1]);
    if (AUXILIARIES.has(w) || (/^\p{Ll}+ly$/u.test(tokens[e - 1]?.text ?? '') && w !== 'only')) e--;
    else break;
  }
  return e;
}

/** The speaker of a cue at token `cue`, read back to the sentence start `from`. */
export function subjectBefore(
  tokens: readonly Token[],
  text: string,
  from: number,
  cue: number,
): Speaker | null {
  const end = skipAuxiliaries(tokens, from, cue);
  const parts = partsBefore(tokens, from, end);
  const last = parts[0];
  if (!last) return null;
  if (last.to > last.from) {
    const phrase = phraseEndingAt(tokens, last.from, last.to - 1);
    if (!phrase) return null;
    const isContinuation =
      phrase.firstToken === last.from && (phrase.type === 'org' || phrase.type === 'outlet');
    if (!isContinuation || !parts[1] || !startsApposition(tokens, parts[1]))
      return withRoleBefore(tokens, text, parts, 0, phrase, end);
  }
  // "Name, apposition[, Place], cue": walk back over the appositions.
  let i = 1;
  const appositions: Part[] = last.to > last.from ? [last] : [];
  while (i < parts.length && appositions.length < 4) {
    const part = parts[i];
    if (!part) break;
    const prevPart = parts[i + 1];
    if (startsApposition(tokens, part) || isAgeOrEmpty(tokens, part)) {
      appositions.unshift(part);
      i++;
      continue;
    }
    const phrase = phraseEndingAt(tokens, part.from, part.to - 1);
    if (!phrase) return null;
    const continuesApposition =
      prevPart !== undefined &&
      startsApposition(tokens, prevPart) &&
      phrase.firstToken === part.from &&
      (phrase.type === 'org' || phrase.type === 'outlet') &&
      parts[i + 2] !== undefined;
    if (continuesApposition) {
      appositions.unshift(part);
      i++;
      continue;
    }
    if (appositions.length === 0) {
      // "ROLE, NAME, said" names the speaker in a part of its own; "Russia will help
      // Venezuela, said Chepa" does not.
      if (phrase.firstToken !== part.from) return null;
      return withRoleBefore(tokens, text, parts, i, phrase, end);
    }
    const roleParts = appositions.filter(
      (p) => !isRelative(tokens, p) && !isAgeOrEmpty(tokens, p),
    );
    const role = roleParts.length
      ? stripArticle(
          text.slice(tokens[roleParts[0]?.from ?? 0]?.start ?? 0, tokens[(roleParts[roleParts.length - 1]?.to ?? 1) - 1]?.end ?? 0),
        )
      : phrase.title;
    return { phrase, role: role || phrase.title, firstToken: phrase.firstToken, endToken: end };
  }
  return null;
}

/** "The ministry's spokesperson, Maria Zakharova, said": a role part before the name part. */
function withRoleBefore(
  tokens: readonly Token[],
  text: string,
  parts: readonly Part[],
  at: number,
  phrase: Phrase,
  end: number,
): Speaker {
  const before = parts[at + 1];
  const namePart = parts[at];
  if (
    phrase.type === 'person' &&
    before &&
    namePart &&
    phrase.firstToken === namePart.from &&
    before.to > before.from
  ) {
    const role = phraseEndingAt(tokens, before.from, before.to - 1);
    if (role && (role.type === 'roleRef' || role.type === 'group') && role.firstToken === before.from)
      return { phrase, role: stripArticle(textOf(tokens, before, text)), firstToken: before.from, endToken: end };
  }
  return { phrase, role: phrase.title, firstToken: phrase.firstToken, endToken: end };
}

/** "..., said Maria Zakharova, the ministry's spokesperson." */
export function subjectAfter(
  tokens: readonly Token[],
  text: string,
  cue: number,
  to: number,
): Speaker | null {
  let e = cue + 1;
  while (e < to && e - cue <= 8) {
    const t = tokens[e];
    if (!t || t.kind !== 'word' || /^(?:on|in|at|during|after|before|who|that|yesterday|today|last|this)$/u.test(lower(t)))
      break;
    if (e > cue + 1 && !isCapitalized(t) && isCapitalized(tokens[e - 1]) && !/['’]s$/u.test(tokens[e - 1]?.text ?? ''))
      break;
    e++;
  }
  if (e === cue + 1) return null;
  const phrase = phraseEndingAt(tokens, cue + 1, e - 1);
  if (!phrase || phrase.firstToken !== cue + 1 && lower(tokens[cue + 1]) !== 'the') return null;
  // An apposition after a comma: ", a spokesperson for the ministry" or ", Maria Zakharova".
  if (tokens[e]?.text === ',') {
    let f = e + 1;
    while (f < to && tokens[f]?.kind === 'word' && f - e < MAX_PART) f++;
    const part = { from: e + 1, to: f };
    if (f > e + 1 && (tokens[f] === undefined || f === to || /^[.,;!?]$/u.test(tokens[f]?.text ?? ''))) {
      const named = phraseEndingAt(tokens, part.from, part.to - 1);
      if (named?.type === 'person' && named.firstToken === part.from && phrase.type !== 'person')
        return { phrase: named, role: stripArticle(phrase.text), firstToken: cue + 1, endToken: f };
      if (startsApposition(tokens, part) && !isRelative(tokens, part))
        return { phrase, role: stripArticle(textOf(tokens, part, text)), firstToken: cue + 1, endToken: f };
    }
  }
  return { phrase, role: phrase.title, firstToken: cue + 1, endToken: e };
}
