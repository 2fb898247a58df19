/**
 * A passage repeated in a document (a duplicated paragraph, a pull quote) is suggested once:
 * the first occurrence is kept. Two suggestions are the same when their speaker is the same
 * and their words overlap almost entirely.
 */
import { normalizedContent } from './key';

export interface Dedupable {
  text: string;
  speaker: string | null;
}

const tokensOf = (s: string): string[] => normalizedContent(s).split(' ').filter(Boolean);

/** Word-overlap (Dice) of two texts, 0..1. */
export function overlap(a: string, b: string): number {
  return overlapWords(tokensOf(a), tokensOf(b));
}

function overlapWords(ta: readonly string[], tb: readonly string[]): number {
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/** Indices of the items to keep, first occurrences first. */
export function dedupe(items: readonly Dedupable[]): number[] {
  const kept: number[] = [];
  const seen = new Map<string, number>();
  const words = items.map((item) => tokensOf(item.text));
  items.forEach((item, i) => {
    const exact = `${words[i]?.join(' ')}|${item.speaker ?? ''}`;
    if (seen.has(exact)) return;
    const near = kept.some((k) => {
      const other = items[k];
      return (
        !!other &&
        (other.speaker ?? '') === (item.speaker ?? '') &&
        overlapWords(words[k] ?? [], words[i] ?? []) >= 0.9
      );
    });
    if (near) return;
    seen.set(exact, i);
    kept.push(i);
  });
  return kept;
}
