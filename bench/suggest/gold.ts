/**
 * The team's gold set for the claim extractor (data/suggest-gold/, issue 13): each article is
 * a `.txt` beside a `.gold.json` listing the claims a careful reader would capture, in the
 * CLI's shape, plus the document's publication date and outlet.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliClaim } from '../../shared/suggest/cli';

export interface GoldDoc {
  file: string;
  publishedAt?: string;
  outlet?: string;
  claims: CliClaim[];
}

export interface GoldArticle {
  gold: GoldDoc;
  text: string;
  /** Path of the annotation file. */
  goldPath: string;
}

export const GOLD_DIR = path.resolve(import.meta.dirname, '../../data/suggest-gold');

export async function loadGold(dir = GOLD_DIR, only?: readonly string[]): Promise<GoldArticle[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.gold.json')).sort();
  const wanted = only ? names.filter((n) => only.some((o) => n.startsWith(o))) : names;
  return Promise.all(
    wanted.map(async (name) => {
      const goldPath = path.join(dir, name);
      const gold = JSON.parse(await readFile(goldPath, 'utf8')) as GoldDoc;
      const text = await readFile(path.join(dir, gold.file), 'utf8');
      return { gold, text, goldPath };
    }),
  );
}

/** Problems with an annotation: offsets that do not slice to the content, bad kinds or dates. */
export function checkArticle({ gold, text }: GoldArticle): string[] {
  const problems: string[] = [];
  const kinds = new Set(['direct', 'indirect', 'reported', 'unattributed']);
  gold.claims.forEach((c, i) => {
    const where = `${gold.file} claim ${i + 1}`;
    if (text.slice(c.start, c.end) !== c.content)
      problems.push(
        `${where}: text[${c.start}, ${c.end}) is not its content ${JSON.stringify(c.content.slice(0, 40))}`,
      );
    if (!kinds.has(c.kind)) problems.push(`${where}: unknown kind ${c.kind}`);
    if (c.saidOn !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(c.saidOn))
      problems.push(`${where}: saidOn ${c.saidOn}`);
    if (c.kind === 'unattributed' && c.speaker !== null)
      problems.push(`${where}: unattributed with a speaker`);
  });
  return problems;
}

/**
 * Fill `start`/`end` from `content` for annotations written by hand: each content is looked
 * for from the previous claim's start on, so a repeated passage takes its first occurrence.
 */
export function fillOffsets({ gold, text }: GoldArticle): string[] {
  const problems: string[] = [];
  let from = 0;
  for (const c of gold.claims) {
    let at = text.indexOf(c.content, from);
    if (at < 0) at = text.indexOf(c.content);
    if (at < 0) {
      problems.push(`${gold.file}: content not found: ${JSON.stringify(c.content.slice(0, 60))}`);
      continue;
    }
    c.start = at;
    c.end = at + c.content.length;
    from = Math.min(from, at);
  }
  return problems;
}
