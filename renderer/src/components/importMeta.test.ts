import { describe, expect, it } from 'vitest';
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { prefilledMeta } from './importMeta';

const EMPTY = { title: '', author: '', outlet: '', url: '', publishedAt: '' };
const PREVIOUS: ClaimDocument = {
  id: 'd1',
  caseId: 'c1',
  title: 'Can Moscow save Maduro?',
  outlet: 'Defence Daily',
  author: 'Jane Reporter',
  url: 'https://defence.example/a',
  publishedAt: '2025-11-02',
  retrievedAt: '2025-11-03',
  format: 'txt',
  fileName: 'x.txt',
  outletId: 'e1',
  previousVersionId: null,
  contentHash: '0'.repeat(64),
  textLength: 10,
  createdAt: '2025-11-03T10:00:00.000Z',
};

describe('prefilledMeta', () => {
  it('takes the source details of the earlier version where the file has none', () => {
    expect(prefilledMeta(EMPTY, 'x.txt', PREVIOUS, '2026-12-02')).toEqual({
      title: 'Can Moscow save Maduro?',
      outlet: 'Defence Daily',
      author: 'Jane Reporter',
      url: 'https://defence.example/a',
      publishedAt: '2025-11-02',
      retrievedAt: '2026-12-02',
    });
  });

  it("prefers the file's own metadata, and falls back to the file name for the title", () => {
    const own = { ...EMPTY, title: 'Revised', outlet: 'Other Daily' };
    expect(prefilledMeta(own, 'x.txt', PREVIOUS, '2026-12-02')).toMatchObject({
      title: 'Revised',
      outlet: 'Other Daily',
      author: 'Jane Reporter',
    });
    expect(prefilledMeta(EMPTY, 'notes.v2.txt', null, '2026-12-02')).toEqual({
      title: 'notes.v2',
      outlet: '',
      author: '',
      url: '',
      publishedAt: '',
      retrievedAt: '2026-12-02',
    });
  });
});
