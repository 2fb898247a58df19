import { describe, expect, it } from 'vitest';
import { PackedScores } from './packedScores';
import type { ScoreSummary } from './scores';

const summary = (over: Partial<ScoreSummary> = {}): ScoreSummary => ({
  value: 62.5,
  reliability: 'B',
  credibility: 2,
  corroborating: 3,
  contradicting: 1,
  ...over,
});

describe('PackedScores', () => {
  it('gives back what was kept, a null score included', () => {
    const packed = new PackedScores();
    packed.set(0, summary());
    packed.set(7, summary({ value: null, reliability: 'F', credibility: 6, corroborating: 0 }));
    expect(packed.get(0)).toEqual(summary());
    expect(packed.get(7)).toEqual(
      summary({ value: null, reliability: 'F', credibility: 6, corroborating: 0 }),
    );
    expect(packed.get(3)).toBeUndefined();
    expect(packed.size).toBe(2);
  });

  it('grows past its first length and keeps what it held', () => {
    const packed = new PackedScores();
    packed.set(5, summary({ value: 10 }));
    packed.set(250_000, summary({ value: 90, contradicting: 70_000 }));
    expect(packed.get(5)?.value).toBe(10);
    expect(packed.get(250_000)).toEqual(summary({ value: 90, contradicting: 70_000 }));
  });

  it('forgets a dropped score, counts each ordinal once, and keeps nothing off the scales', () => {
    const packed = new PackedScores();
    packed.set(1, summary());
    packed.set(1, summary({ value: 40 }));
    expect(packed.size).toBe(1);
    packed.delete(1);
    packed.delete(1);
    expect(packed.has(1)).toBe(false);
    expect(packed.size).toBe(0);
    packed.set(2, { ...summary(), reliability: 'Z' as ScoreSummary['reliability'] });
    expect(packed.get(2)).toBeUndefined();
  });
});
