import { describe, expect, it } from 'vitest';
import { segmentText, type Segment, type Span } from './segments';

/** Segments must tile [0, length) exactly: contiguous, non-empty, in order. */
function expectExactCover(segments: readonly Segment[], length: number): void {
  expect(segments.length).toBeGreaterThan(0);
  expect(segments[0]?.start).toBe(0);
  expect(segments.at(-1)?.end).toBe(length);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment) throw new Error('missing segment');
    expect(segment.end).toBeGreaterThan(segment.start);
    const next = segments[i + 1];
    if (next) expect(next.start).toBe(segment.end);
  }
}

describe('segmentText', () => {
  it('gives one uncovered segment when there are no spans', () => {
    expect(segmentText(42, [])).toEqual([{ start: 0, end: 42, ids: [] }]);
  });

  it('gives a middle segment listing both ids where two spans overlap', () => {
    const spans: Span[] = [
      { id: 'a', start: 2, end: 8 },
      { id: 'b', start: 5, end: 12 },
    ];
    expect(segmentText(15, spans)).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 8, ids: ['a', 'b'] },
      { start: 8, end: 12, ids: ['b'] },
      { start: 12, end: 15, ids: [] },
    ]);
  });

  it('lists covering ids in the order the spans were given, for nested spans', () => {
    const spans: Span[] = [
      { id: 'inner', start: 4, end: 6 },
      { id: 'outer', start: 0, end: 10 },
    ];
    expect(segmentText(10, spans)).toEqual([
      { start: 0, end: 4, ids: ['outer'] },
      { start: 4, end: 6, ids: ['inner', 'outer'] },
      { start: 6, end: 10, ids: ['outer'] },
    ]);
  });

  it('ignores invalid spans: negative start, past the end, empty or reversed', () => {
    const spans: Span[] = [
      { id: 'negative', start: -1, end: 3 },
      { id: 'past-end', start: 5, end: 11 },
      { id: 'empty', start: 4, end: 4 },
      { id: 'reversed', start: 7, end: 2 },
      { id: 'ok', start: 3, end: 6 },
    ];
    const segments = segmentText(10, spans);
    expect(segments).toEqual([
      { start: 0, end: 3, ids: [] },
      { start: 3, end: 6, ids: ['ok'] },
      { start: 6, end: 10, ids: [] },
    ]);
    expectExactCover(segments, 10);
  });

  it('covers the text exactly and contiguously for many overlapping spans', () => {
    const length = 200;
    // A fixed pseudo-random set (linear congruential), so the test is repeatable.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const spans: Span[] = Array.from({ length: 40 }, (_, i) => {
      const a = next() % (length + 1);
      const b = next() % (length + 1);
      return { id: `s${i}`, start: Math.min(a, b), end: Math.max(a, b) };
    });
    const segments = segmentText(length, spans);
    expectExactCover(segments, length);
    // Every position is covered by exactly the valid spans that contain it.
    for (const segment of segments) {
      for (let p = segment.start; p < segment.end; p++) {
        const covering = spans
          .filter((s) => s.end > s.start && s.start <= p && p < s.end)
          .map((s) => s.id);
        expect(segment.ids).toEqual(covering);
      }
    }
  });
});
