/**
 * Finding who speaks for a cue: the subject before it ("Mark Galeotti, an emeritus professor
 * at UCL, told ..."; "The ministry's spokesperson, Maria Zakharova, said ...") or, inverted,
 * after it (speakerAfter.ts). Appositions give the
 * speaker's role.
 */
import { AUXILIARIES } from './cues';
import { FINITE_VERBS } from './lexicon';
import { phraseEndingAt, type Phrase } from './phrases';
import {
  datePhraseBefore,
  firstNounEnd,
  isAdverbial,
  isAgeOrEmpty,
  isParenthetical,
  isRelative,
  namedIn,
  partsBefore,
  startsApposition,
  stripArticle,
  textOf,
  type Part,
} from './speakerParts';
import { lower, type Token } from './tokens';

export { subjectAfter } from './speakerAfter';

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
