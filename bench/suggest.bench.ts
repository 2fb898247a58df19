/**
 * `npm run bench:suggest`: the claim extractor on the team's gold set (data/suggest-gold/):
 * precision, recall and F1 for content and for content with the right speaker, recall by
 * kind, beside a naive quotation-mark baseline, and the time per 10 KB of text (median of
 * several runs after warm-up). Figures are printed, never asserted.
 *
 *   --errors       list each article's misses and false suggestions
 *   --only PREFIX  only the articles whose file names start so (repeatable)
 *   --runs N       timed runs (default 9)
 */
import { performance } from 'node:perf_hooks';
import { suggestClaims } from '../shared/suggest';
import { checkArticle, loadGold, type GoldArticle } from './suggest/gold';
import { evaluate, formatTable } from './suggest/evaluate';
import { match, sameSpeaker } from './suggest/score';

const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (args[i - 1] === '--only' ? [a] : []));
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 9;

/**
 * The median time of a run over all articles, per 10 KB, after warming up for at least half a
 * second (a first call also compiles the code and chrono's patterns: it is timed on its own).
 */
function timePer10KB(articles: readonly GoldArticle[]): { median: number; bytes: number } {
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  const runOnce = (): number => {
    const t0 = performance.now();
    for (const a of articles) suggestClaims(a.text, { publishedAt: a.gold.publishedAt ?? '' });
    return performance.now() - t0;
  };
  const warm = performance.now();
  for (let i = 0; i < 5 || performance.now() - warm < 500; i++) runOnce();
  const times = Array.from({ length: RUNS }, runOnce).sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return { median: (median / bytes) * 10240, bytes };
}

function printErrors(
  articles: readonly GoldArticle[],
  perDoc: ReturnType<typeof evaluate>['perDoc'],
): void {
  perDoc.forEach((doc, i) => {
    const gold = articles[i]?.gold.claims ?? [];
    const pairs = match(doc.predicted, gold);
    const pm = new Set(pairs.map(([p]) => p));
    const gm = new Set(pairs.map(([, g]) => g));
    const lines: string[] = [];
    gold.forEach((g, j) => {
      if (!gm.has(j))
        lines.push(`  MISS  [${g.kind}] ${g.speaker ?? '-'}: ${g.content.slice(0, 90)}`);
    });
    doc.predicted.forEach((p, j) => {
      if (!pm.has(j))
        lines.push(`  FALSE [${p.kind}] ${p.speaker ?? '-'}: ${p.content.slice(0, 90)}`);
    });
    for (const [p, g] of pairs) {
      const pc = doc.predicted[p];
      const gc = gold[g];
      if (pc && gc && !sameSpeaker(pc.speaker, gc.speaker))
        lines.push(
          `  WHO   ${pc.speaker ?? '-'} (gold ${gc.speaker ?? '-'}): ${gc.content.slice(0, 70)}`,
        );
      if (pc && gc && pc.kind !== gc.kind)
        lines.push(`  KIND  ${pc.kind} (gold ${gc.kind}): ${gc.content.slice(0, 70)}`);
    }
    if (lines.length) console.log(`${doc.file}\n${lines.join('\n')}`);
  });
}

async function main(): Promise<void> {
  const articles = await loadGold(undefined, only.length ? only : undefined);
  const problems = articles.flatMap(checkArticle);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
    return;
  }
  // The very first call in this process, before anything is compiled.
  const first = articles[0];
  const t0 = performance.now();
  if (first) suggestClaims(first.text, { publishedAt: first.gold.publishedAt ?? '' });
  const coldMs = performance.now() - t0;
  const result = evaluate(articles);
  if (args.includes('--errors')) printErrors(articles, result.perDoc);
  const claims = articles.reduce((n, a) => n + a.gold.claims.length, 0);
  console.log(
    `Claim suggestions on the gold set: ${articles.length} articles, ${claims} gold claims`,
  );
  console.log(formatTable(result));
  const { median, bytes } = timePer10KB(articles);
  console.log(
    `first call in a fresh process: ${coldMs.toFixed(0)} ms (${first?.gold.file ?? '-'}, compiles the code)`,
  );
  console.log(
    `time: ${median.toFixed(2)} ms per 10 KB (median of ${RUNS} runs over ${(bytes / 1024).toFixed(1)} KB)`,
  );
}

void main();
