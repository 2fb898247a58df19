import { describe, expect, it } from 'vitest';
import { ClaimSchema, type Claim } from '../../../shared/domain/schemas';
import { StringPool, shareClaimStrings, shareTimestamps } from './sharedStrings';

const parsedClaim = (id: string, tags: string[]): Claim =>
  // Through JSON, as the store reads claims: every string its own copy.
  JSON.parse(
    JSON.stringify(
      ClaimSchema.parse({
        id,
        caseId: 'case-1',
        documentId: 'doc-1',
        text: `Claim ${id}`,
        anchor: { exact: `quote ${id}`, prefix: '', suffix: '', start: 0, end: 5 },
        tags,
        attribution: { speakerId: 'speaker-1', via: ['outlet-1'], cue: 'said' },
        createdAt: '2025-11-01T08:00:00.000Z',
        updatedAt: '2025-11-01T08:00:00.000Z',
      }),
    ),
  ) as Claim;

describe('shareClaimStrings', () => {
  it('leaves every field as it was', () => {
    const claim = parsedClaim('c1', ['oil', 'navy']);
    const before = structuredClone(claim);
    shareClaimStrings(new StringPool(), claim);
    expect(claim).toEqual(before);
  });

  it('keeps one copy of each repeated value, and none of what is the claim’s own', () => {
    const pool = new StringPool();
    for (let i = 0; i < 50; i++) shareClaimStrings(pool, parsedClaim(`c${i}`, ['oil']));
    const kept = pool.size;
    shareClaimStrings(pool, parsedClaim('another', ['oil']));
    // Same case, document, speaker, outlet, tag, enums and cue: nothing new to keep.
    expect(pool.size).toBe(kept);
    shareClaimStrings(pool, parsedClaim('c-new-tag', ['navy']));
    expect(pool.size).toBe(kept + 1);
  });
});

describe('shareClaimStrings on empty lists and objects', () => {
  it('gives every claim without tags, intermediaries or overrides the same frozen empties', () => {
    const pool = new StringPool();
    const bare = (id: string): Claim => {
      const claim = parsedClaim(id, []);
      claim.attribution.via = [];
      return claim;
    };
    const [a, b] = [bare('a'), bare('b')];
    shareClaimStrings(pool, a);
    shareClaimStrings(pool, b);
    expect(a.tags).toBe(b.tags);
    expect(a.attribution.via).toBe(b.attribution.via);
    expect(a.attribution.reliabilityOverrides).toBe(b.attribution.reliabilityOverrides);
    expect(a.tags).toEqual([]);
    expect(a.attribution.reliabilityOverrides).toEqual({});
    // Changing one in place would change every claim: it throws instead.
    expect(() => a.tags.push('oil')).toThrow(TypeError);
  });

  it('keeps a claim’s own overrides and lists when they are not empty', () => {
    const claim = parsedClaim('c', ['oil']);
    claim.attribution.reliabilityOverrides = { 'outlet-1': 'B' };
    const overrides = claim.attribution.reliabilityOverrides;
    shareClaimStrings(new StringPool(), claim);
    expect(claim.attribution.reliabilityOverrides).toBe(overrides);
    expect(claim.tags).toEqual(['oil']);
    expect(Object.isFrozen(claim.tags)).toBe(false);
  });
});

describe('shareClaimStrings on a record that is not what the schema says', () => {
  it('leaves what it does not recognise and does not throw', () => {
    const odd = { id: 'x', caseId: 7, tags: 'not a list' } as unknown as Claim;
    expect(() => shareClaimStrings(new StringPool(), odd)).not.toThrow();
    expect(odd).toEqual({ id: 'x', caseId: 7, tags: 'not a list' });
  });
});

describe('shareClaimStrings on a claim still worded as its quote', () => {
  it('leaves the wording and the quote as they were', () => {
    const claim = parsedClaim('c', []);
    claim.text = claim.anchor.exact.slice(0);
    const before = structuredClone(claim);
    shareClaimStrings(new StringPool(), claim);
    expect(claim).toEqual(before);
  });
});

describe('shareTimestamps', () => {
  it('leaves both timestamps as they were, equal or not', () => {
    const unedited = {
      createdAt: '2025-11-01T08:00:00.000Z',
      updatedAt: '2025-11-01T08:00:00.000Z',
    };
    const edited = { createdAt: '2025-11-01T08:00:00.000Z', updatedAt: '2025-11-02T09:30:00.000Z' };
    shareTimestamps(unedited);
    shareTimestamps(edited);
    expect(unedited).toEqual({
      createdAt: '2025-11-01T08:00:00.000Z',
      updatedAt: '2025-11-01T08:00:00.000Z',
    });
    expect(edited.updatedAt).toBe('2025-11-02T09:30:00.000Z');
  });

  it('leaves a record without timestamps, or with odd ones, untouched', () => {
    const bare = { id: 'x' };
    const odd = { createdAt: 5, updatedAt: 5 };
    shareTimestamps(bare);
    shareTimestamps(odd);
    expect(bare).toEqual({ id: 'x' });
    expect(odd).toEqual({ createdAt: 5, updatedAt: 5 });
  });
});
