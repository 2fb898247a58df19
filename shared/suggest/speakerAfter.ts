/**
 * The speaker after its cue: "…, said Maria Zakharova, the ministry's spokesperson." and the
 * source of "according to X", read whole when asked ("according to figures released by the
 * city council").
 */
import { phraseEndingAt } from './phrases';
import type { Speaker } from './speaker';
import {
  datePhraseBefore,
  firstNounEnd,
  isAppositionAfter,
  isRelative,
  MAX_PART,
  stripArticle,
  textOf,
} from './speakerParts';
import { isCapitalized, lower, type Token } from './tokens';

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
  // "… the property website HomeFinder published on Monday": the participle goes too.
  while (
    wholeSpan &&
    e > cue + 2 &&
    /^(?:published|released|issued|seen|obtained)$/u.test(lower(tokens[e - 1]))
  )
    e--;
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
