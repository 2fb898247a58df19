import { describe, expect, it } from 'vitest';
import type { CliClaim } from '../../shared/suggest/cli';
import { evaluate, formatTable } from './evaluate';
import { checkArticle, loadGold } from './gold';
import { match, overlap, prf, sameSpeaker, scoreDoc, words } from './score';

const claim = (
  content: string,
  speaker: string | null,
  kind: CliClaim['kind'] = 'direct',
): CliClaim => ({
  content,
  start: 0,
  end: content.length,
  speaker,
  role: null,
  cue: null,
  via: [],
  kind,
  saidOn: null,
});

describe('the suggestion scorer', () => {
  it('counts words without case, accents or punctuation, and CJK characters one by one', () => {
    expect(words('Élan, vital!')).toEqual(['elan', 'vital']);
    expect(words('地下水')).toEqual(['地', '下', '水']);
    expect(overlap(words('a b c d'), words('a b'))).toBeCloseTo(2 / 3);
  });

  it('agrees on speakers by surname, title or description', () => {
    expect(sameSpeaker('Galeotti', 'Mark Galeotti')).toBe(true);
    expect(sameSpeaker('Foreign Minister Sergei Lavrov', 'Sergei Lavrov')).toBe(true);
    expect(sameSpeaker('The Washington Post', 'Washington Post')).toBe(true);
    expect(sameSpeaker('a council spokesperson', 'A council spokesperson for roads')).toBe(true);
    expect(sameSpeaker(null, null)).toBe(true);
    expect(sameSpeaker('Mark Galeotti', null)).toBe(false);
    expect(sameSpeaker('Mark Galeotti', 'Alexandra Sitenko')).toBe(false);
  });

  it('matches one to one, best overlap first', () => {
    const gold = [
      claim('Russia will help Venezuela', 'Chepa'),
      claim('the war limits it', 'Chepa'),
    ];
    const predicted = [
      claim('Russia will help Venezuela now', 'Chepa'),
      claim('Russia will', null),
    ];
    expect(match(predicted, gold)).toEqual([[0, 0]]);
    const score = scoreDoc(predicted, gold);
    expect(score.content).toEqual({ predicted: 2, gold: 2, matched: 1 });
    expect(prf(score.content)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(score.byKind.direct).toEqual({ gold: 2, matched: 1 });
  });

  it('scores gold articles end to end, with valid annotations', async () => {
    const articles = await loadGold(undefined, ['01-', '13-', '31-']);
    expect(articles).toHaveLength(3);
    expect(articles.flatMap(checkArticle)).toEqual([]);
    const result = evaluate(articles);
    expect(result.extractor.content.gold).toBe(
      articles.reduce((n, a) => n + a.gold.claims.length, 0),
    );
    expect(prf(result.extractor.withSpeaker).f1).toBeGreaterThan(
      prf(result.baseline.withSpeaker).f1,
    );
    expect(formatTable(result)).toContain('content + speaker: F1');
  });
});
