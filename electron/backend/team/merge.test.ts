import { describe, expect, it } from 'vitest';
import { mergeRecord, sameJson } from './merge';

const claim = (fields: Record<string, unknown>) => ({
  id: 'c1',
  text: 'The minister said the deal was signed.',
  status: 'unverified',
  tags: [] as string[],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('mergeRecord', () => {
  it('puts a local edit in as it is when nobody else touched the record', () => {
    const base = claim({});
    const local = claim({ status: 'confirmed', updatedAt: '2026-01-02T00:00:00.000Z' });
    expect(mergeRecord(base, local, base)).toEqual({ value: local, write: true, conflict: null });
  });

  it('inserts a record the database does not have', () => {
    const local = claim({});
    expect(mergeRecord(null, local, undefined)).toEqual({
      value: local,
      write: true,
      conflict: null,
    });
  });

  it('keeps both sides when they changed different fields', () => {
    const base = claim({});
    const local = claim({ status: 'confirmed', updatedAt: '2026-01-02T00:00:00.000Z' });
    const current = claim({ tags: ['energy'], updatedAt: '2026-01-03T00:00:00.000Z' });
    const result = mergeRecord(base, local, current);
    expect(result.conflict).toBeNull();
    expect(result.value).toMatchObject({ status: 'confirmed', tags: ['energy'] });
    expect(result.value?.updatedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(result.write).toBe(true);
  });

  it('keeps the value that reached the database first and files the other one', () => {
    const base = claim({});
    const local = claim({ status: 'false' });
    const current = claim({ status: 'confirmed' });
    const result = mergeRecord(base, local, current);
    expect(result.value?.status).toBe('confirmed');
    expect(result.conflict).toEqual({
      kind: 'fields',
      fields: ['status'],
      kept: { status: 'confirmed' },
      proposed: { status: 'false' },
    });
  });

  it('is no conflict when both sides made the same change', () => {
    const base = claim({});
    const both = claim({ status: 'confirmed' });
    expect(mergeRecord(base, both, both).conflict).toBeNull();
  });

  it('files a delete against an edit made since, and keeps the edited record', () => {
    const base = claim({});
    const current = claim({ status: 'confirmed' });
    const result = mergeRecord(base, null, current);
    expect(result.value).toEqual(current);
    expect(result.write).toBe(false);
    expect(result.conflict).toMatchObject({
      kind: 'deleted-edited',
      kept: current,
      proposed: null,
    });
  });

  it('files an edit against a delete made since, and the record stays deleted', () => {
    const base = claim({});
    const local = claim({ status: 'confirmed' });
    const result = mergeRecord(base, local, null);
    expect(result.value).toBeNull();
    expect(result.conflict).toMatchObject({ kind: 'edited-deleted', kept: null, proposed: local });
  });

  it('deletes when nobody else touched the record', () => {
    const base = claim({});
    expect(mergeRecord(base, null, base)).toEqual({ value: null, write: true, conflict: null });
    expect(mergeRecord(base, null, null)).toEqual({ value: null, write: false, conflict: null });
  });

  it('treats every differing field as a conflict when the base is not known', () => {
    const local = claim({ status: 'false', notes: 'mine' });
    const current = claim({ status: 'confirmed', notes: 'mine' });
    expect(mergeRecord(undefined, local, current).conflict?.fields).toEqual(['status']);
  });
});

describe('sameJson', () => {
  it('ignores key order and undefined keys, not array order', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1, c: undefined })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
