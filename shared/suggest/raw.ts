/** What the sentence rules find, before speakers are resolved across the document. */
import type { Speaker } from './speaker';
import { lower, type Token } from './tokens';

export type RawKind = 'direct' | 'indirect' | 'hedge';

export interface RawClaim {
  kind: RawKind;
  start: number;
  end: number;
  speaker: Speaker | null;
  /** A quotation standing alone: its speaker is whoever spoke last. */
  inherit: boolean;
  cue: string | null;
  via: string[];
  confidence: number;
}

/** One sentence with the document's tokens and text. */
export interface SentenceView {
  tokens: readonly Token[];
  text: string;
  from: number;
  to: number;
}

/** Index one past the sentence's last token that is not final punctuation. */
export function contentEnd(s: SentenceView, to = s.to): number {
  let e = to;
  while (e > s.from && /^[.!?…,;:\u2014\u2013-]$/u.test(s.tokens[e - 1]?.text ?? '')) e--;
  return e;
}

/** Character span of tokens [from, to), or null if empty. */
export function charSpan(
  s: SentenceView,
  from: number,
  to: number,
): { start: number; end: number } | null {
  const a = s.tokens[from];
  const b = s.tokens[to - 1];
  if (!a || !b || to <= from) return null;
  return { start: a.start, end: b.end };
}

/** Inner span of a quotation token, trimmed of a trailing comma and spaces. */
export function quoteContent(t: Token, text: string): { start: number; end: number } {
  const q = t.quote;
  let start = q ? q.innerStart : t.start;
  let end = q ? q.innerEnd : t.end;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s,]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export const wordCount = (s: string): number =>
  s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The cue as written: "said", "pointed out". */
export const cueText = (s: SentenceView, cue: number): string => {
  const t = s.tokens[cue];
  if (!t) return '';
  const particle = lower(s.tokens[cue + 1]);
  if (lower(t) === 'according' && particle === 'to') return `${lower(t)} to`;
  return particle === 'out' || particle === 'back' ? `${t.text} ${particle}` : t.text;
};
