import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credibilityInfo } from '../../shared/grading/scales';
import { scoreClaim } from '../../shared/scoring/confidence';
import { checkJudgment } from '../../shared/scoring/judgmentChecks';
import type { Backend } from './backend';
import { backendHarness, call } from './testing/harness';
import { loadScoringCase, toScoredClaim, type LoadedCase } from './testing/scoring';

const SAMPLE = path.resolve('data/sample-case.json');

const harness = backendHarness();
afterEach(() => harness.cleanup());

interface SampleFile {
  documents: { claims: { key: string; text: string }[] }[];
  judgments: { statement: string }[];
}

/** The sample case as the backend seeds it, with its claims found by their sample keys. */
async function openSample(): Promise<LoadedCase & { b: Backend; byKey: (key: string) => string }> {
  const sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as SampleFile;
  const b = await harness.start(undefined, SAMPLE);
  const [only] = await call(b, 'cases:list', {});
  if (!only) throw new Error('the sample case was not seeded');
  const loaded = await loadScoringCase(b, only.id);
  const texts = new Map(sample.documents.flatMap((d) => d.claims.map((c) => [c.key, c.text])));
  const byKey = (key: string): string => {
    const found = loaded.claims.filter((c) => c.text === texts.get(key));
    if (found.length !== 1) throw new Error(`sample claim ${key}: ${found.length} matches`);
    return (found[0] as { id: string }).id;
  };
  expect(loaded.judgments.map((j) => j.statement)).toEqual(
    sample.judgments.map((j) => j.statement),
  );
  return { ...loaded, b, byKey };
}

describe('scores of the sample case', () => {
  it('seeds the grades, the 5 links and the 2 judgments', async () => {
    const { b, claims, judgments, scoring } = await openSample();
    const links = await call(b, 'links:list', { caseId: claims[0]?.caseId ?? '' });
    expect(links).toHaveLength(5);
    expect(links.every((l) => l.target.kind === 'claim')).toBe(true);
    expect(judgments).toHaveLength(2);
    expect(claims.every((c) => c.credibility !== 6)).toBe(true);
    const entities = await call(b, 'entities:list', {});
    const galeotti = entities.find((e) => e.name === 'Mark Galeotti');
    expect(scoring.entityReliability(galeotti?.id ?? '')).toBe('B');
    expect(harness.logs).toEqual([]);
  });

  it("counts Sitenko as the one independent corroboration of Galeotti's diplomacy-only claim, and Chepa as the one contradiction", async () => {
    const { scoring, byKey } = await openSample();
    const claim = scoring.claim(byKey('galeotti-diplomacy'));
    if (!claim) throw new Error('no galeotti-diplomacy claim');
    const score = scoreClaim(claim, scoring);
    expect(score.corroborating).toBe(1);
    expect(score.contradicting).toBe(1);
    const lines = (kind: string) =>
      score.breakdown.filter((l) => l.kind === kind).map((l) => l.text);
    expect(lines('corroboration')).toEqual([
      expect.stringContaining('Corroborated by Alexandra Sitenko (C)') as unknown,
    ]);
    expect(lines('contradiction')).toEqual([
      expect.stringContaining('Contradicted by Alexey Chepa (D)') as unknown,
    ]);
    // Galeotti B via Radio Liberty B, the digest ungraded: chain B (70); credibility 2 (70).
    // Sitenko (C) closes 25% of the gap: 77.5; Chepa (D) takes away 15%: 65.875.
    expect(score.reliability).toBe('B');
    expect(score.value).toBe(66);
  });

  it('reads the sample links one way (issue 11): Zakharova supports Chepa, so Chepa rises and Zakharova does not', async () => {
    const { scoring, byKey } = await openSample();
    const score = (key: string) => {
      const claim = scoring.claim(byKey(key));
      if (!claim) throw new Error(`no ${key} claim`);
      return scoreClaim(claim, scoring);
    };
    // "zakharova-ready supports chepa-help": Zakharova D, credibility 3, stays at her base of
    // 40 with nothing corroborating her; before issue 11 Chepa's claim raised her to 49.
    expect(score('zakharova-ready')).toMatchObject({ value: 40, corroborating: 0 });
    // Chepa's pledge: base 40, raised by Zakharova (D: 15% of the gap) to 49, and lowered
    // by Galeotti (B: 35%), with whom it is in contradiction, to 31.85.
    expect(score('chepa-help')).toMatchObject({ value: 32, corroborating: 1, contradicting: 1 });
    // Sitenko's "no troops" supports Galeotti and is supported by Chepa's NATO quote: only
    // Chepa counts for her, 60 + 40 × 0.15 = 66.
    const sitenko = score('sitenko-troops');
    expect(sitenko).toMatchObject({ value: 66, corroborating: 1 });
    expect(sitenko.breakdown.some((l) => l.text.includes('Mark Galeotti'))).toBe(false);
    expect(score('chepa-nato').corroborating).toBe(0);
  });

  it('scores the Il-76 claim from its credibility alone: reliability F, no corroboration', async () => {
    const { scoring, byKey } = await openSample();
    const claim = scoring.claim(byKey('il76'));
    if (!claim) throw new Error('no il76 claim');
    const score = scoreClaim(claim, scoring);
    expect(score.reliability).toBe('F');
    expect(score.corroborating).toBe(0);
    expect(score.contradicting).toBe(0);
    expect(score.value).toBe(credibilityInfo(claim.credibility).stix);
    expect(score.value).toBe(50);
  });

  it('raises no warning on the second judgment ("likely" limited help), and would on its weak claims alone', async () => {
    const { scoring, judgments, claims, byKey } = await openSample();
    const second = judgments[1];
    if (!second) throw new Error('no second judgment');
    expect(second).toMatchObject({ likelihood: 'likely', confidence: 'low' });
    // No warning fits it:
    // - no_basis: it rests on four supporting claims;
    // - certain_on_one_claim: "likely" is below "very likely";
    // - likely_on_weak_sources: two of its claims come from graded sources (Sitenko C, the
    //   Washington Post B), so it does not rest *only* on E/F sources even though the Il-76
    //   (flight tracker, F) and Pantsir (unnamed Russian sources, F) claims do;
    // - basis_refuted: every claim is unverified;
    // - likelihood and confidence in one sentence: no confidence wording;
    // - wording differs: "will likely" is the grade it has.
    expect(checkJudgment(second, scoring)).toEqual([]);

    // The contrast: on its F-graded claims alone, "likely" is flagged, and only that.
    const weakOnly = [byKey('il76'), byKey('pantsir')];
    const weak = checkJudgment(
      { ...second, basis: weakOnly.map((claimId) => ({ claimId, relation: 'supports' })) },
      scoring,
    );
    expect(weak.map((w) => w.code)).toEqual(['likely_on_weak_sources']);
    // The supporting claims' chains, for the record: two graded, two not.
    const supporting = second.basis.filter((x) => x.relation === 'supports').map((x) => x.claimId);
    const graded = claims.filter((c) => supporting.includes(c.id));
    expect(graded.map((c) => scoreClaim(toScoredClaim(c), scoring).reliability).sort()).toEqual([
      'B',
      'C',
      'F',
      'F',
    ]);
  });
});
