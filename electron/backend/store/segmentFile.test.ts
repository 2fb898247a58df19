import { describe, expect, it } from 'vitest';
import { stringifySegment, type SegmentData } from './segmentFile';

describe('stringifySegment', () => {
  it('writes the same bytes as JSON.stringify, whatever the number of records', async () => {
    for (const count of [0, 1, 249, 250, 251, 600]) {
      const data: SegmentData = {
        collection: 'claims',
        key: 'claims/case "one"/0',
        records: Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          text: `claim “${i}”\n`,
          tags: i % 2 ? ['x'] : [],
        })),
      };
      expect(await stringifySegment(data)).toBe(JSON.stringify(data));
    }
  });
});
