/**
 * Finding who speaks for a cue: the subject before it ("Mark Galeotti, an emeritus professor
 * at UCL, told ..."; "The ministry's spokesperson, Maria Zakharova, said ...") or, inverted,
 * after it ("..., said Maria Zakharova, the ministry's spokesperson."). Appositions give the
 * speaker's role.
 */
import { AUXILIARIES, cueWord } from './cues';
import { FINITE_VERBS, PERSON_ROLE_NOUNS, ROLE_MODIFIERS } from './lexicon';
import { phraseEndingAt, type Phrase } from './phrases';
import { isCapitalized, lower, type Token } from './tokens';

/** The speaker's first token, with the article of a name: "the World Health Organization". */
export function speakerStart(tokens: readonly Token[], speaker: Speaker): number {
  const at = speaker.firstToken;
  return /^(?:the|a|an)$/iu.test(tokens[at - 1]?.text ?? '') ? at - 1 : at;
}

export interface Speaker {
  phrase: Phrase;
  /** From an apposition or a title: "a political scientist based in Berlin". */
  role: string | null;
  /** First token of the speaker and its appositions. */
  firstToken: number;
  /** One past the last token of the speaker and its appositions. */
  endToken: number;
}

const HARD_BOUNDARY = /^[;:()[\]]$/u;
/** Commas and paired dashes both set off appositions: "Smith — a former minister — said". */
const PART_BREAK = /^[,\u2014\u2013]$/u;
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
const startsApposition = (tokens: readonly Token[], part: Part): boolean => {
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
const isAdverbial = (tokens: readonly Token[], part: Part): boolean =>
  /^(?:in|on|at|during|after|before|citing|without|despite|like|unlike|via|through|for)$/u.test(
    lower(tokens[part.from]),
  );

/** ", she recalls,", ", officials said,": a cue in passing, not part of the speaker. */
const isParenthetical = (tokens: readonly Token[], part: Part): boolean =>
  part.to - part.from <= 3 && cueWord(tokens[part.to - 1]?.text ?? '') !== undefined;

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

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;
const MONTH =
  /^(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)$/u;

/** Length of a date phrase ending at `end` ("on Thursday", "on 30 October", "last week"). */
function datePhraseBefore(tokens: readonly Token[], from: number, end: number): number {
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

/** Skip "has also", "later", "flatly", "on Thursday" between the speaker and its cue. */
function skipAuxiliaries(tokens: readonly Token[], from: number, end: number): number {
  let e = end;
  while (e > from) {
    const w = lower(tokens[e - 1]);
    const date = datePhraseBefore(tokens, from, e);
    if (date > 0) e -= date;
    else if (tokens[e - 1]?.text === ')') {
      // "Sen. Chuck Schumer (D-N.Y.) said", "the Institute for the Study of War (ISW) said"
      let k = e - 2;
      while (k > from && tokens[k]?.text !== '(') k--;
      if (k <= from) break;
      e = k;
    } else if (AUXILIARIES.has(w) || /^\p{Ll}+ly$/u.test(tokens[e - 1]?.text ?? '')) e--;
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
  // "NRK, which said …": the speaker is what "which" stands for.
  if (/^(?:which|who)$/u.test(lower(tokens[end - 1])) && tokens[end - 2]?.text === ',') {
    const phrase = phraseEndingAt(tokens, from, end - 3, true);
    return phrase
      ? { phrase, role: phrase.title, firstToken: phrase.firstToken, endToken: end }
      : null;
  }
  const parts = partsBefore(tokens, from, end);
  const last = parts[0];
  if (!last) return null;
  const relative = antecedent(tokens, last);
  if (relative)
    return {
      phrase: relative,
      role: relative.title,
      firstToken: relative.firstToken,
      endToken: end,
    };
  if (last.to > last.from) {
    const whole = wholeNounPhrase(tokens, text, last);
    if (whole) return { phrase: whole, role: null, firstToken: last.from, endToken: end };
    const phrase = phraseEndingAt(tokens, last.from, last.to - 1, true);
    if (!phrase) return null;
    const isContinuation =
      phrase.firstToken === last.from && (phrase.type === 'org' || phrase.type === 'outlet');
    const description = parts[1];
    if (!isContinuation || !description || !startsApposition(tokens, description))
      return withRoleBefore(tokens, text, parts, 0, phrase, end);
    // "…, its developer, Veltrix Therapeutics, said": a description, then the name.
    const before = parts[2];
    const named =
      before && before.to > before.from ? phraseEndingAt(tokens, before.from, before.to - 1) : null;
    if (!named || named.firstToken !== before?.from)
      return {
        phrase,
        role: stripArticle(textOf(tokens, description, text)),
        firstToken: description.from,
        endToken: end,
      };
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
    const phrase = phraseEndingAt(tokens, part.from, part.to - 1, true);
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
      const articled = /^(?:the|a|an)$/u.test(lower(tokens[part.from]));
      if (phrase.firstToken !== part.from && !(articled && phrase.firstToken === part.from + 1))
        return null;
      return withRoleBefore(tokens, text, parts, i, phrase, end);
    }
    // "… in a large clinical trial, its developer, Veltrix Therapeutics, said": a common noun
    // inside a clause is no speaker; the name after the description is.
    if (
      phrase.firstToken !== part.from &&
      !['person', 'org', 'outlet', 'pronoun'].includes(phrase.type)
    ) {
      const namePart = appositions[appositions.length - 1];
      const name = namePart ? phraseEndingAt(tokens, namePart.from, namePart.to - 1) : null;
      const description = appositions[appositions.length - 2];
      if (!name || !namePart || name.firstToken !== namePart.from || !description) return null;
      return {
        phrase: name,
        role: stripArticle(textOf(tokens, description, text)),
        firstToken: description.from,
        endToken: end,
      };
    }
    const roleParts = appositions.filter(
      (p) =>
        !isRelative(tokens, p) &&
        !isAgeOrEmpty(tokens, p) &&
        !isParenthetical(tokens, p) &&
        !isAdverbial(tokens, p),
    );
    const role = roleParts.length
      ? stripArticle(
          text.slice(
            tokens[roleParts[0]?.from ?? 0]?.start ?? 0,
            tokens[(roleParts[roleParts.length - 1]?.to ?? 1) - 1]?.end ?? 0,
          ),
        )
      : phrase.title;
    const named = namedIn(tokens, appositions);
    if (named)
      return { phrase: named, role: phrase.text, firstToken: phrase.firstToken, endToken: end };
    return { phrase, role: role || phrase.title, firstToken: phrase.firstToken, endToken: end };
  }
  return null;
}

/**
 * "An independent inquiry into the deaths of eleven residents at a care home has found": a
 * subject that opens with an article and holds no verb is one phrase, headed by its first noun.
 */
function wholeNounPhrase(tokens: readonly Token[], text: string, part: Part): Phrase | null {
  if (!/^(?:the|a|an)$/iu.test(tokens[part.from]?.text ?? '') || part.to - part.from < 4)
    return null;
  const words = tokens.slice(part.from, part.to);
  if (
    words.some(
      (t) =>
        t.kind !== 'word' ||
        FINITE_VERBS.has(lower(t)) ||
        /^(?:and|but|or|who|that|which)$/u.test(lower(t)) ||
        /^\p{Ll}{3,}ed$/u.test(t.text),
    )
  )
    return null;
  const headEnd = firstNounEnd(tokens, part.from, part.to);
  if (headEnd >= part.to - 1) return null;
  const head = phraseEndingAt(tokens, part.from, headEnd, true);
  const a = tokens[part.from];
  const b = tokens[part.to - 1];
  if (!head || head.firstToken !== part.from || !a || !b) return null;
  return {
    ...head,
    start: a.start,
    end: b.end,
    text: text.slice(a.start, b.end),
    firstToken: part.from,
  };
}

/** "A police marksman who shot dead a man …": the speaker is the relative clause's antecedent. */
function antecedent(tokens: readonly Token[], part: Part): Phrase | null {
  for (let r = part.from + 1; r < part.to - 1; r++) {
    if (!/^(?:who|that)$/u.test(lower(tokens[r]))) continue;
    const phrase = phraseEndingAt(tokens, part.from, r - 1, true);
    if (phrase && phrase.firstToken <= part.from + 1 && phrase.type !== 'pronoun') return phrase;
    return null;
  }
  return null;
}

/** "The officer, identified only as W14, said": the name an apposition gives. */
function namedIn(tokens: readonly Token[], appositions: readonly Part[]): Phrase | null {
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
    if (
      role &&
      (role.type === 'roleRef' || role.type === 'group') &&
      role.firstToken === before.from
    )
      return {
        phrase,
        role: stripArticle(textOf(tokens, before, text)),
        firstToken: before.from,
        endToken: end,
      };
  }
  return { phrase, role: phrase.title, firstToken: phrase.firstToken, endToken: end };
}

/** An apposition after a name: "a spokesperson for the ministry", "who chairs the committee". */
function isAppositionAfter(tokens: readonly Token[], part: Part): boolean {
  const first = lower(tokens[part.from]);
  const second = lower(tokens[part.from + 1]);
  if (/^(?:an?|the|who|whose|which)$/u.test(first)) return true;
  return PERSON_ROLE_NOUNS.has(first) || PERSON_ROLE_NOUNS.has(second) || /^\d{1,3}$/u.test(first);
}

/**
 * "..., said Maria Zakharova, the ministry's spokesperson." / "according to a study published
 * in Nature, ...". With `wholeSpan`, everything up to the next comma or the end names the
 * speaker ("according to figures released by the city council").
 */
export function subjectAfter(
  tokens: readonly Token[],
  text: string,
  cue: number,
  to: number,
  wholeSpan = false,
): Speaker | null {
  let e = cue + 1;
  while (e < to && e - cue <= (wholeSpan ? 12 : 8)) {
    const t = tokens[e];
    if (!t || t.kind !== 'word') break;
    if (
      !wholeSpan &&
      /^(?:on|in|at|during|after|before|who|that|yesterday|today|last|this)$/u.test(lower(t))
    )
      break;
    if (
      !wholeSpan &&
      e > cue + 1 &&
      !isCapitalized(t) &&
      isCapitalized(tokens[e - 1]) &&
      !/['’]s$/u.test(tokens[e - 1]?.text ?? '')
    )
      break;
    e++;
  }
  // "figures released by the city council on Tuesday": the date is not part of the name.
  if (wholeSpan) e -= datePhraseBefore(tokens, cue + 1, e);
  if (e === cue + 1) return null;
  let phrase = phraseEndingAt(tokens, cue + 1, e - 1, true);
  if (!phrase || (phrase.firstToken !== cue + 1 && lower(tokens[cue + 1]) !== 'the')) {
    if (!wholeSpan) return null;
    // "a study published on Wednesday in the journal Cryosphere Letters": name it whole.
    const head = phraseEndingAt(tokens, cue + 1, firstNounEnd(tokens, cue + 1, e), true);
    if (!head) return null;
    const a = tokens[cue + 1];
    const b = tokens[e - 1];
    if (!a || !b) return null;
    phrase = {
      ...head,
      start: a.start,
      end: b.end,
      text: text.slice(a.start, b.end),
      firstToken: cue + 1,
    };
  }
  if (!phrase) return null;
  // An apposition after a comma: ", a spokesperson for the ministry" or ", Maria Zakharova".
  if (tokens[e]?.text === ',' && !wholeSpan) {
    let f = e + 1;
    while (f < to && tokens[f]?.kind === 'word' && f - e < MAX_PART) f++;
    const part = { from: e + 1, to: f };
    const closes = f > e + 1 && (f === to || /^[.,;!?]$/u.test(tokens[f]?.text ?? ''));
    if (closes) {
      const named = phraseEndingAt(tokens, part.from, part.to - 1);
      if (named?.type === 'person' && named.firstToken === part.from && phrase.type !== 'person')
        return { phrase: named, role: stripArticle(phrase.text), firstToken: cue + 1, endToken: f };
      if (isAppositionAfter(tokens, part) && !isRelative(tokens, part))
        return {
          phrase,
          role: stripArticle(textOf(tokens, part, text)),
          firstToken: cue + 1,
          endToken: f,
        };
    }
  }
  return { phrase, role: phrase.title, firstToken: cue + 1, endToken: e };
}

/** The end of the first noun phrase in [from, to): before a participle or preposition. */
function firstNounEnd(tokens: readonly Token[], from: number, to: number): number {
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
