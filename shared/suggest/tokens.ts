/**
 * Words and punctuation with their offsets, each outermost quotation kept as one token: the
 * rules that find who said what read the words around a quote, never inside it.
 */
import { softBreaks } from './layout';
import { outermost, type QuoteSpan } from './quotes';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** The quotation, for a quote token. */
  quote?: QuoteSpan;
  /** A line break comes before this token. */
  afterBreak: boolean;
}

/** Abbreviations whose full stop never ends a sentence. */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col capt sgt st mt ft adm maj cmdr supt insp det pres ' +
    'gen rev hon fr sr jr messrs mme mlle vs v approx dept est fig jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec e.g i.e etc al'
  ).split(' '),
);

/** Abbreviations that may also end a sentence ("sanctions on the U.S. The ministry ..."). */
const MAYBE_FINAL_ABBREVIATIONS = /^(?:\p{Lu}\.)+\p{Lu}$|^(?:inc|corp|ltd|co|plc|bros)$/iu;

// "5,000" and "£900,000" are one word: their commas would split a sentence into parts.
const WORD = /\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?|[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*/uy;

export interface Tokenized {
  tokens: Token[];
  /** For a token index, whether its full stop belongs to an abbreviation that may end a sentence. */
  quotes: QuoteSpan[];
}

export function tokenize(
  text: string,
  quoteSpans: readonly QuoteSpan[],
  soft: ReadonlySet<number> = softBreaks(text),
): Tokenized {
  const quotes = outermost(quoteSpans);
  const tokens: Token[] = [];
  let q = 0;
  let i = 0;
  let sawBreak = false;
  while (i < text.length) {
    const quote = quotes[q];
    if (quote && i === quote.start) {
      tokens.push({
        text: text.slice(quote.start, quote.end),
        start: quote.start,
        end: quote.end,
        kind: 'quote',
        quote,
        afterBreak: sawBreak,
      });
      sawBreak = false;
      i = quote.end;
      q++;
      continue;
    }
    const c = text[i] ?? '';
    if (/\s/u.test(c)) {
      if (c === '\n' && !soft.has(i)) sawBreak = true;
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    let end = m ? i + m[0].length : i + 1;
    // Stop a word before the next quotation starts (an apostrophe-like mark may open one).
    if (quote && end > quote.start) end = Math.max(quote.start, i + 1);
    // "the farmers' association": the apostrophe of a plural possessive belongs to the word.
    if (
      m &&
      /s$/u.test(m[0]) &&
      /['’]/u.test(text[end] ?? '') &&
      /\s/u.test(text[end + 1] ?? ' ') &&
      !(quote && end === quote.start)
    )
      end++;
    let word = text.slice(i, end);
    const kind = m ? 'word' : 'punct';
    if (
      kind === 'word' &&
      text[end] === '.' &&
      isAbbreviation(word, text.slice(end + 1, end + 3))
    ) {
      end++;
      word += '.';
    }
    tokens.push({ text: word, start: i, end, kind, afterBreak: sawBreak });
    sawBreak = false;
    i = end;
  }
  return { tokens, quotes };
}

function isAbbreviation(word: string, next = ''): boolean {
  const lower = word.toLowerCase();
  // "No. 10" but "She said no."
  if (lower === 'no' || lower === 'nos') return /^\s*\d/u.test(next);
  return (
    TITLE_ABBREVIATIONS.has(lower) ||
    /^\p{Lu}$/u.test(word) || // an initial: "John F. Kennedy"
    MAYBE_FINAL_ABBREVIATIONS.test(word) ||
    /^(?:\p{L}\.)+\p{L}$/u.test(word) // "a.m", "e.g"
  );
}

/** Whether an abbreviation's full stop can still end the sentence. */
export function mayEndSentence(word: string): boolean {
  return MAYBE_FINAL_ABBREVIATIONS.test(word.replace(/\.$/u, ''));
}

export const isCapitalized = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === 'word' && /^\p{Lu}/u.test(t.text);

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
