/**
 * The pieces around a speaker phrase: the comma-separated parts before a cue, which of them
 * describe the speaker (appositions) and which are set off in passing, a date just before the
 * cue, and where the first noun phrase of a description ends.
 */
import { cueWord } from './cues';
import { PERSON_ROLE_NOUNS, ROLE_MODIFIERS } from './lexicon';
import { phraseEndingAt, type Phrase } from './phrases';
import { lower, type Token } from './tokens';

const HARD_BOUNDARY = /^[;:()[\]]$/u;
/** Commas and paired dashes both set off appositions: "Smith — a former minister — said". */
const PART_BREAK = /^[,\u2014\u2013]$/u;
export const MAX_PART = 16;

export interface Part {
  from: number;
  to: number; // exclusive
}

/** Comma-separated parts before `end`, nearest first; stops at hard boundaries. */
export function partsBefore(tokens: readonly Token[], from: number, end: number): Part[] {
  const parts: Part[] = [];
  let to = end;
  for (let i = end - 1; i >= from - 1 && parts.length < 5; i--) {
    const t = tokens[i];
    const stop =
      i < from || !t || t.kind === 'quote' || HARD_BOUNDARY.test(t.text) || t.text === '-';
    if (stop || PART_BREAK.test(t.text)) {
      parts.push({ from: i + 1, to });
      if (stop || to - (i + 1) > MAX_PART) break;
      to = i;
    }
  }
  return parts;
}

/**
 * Whether a part after a name describes it: "a political scientist based in Berlin", "first
 * deputy chairman of …", "who leads the group", "54". A lowercase clause ("quad bikes and
 * farm machinery worth …") is not one.
 */
export const startsApposition = (tokens: readonly Token[], part: Part): boolean => {
  const t = tokens[part.from];
  if (!t || part.to <= part.from || !/^[\p{Ll}\d]/u.test(t.text)) return false;
  if (isAdverbial(tokens, part)) return true;
  // "former police chief Martin Boyle" is a titled name, not a description of one.
  const titled = phraseEndingAt(tokens, part.from, part.to - 1);
  const at = /^(?:the|a|an)$/u.test(lower(t)) ? part.from + 1 : part.from;
  if (titled?.type === 'person' && titled.firstToken === at && titled.title) return false;
  const head = tokens.slice(part.from, Math.min(part.to, part.from + 3)).map(lower);
  return (
    /^(?:an?|the|who|whose|which|his|her|its|their|himself|herself|itself|\d{1,3})$/u.test(
      head[0] ?? '',
    ) ||
    // "speaking on condition of anonymity", "based in Berlin", "she recalls"
    /^\p{Ll}{3,}(?:ing|ed)$/u.test(head[0] ?? '') ||
    isParenthetical(tokens, part) ||
    head.some((w) =>
      w
        .replace(/['’]s$/u, '')
        .split('-')
        .some((piece) => PERSON_ROLE_NOUNS.has(piece) || ROLE_MODIFIERS.has(piece)),
    ) ||
    // "head of research at Calder", "chair of the committee"
    /^(?:of|at|for|with|from|in)$/u.test(head[1] ?? '')
  );
};
/** "The Kremlin, in a readout of the call, said": an adverbial set off by commas. */
export const isAdverbial = (tokens: readonly Token[], part: Part): boolean =>
  /^(?:in|on|at|during|after|before|citing|without|despite|like|unlike|via|through|for)$/u.test(
    lower(tokens[part.from]),
  );

/** ", she recalls,", ", officials said,": a cue in passing, not part of the speaker. */
export const isParenthetical = (tokens: readonly Token[], part: Part): boolean =>
  part.to - part.from <= 3 && cueWord(tokens[part.to - 1]?.text ?? '') !== undefined;

export const isRelative = (tokens: readonly Token[], part: Part): boolean =>
  /^(?:who|which|whose|whom|where|when)$/u.test(lower(tokens[part.from]));

export const isAgeOrEmpty = (tokens: readonly Token[], part: Part): boolean =>
  part.to - part.from === 1 && /^\d{1,3}$/u.test(tokens[part.from]?.text ?? '');

export const textOf = (tokens: readonly Token[], part: Part, text: string): string => {
  const a = tokens[part.from];
  const b = tokens[part.to - 1];
  return a && b ? text.slice(a.start, b.end) : '';
};

export const stripArticle = (s: string): string => s.replace(/^(?:an?|the)\s+/iu, '').trim();

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;
const MONTH =
  /^(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)$/u;

/** Length of a date phrase ending at `end` ("on Thursday", "on 30 October", "last week"). */
export function datePhraseBefore(tokens: readonly Token[], from: number, end: number): number {
  const w = (i: number): string => lower(tokens[end - i]);
  if (w(1) === 'yesterday' || w(1) === 'today') return 1;
  if ((w(1) === 'week' || w(1) === 'month') && /^(?:last|this)$/u.test(w(2))) return 2;
  if (w(1) === ',') return 0;
  let n = 0;
  while (
    n < 4 &&
    end - n - 1 >= from &&
    (WEEKDAY.test(w(n + 1)) ||
      MONTH.test(w(n + 1)) ||
      /^\d{1,4}$/u.test(w(n + 1)) ||
      w(n + 1) === ',')
  )
    n++;
  return n > 0 && w(n + 1) === 'on' ? n + 1 : 0;
}

/** "The officer, identified only as W14, said": the name an apposition gives. */
export function namedIn(tokens: readonly Token[], appositions: readonly Part[]): Phrase | null {
  for (const part of appositions) {
    // "identified only as W14", "who gave his name only as Ilir"
    const words = tokens.slice(part.from, part.to).map(lower);
    const as = words.lastIndexOf('as');
    const naming = words.slice(Math.max(0, as - 4), as);
    if (as < 0 || !naming.some((w) => /^(?:identified|named|known|referred|name)$/u.test(w)))
      continue;
    const phrase = phraseEndingAt(tokens, part.from + as + 1, part.to - 1);
    if (
      phrase &&
      (phrase.type === 'person' || phrase.type === 'org') &&
      phrase.firstToken === part.from + as + 1
    )
      return { ...phrase, type: 'person' };
  }
  return null;
}

/** An apposition after a name: "a spokesperson for the ministry", "who chairs the committee". */
export function isAppositionAfter(tokens: readonly Token[], part: Part): boolean {
  const first = lower(tokens[part.from]);
  const second = lower(tokens[part.from + 1]);
  if (/^(?:an?|the|who|whose|which)$/u.test(first)) return true;
  return PERSON_ROLE_NOUNS.has(first) || PERSON_ROLE_NOUNS.has(second) || /^\d{1,3}$/u.test(first);
}

/** The end of the first noun phrase in [from, to): before a participle or preposition. */
export function firstNounEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const w = lower(tokens[i]);
    if (
      /(?:ed|ing)$/u.test(w) ||
      /^(?:by|in|into|on|at|from|of|for|with|about|over|against|who|which|that|released|published|seen)$/u.test(
        w,
      )
    )
      return i - 1;
  }
  return to - 1;
}
