/**
 * Scoring suggested claims against gold (issue 13, "How it is measured"):
 *
 * - content: a suggestion matches a gold claim when their word overlap (Dice, i.e. token F1:
 *   2·|common| / (|a| + |b|), words lower-cased, accents and punctuation dropped, each CJK
 *   character a word) is at least 0.5; pairs are matched one-to-one, best overlap first.
 * - content with speaker: the same, counting only pairs whose speakers agree (see
 *   `sameSpeaker`).
 * - recall by kind: gold claims of each kind that some suggestion matched on content.
 */
import { normalizeName } from '../../shared/entities/names';
import type { CliClaim, CliKind } from '../../shared/suggest/cli';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function words(s: string): string[] {
  return normalizeName(s)
    .split(' ')
    .flatMap((w) => (CJK.test(w) ? [...w] : [w]))
    .filter(Boolean);
}

export function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

const ARTICLES = new Set(['the', 'a', 'an']);
const nameWords = (s: string): string[] => {
  const w = words(s);
  return ARTICLES.has(w[0] ?? '') ? w.slice(1) : w;
};
const endsWith = (long: readonly string[], short: readonly string[]): boolean =>
  short.length > 0 && short.every((w, i) => long[long.length - short.length + i] === w);
const startsWith = (long: readonly string[], short: readonly string[]): boolean =>
  short.length > 0 && short.every((w, i) => long[i] === w);

/**
 * Speakers agree when both are null, or, ignoring case, accents, punctuation and a leading
 * article, one name ends with the other ("Galeotti" / "Mark Galeotti", "Sergei Lavrov" /
 * "Foreign Minister Sergei Lavrov"), or a description of two words or more begins the other
 * ("a council spokesperson" / "a council spokesperson for roads").
 */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = nameWords(a);
  const y = nameWords(b);
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  return endsWith(long, short) || (short.length >= 2 && startsWith(long, short));
}

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

export interface DocScore {
  content: Counts;
  withSpeaker: Counts;
  /** Per gold kind: how many of that kind, how many matched on content. */
  byKind: Record<CliKind, { gold: number; matched: number }>;
  /** Among content matches: how many agree on kind, cue, via and date. */
  agree: { pairs: number; kind: number; saidOn: number; via: number };
}

export const KINDS: readonly CliKind[] = ['direct', 'indirect', 'reported', 'unattributed'];

/** One-to-one pairs (predicted index, gold index), best overlap first. */
export function match(
  predicted: readonly CliClaim[],
  gold: readonly CliClaim[],
  accept: (p: CliClaim, g: CliClaim) => boolean = () => true,
): [number, number][] {
  const pw = predicted.map((p) => words(p.content));
  const gw = gold.map((g) => words(g.content));
  const candidates: { p: number; g: number; o: number }[] = [];
  pw.forEach((a, p) =>
    gw.forEach((b, g) => {
      const o = overlap(a, b);
      const pc = predicted[p];
      const gc = gold[g];
      if (o >= 0.5 && pc && gc && accept(pc, gc)) candidates.push({ p, g, o });
    }),
  );
  candidates.sort((x, y) => y.o - x.o || x.p - y.p || x.g - y.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { p, g } of candidates) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    pairs.push([p, g]);
  }
  return pairs;
}

const sameVia = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => sameSpeaker(v, b[i] ?? null));

export function scoreDoc(predicted: readonly CliClaim[], gold: readonly CliClaim[]): DocScore {
  const pairs = match(predicted, gold);
  const withSpeaker = match(predicted, gold, (p, g) => sameSpeaker(p.speaker, g.speaker));
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, { gold: 0, matched: 0 }]),
  ) as DocScore['byKind'];
  for (const g of gold) byKind[g.kind].gold++;
  const agree = { pairs: pairs.length, kind: 0, saidOn: 0, via: 0 };
  for (const [p, g] of pairs) {
    const pc = predicted[p];
    const gc = gold[g];
    if (!pc || !gc) continue;
    byKind[gc.kind].matched++;
    if (pc.kind === gc.kind) agree.kind++;
    if (pc.saidOn === gc.saidOn) agree.saidOn++;
    if (sameVia(pc.via, gc.via)) agree.via++;
  }
  const counts = (matched: number): Counts => ({
    predicted: predicted.length,
    gold: gold.length,
    matched,
  });
  return { content: counts(pairs.length), withSpeaker: counts(withSpeaker.length), byKind, agree };
}

export function sumScores(scores: readonly DocScore[]): DocScore {
  const total = scoreDoc([], []);
  for (const s of scores) {
    for (const key of ['content', 'withSpeaker'] as const) {
      total[key].predicted += s[key].predicted;
      total[key].gold += s[key].gold;
      total[key].matched += s[key].matched;
    }
    for (const k of KINDS) {
      total.byKind[k].gold += s.byKind[k].gold;
      total.byKind[k].matched += s.byKind[k].matched;
    }
    total.agree.pairs += s.agree.pairs;
    total.agree.kind += s.agree.kind;
    total.agree.saidOn += s.agree.saidOn;
    total.agree.via += s.agree.via;
  }
  return total;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.matched / c.predicted : 0;
  const recall = c.gold ? c.matched / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
