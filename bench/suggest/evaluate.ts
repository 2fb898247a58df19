/** Running the extractor and the baseline over gold articles, and printing the table. */
import { suggestClaims } from '../../shared/suggest';
import { toCliClaim, type CliClaim } from '../../shared/suggest/cli';
import { naiveQuotes } from './baseline';
import type { GoldArticle } from './gold';
import { KINDS, prf, scoreDoc, sumScores, type DocScore } from './score';

export function extract(article: GoldArticle): CliClaim[] {
  const { gold, text } = article;
  return suggestClaims(text, {
    ...(gold.publishedAt ? { publishedAt: gold.publishedAt } : {}),
    ...(gold.outlet ? { outlet: gold.outlet } : {}),
  }).map((s) => toCliClaim(text, s));
}

export interface Evaluation {
  extractor: DocScore;
  baseline: DocScore;
  perDoc: { file: string; predicted: CliClaim[]; score: DocScore }[];
}

export function evaluate(articles: readonly GoldArticle[]): Evaluation {
  const perDoc = articles.map((a) => {
    const predicted = extract(a);
    return { file: a.gold.file, predicted, score: scoreDoc(predicted, a.gold.claims) };
  });
  const baseline = sumScores(articles.map((a) => scoreDoc(naiveQuotes(a.text), a.gold.claims)));
  return { extractor: sumScores(perDoc.map((d) => d.score)), baseline, perDoc };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
const ratio = (n: number, d: number): string => (d ? pct(n / d) : '     -');

/** The table `npm run bench:suggest` prints. */
export function formatTable(e: Evaluation): string {
  const rows: string[] = [];
  const line = (label: string, a: string, b: string): void => {
    rows.push(`${label.padEnd(34)}${a.padStart(11)}${b.padStart(11)}`);
  };
  line('', 'extractor', 'baseline');
  for (const [label, key] of [
    ['content', 'content'],
    ['content + speaker', 'withSpeaker'],
  ] as const) {
    const x = prf(e.extractor[key]);
    const y = prf(e.baseline[key]);
    line(`${label}: precision`, pct(x.precision), pct(y.precision));
    line(`${label}: recall`, pct(x.recall), pct(y.recall));
    line(`${label}: F1`, pct(x.f1), pct(y.f1));
  }
  for (const k of KINDS) {
    const x = e.extractor.byKind[k];
    const y = e.baseline.byKind[k];
    line(`recall, ${k} (${x.gold})`, ratio(x.matched, x.gold), ratio(y.matched, y.gold));
  }
  const a = e.extractor.agree;
  line('on content matches: same kind', ratio(a.kind, a.pairs), '');
  line('on content matches: same date said', ratio(a.saidOn, a.pairs), '');
  line('on content matches: same chain', ratio(a.via, a.pairs), '');
  line(
    'claims: predicted / gold',
    `${e.extractor.content.predicted}/${e.extractor.content.gold}`,
    `${e.baseline.content.predicted}/${e.baseline.content.gold}`,
  );
  return rows.join('\n');
}
