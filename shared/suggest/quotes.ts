/**
 * Quotation spans in press text of several languages: straight "…" and '…', typographic “…”
 * and ‘…’, «…» and »…«, German „…“ and ‚…‘, CJK 「…」 and 『…』. Marks are read from their
 * context, because the same character opens in one tradition and closes in another (“ opens in
 * English and closes in German) and ’ is far more often an apostrophe than a closing quote.
 *
 * A quote left open at the end of a paragraph continues when the next paragraph opens with the
 * same kind of mark: the newspaper convention for a quotation running over several paragraphs.
 */

import { softBreaks } from './layout';

export type QuoteFamily = 'double' | 'single' | 'guillemet' | 'corner' | 'whiteCorner';

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just past the closing mark. */
  end: number;
  /** The quoted words, without the marks. */
  innerStart: number;
  innerEnd: number;
  family: QuoteFamily;
  /** How many paragraphs the quote runs over (1 for most). */
  paragraphs: number;
}

interface OpenMark {
  family: QuoteFamily;
  char: string;
  index: number;
  paragraphs: number;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:"“‘'«»„‚「『]/u;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-…"”’'«»“」』]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER_LETTER = /\p{Ll}/u;

const isOpeningContext = (prev: string): boolean => prev === '' || OPENING_CONTEXT.test(prev);
const isClosingContext = (next: string): boolean => next === '' || CLOSING_CONTEXT.test(next);

type Action = { open: QuoteFamily } | { close: QuoteFamily; chars: string } | null;

/** What one mark does here, given the marks still open. */
function classify(text: string, i: number, stack: readonly OpenMark[]): Action {
  const c = text[i] ?? '';
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  const openChars = (family: QuoteFamily): string =>
    stack
      .filter((m) => m.family === family)
      .map((m) => m.char)
      .join('');
  switch (c) {
    case '"':
      if (openChars('double').includes('"') && !(/\s/u.test(prev) && LETTER_OR_DIGIT.test(next)))
        return { close: 'double', chars: '"' };
      return /\s/u.test(next) || next === '' ? null : { open: 'double' };
    case '„':
      return { open: 'double' };
    case '“':
      // German „…“ closes with the mark English opens with.
      if (openChars('double').includes('„')) return { close: 'double', chars: '„' };
      return { open: 'double' };
    case '”':
      return openChars('double') ? { close: 'double', chars: '“„”"' } : null;
    case '«':
      if (openChars('guillemet').includes('»')) return { close: 'guillemet', chars: '»' };
      return { open: 'guillemet' };
    case '»':
      if (openChars('guillemet').includes('«')) return { close: 'guillemet', chars: '«' };
      // German books quote »like this«.
      return isOpeningContext(prev) && LETTER_OR_DIGIT.test(next) ? { open: 'guillemet' } : null;
    case '‚':
      return { open: 'single' };
    case '‘':
      if (openChars('single').includes('‚')) return { close: 'single', chars: '‚' };
      return isOpeningContext(prev) ? { open: 'single' } : null;
    case '’':
    case "'": {
      const open = openChars('single');
      const closes =
        open !== '' &&
        !/\s/u.test(prev) &&
        isClosingContext(next) &&
        // "the ministers' decision": a plural possessive, not the end of a quote.
        !(/\p{L}/u.test(prev) && next === ' ' && LOWER_LETTER.test(text[i + 2] ?? ''));
      if (closes) return { close: 'single', chars: "‘'‚" };
      if (c === "'" && isOpeningContext(prev) && LETTER_OR_DIGIT.test(next))
        return { open: 'single' };
      return null;
    }
    case '「':
      return { open: 'corner' };
    case '」':
      return { close: 'corner', chars: '「' };
    case '『':
      return { open: 'whiteCorner' };
    case '』':
      return { close: 'whiteCorner', chars: '『' };
    default:
      return null;
  }
}

const MARKS = /["'„“”«»‚‘’「」『』]/gu;

/** The first mark of a paragraph, if the paragraph opens with one. */
function paragraphOpener(text: string, from: number): { index: number; char: string } | null {
  let i = from;
  while (i < text.length && /\s/u.test(text[i] ?? '')) i++;
  const char = text[i] ?? '';
  return '"„“«»‘\'‚「『'.includes(char) && char !== '' ? { index: i, char } : null;
}

const FAMILY_OF: Record<string, QuoteFamily> = {
  '"': 'double',
  '„': 'double',
  '“': 'double',
  '«': 'guillemet',
  '»': 'guillemet',
  "'": 'single',
  '‘': 'single',
  '‚': 'single',
  '「': 'corner',
  '『': 'whiteCorner',
};

/**
 * Every quotation, nested ones included, in text order of their opening marks. Use
 * `outermost` for the ones that are not inside another.
 */
export function scanQuotes(
  text: string,
  soft: ReadonlySet<number> = softBreaks(text),
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let stack: OpenMark[] = [];
  let skipOpenerAt = -1;
  MARKS.lastIndex = 0;
  const breaks = paragraphBreaks(text, soft);
  let nextBreak = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    while (nextBreak < breaks.length && (breaks[nextBreak] ?? Infinity) < i) {
      stack = carryOver(text, stack, breaks[nextBreak] ?? 0);
      const bottom = stack[0];
      if (bottom) {
        bottom.paragraphs++;
        skipOpenerAt = paragraphOpener(text, breaks[nextBreak] ?? 0)?.index ?? -1;
      }
      nextBreak++;
    }
    if (i === skipOpenerAt) continue;
    const action = classify(text, i, stack);
    if (!action) continue;
    if ('open' in action) {
      stack.push({ family: action.open, char: m[0], index: i, paragraphs: 1 });
      continue;
    }
    let at = stack.length - 1;
    while (at >= 0 && !(stack[at]?.family === action.close)) at--;
    const opener = stack[at];
    if (!opener) continue;
    stack = stack.slice(0, at);
    spans.push({
      start: opener.index,
      end: i + 1,
      innerStart: opener.index + 1,
      innerEnd: i,
      family: opener.family,
      paragraphs: opener.paragraphs,
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** At a paragraph break: keep an open outermost quote only if the next paragraph reopens it. */
function carryOver(text: string, stack: OpenMark[], breakAt: number): OpenMark[] {
  const bottom = stack[0];
  if (!bottom) return [];
  const opener = paragraphOpener(text, breakAt);
  if (opener && FAMILY_OF[opener.char] === bottom.family) return [bottom];
  return [];
}

/** Indices of the newlines that end paragraphs (one or more line breaks). */
function paragraphBreaks(text: string, soft: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const re = /\n[\s]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!soft.has(m.index)) out.push(m.index);
  return out;
}

/** Quotes that are not inside another quote. */
export function outermost(spans: readonly QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let reach = -1;
  for (const span of spans) {
    if (span.start < reach) continue;
    out.push(span);
    reach = span.end;
  }
  return out;
}
