/**
 * What follows a cue: the person or outlet told ("told Radio Liberty"), adverbials ("in a
 * statement on Monday", "in an interview with the BBC"), then "that", a colon, a quotation or
 * the reported clause itself. Outlets met on the way are the first links of the chain.
 */
import { cueWord } from './cues';
import { collectOutlets, readObject } from './chain';
import { isOutletPhrase } from './outlets';
import { isCapitalized, lower, type Token } from './tokens';

export interface AfterCue {
  /** First token of what was said (after "that" or a colon), or -1 if nothing follows. */
  contentFrom: number;
  /** "that", ":" or "," before the content, if any. */
  introducer: 'that' | ':' | ',' | null;
  /** Outlets named between the cue and the content ("told Lenta.ru", "in an interview with TASS"). */
  via: string[];
  /** The addressee of "told", when not an outlet ("reporters"). */
  addressee: string | null;
}

const ADVERBIAL_PREPOSITIONS = new Set(
  'on in at during after before by via through while when from over to for with late early'.split(
    ' ',
  ),
);
const TIME_WORDS = new Set(
  'yesterday today tonight earlier later recently again also previously last this then once'.split(
    ' ',
  ),
);
/** Read what follows the cue at `cue`, up to `to` (exclusive). */
export function readAfterCue(tokens: readonly Token[], cue: number, to: number): AfterCue {
  const via: string[] = [];
  let addressee: string | null = null;
  let j = cue + 1;
  const cueInfo = cueWord(tokens[cue]?.text ?? '');
  // "pointed out that", "shot back that"
  if (/^(?:out|back)$/u.test(lower(tokens[j]))) j++;
  if (cueInfo?.cls === 'tell' || lower(tokens[cue]) === 'warned') {
    const object = readObject(tokens, j, to);
    if (object) {
      if (object.outlet || isOutletPhrase(object.text)) via.push(object.text);
      else addressee = object.text;
      j = object.next;
    }
  }
  for (let guard = 0; j < to && guard < 6; guard++) {
    const t = tokens[j];
    const w = lower(t);
    if (!t) break;
    if (w === 'that') return { contentFrom: j + 1, introducer: 'that', via, addressee };
    if (t.text === ':') return { contentFrom: j + 1, introducer: ':', via, addressee };
    if (t.kind === 'quote') return { contentFrom: j, introducer: null, via, addressee };
    if (t.text === ',') {
      if (tokens[j + 1]?.kind === 'quote')
        return { contentFrom: j + 1, introducer: ',', via, addressee };
      // ", citing ...," / ", in a statement," — skip a short parenthetical.
      const close = findComma(tokens, j + 1, Math.min(to, j + 10));
      // "said on Monday, blaming …": the clause ended; nothing reported follows.
      if (close < 0) return { contentFrom: -1, introducer: null, via, addressee };
      collectOutlets(tokens, j + 1, close, via);
      j = close + 1;
      continue;
    }
    if (TIME_WORDS.has(w) && t.kind === 'word') {
      j += lower(tokens[j + 1]) === 'week' || lower(tokens[j + 1]) === 'month' ? 2 : 1;
      continue;
    }
    if (
      ADVERBIAL_PREPOSITIONS.has(w) ||
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u.test(w)
    ) {
      const end = adverbialEnd(tokens, j, to);
      collectOutlets(tokens, j, end, via);
      j = end;
      continue;
    }
    break;
  }
  return { contentFrom: j < to ? j : -1, introducer: null, via, addressee };
}

function findComma(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (tokens[i]?.text === ',') return i;
  return -1;
}

/** A short prepositional phrase: "on Monday", "in a statement", "in an interview with TASS". */
function adverbialEnd(tokens: readonly Token[], from: number, to: number): number {
  let j = from + 1;
  while (j < to && j - from < 9) {
    const t = tokens[j];
    const w = lower(t);
    if (!t || t.kind !== 'word' || w === 'that') break;
    // A new clause starts at a pronoun or a determiner after the phrase's noun.
    if (/^(?:he|she|they|it|we|i)$/u.test(w) && j > from + 1) break;
    if (
      j > from + 1 &&
      /^(?:the|a|an)$/u.test(w) &&
      !ADVERBIAL_PREPOSITIONS.has(lower(tokens[j - 1]))
    )
      break;
    if (
      j > from + 2 &&
      isCapitalized(tokens[j - 1]) &&
      !isCapitalized(t) &&
      !ADVERBIAL_PREPOSITIONS.has(w) &&
      !/['’]s$/u.test(tokens[j - 1]?.text ?? '')
    )
      break;
    j++;
  }
  return j;
}
