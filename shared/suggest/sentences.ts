/**
 * Sentences as runs of tokens. A line break always ends one (a paragraph), except inside a
 * quotation that runs over paragraphs; a full stop ends one unless it belongs to an
 * abbreviation; a quotation ending in a full stop ends one unless a short cue follows it
 * ("We will win." Smith said.), which journalists sometimes punctuate so.
 */
import { isCueWord } from './cues';
import { isCapitalized, mayEndSentence, type Token } from './tokens';

export interface Sentence {
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
  /** Paragraph number, counted from 0. */
  paragraph: number;
  /** A line of its own with no closing punctuation: a headline, a dateline, a subheading. */
  heading: boolean;
}

const FINAL = /^[.!?…]$/u;
const STARTS_SENTENCE = /^[\p{Lu}\p{N}"“‘'«»„「『(\u2014\u2013-]/u;

export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  let paragraph = 0;
  const close = (to: number): void => {
    if (to > from) out.push({ from, to, paragraph, heading: isHeading(tokens, from, to) });
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.afterBreak && i > from) {
      close(i);
      paragraph++;
    } else if (t.afterBreak) paragraph++;
    const next = tokens[i + 1];
    if (!next || next.afterBreak) continue;
    const startsNext = STARTS_SENTENCE.test(next.text);
    if (t.kind === 'punct' && FINAL.test(t.text)) {
      // Closing brackets stay with the sentence they close.
      if (startsNext) close(i + 1);
    } else if (t.kind === 'word' && t.text.endsWith('.') && mayEndSentence(t.text)) {
      // "… at Morrow & Co. "The answer …"": a quotation opening after it starts a sentence.
      if ((isCapitalized(next) && COMMON_STARTERS.has(next.text)) || next.kind === 'quote')
        close(i + 1);
    } else if (t.kind === 'quote' && /[.!?…]\s*$/u.test(innerText(t)) && startsNext) {
      if (!shortCueFollows(tokens, i + 1)) close(i + 1);
    }
  }
  close(tokens.length);
  return out;
}

const innerText = (t: Token): string =>
  t.quote ? t.text.slice(t.quote.innerStart - t.start, t.quote.innerEnd - t.start) : t.text;

/** Words that start sentences, to tell "the U.S. The ministry" from "the U.S. Navy". */
const COMMON_STARTERS = new Set(
  (
    'The A An He She It They We I But And In On At As After Before This That These Those ' +
    'There Its His Her Their Our When While However Meanwhile Still Yet So If'
  ).split(' '),
);

/** The sentence ends within a few words ("on Monday.", "in a statement."), with no clause. */
function endsSoon(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 6); i++) {
    const t = tokens[i];
    if (!t || t.afterBreak || t.kind === 'quote' || t.text === 'that') return false;
    if (FINAL.test(t.text) || t.text === ',') return true;
  }
  return false;
}

/** `"…." Smith said.`: up to six words that hold a cue and end the sentence. */
function shortCueFollows(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 7); i++) {
    const t = tokens[i];
    if (!t || (i > from && t.afterBreak) || t.kind === 'quote') return false;
    if (t.kind === 'word' && isCueWord(t.text)) return endsSoon(tokens, i + 1);
    if (t.kind === 'punct' && FINAL.test(t.text)) return false;
  }
  return false;
}

/** A whole line of at most 20 words that does not end like a sentence. */
function isHeading(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from];
  const last = tokens[to - 1];
  const next = tokens[to];
  if (!first || !last || (from > 0 && !first.afterBreak) || (next && !next.afterBreak))
    return false;
  // A headline may end with a quotation ("Moscow says talks are "constructive"") but a
  // sentence ends with its punctuation inside or after it.
  if (last.kind === 'quote' && /[.!?…,]\s*$/u.test(innerText(last))) return false;
  if (/^[.!?…:;,)"”»’'」]$/u.test(last.text)) return false;
  return tokens.slice(from, to).filter((t) => t.kind === 'word').length <= 20;
}
