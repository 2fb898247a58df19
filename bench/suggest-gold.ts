/**
 * `npm run -s gold:suggest`: check the gold set's annotations (every span's offsets slice to
 * its content exactly). With `--fill`, first set the offsets of each claim from its content
 * (for annotations written by hand), then check.
 */
import { writeFile } from 'node:fs/promises';
import { format } from 'prettier';
import { checkArticle, fillOffsets, loadGold } from './suggest/gold';

async function main(): Promise<void> {
  const articles = await loadGold();
  const problems: string[] = [];
  if (process.argv.includes('--fill')) {
    for (const article of articles) {
      problems.push(...fillOffsets(article));
      // Written as Prettier writes JSON, so `npm run lint` stays clean.
      await writeFile(
        article.goldPath,
        await format(JSON.stringify(article.gold), { parser: 'json' }),
      );
    }
  }
  problems.push(...articles.flatMap(checkArticle));
  const claims = articles.reduce((n, a) => n + a.gold.claims.length, 0);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  } else console.log(`gold set ok: ${articles.length} articles, ${claims} claims`);
}

void main();
