import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates';

describe('toIsoDate', () => {
  it('keeps the calendar day an ISO 8601 value was written in, whatever its zone', () => {
    expect(toIsoDate('2025-11-01')).toBe('2025-11-01');
    expect(toIsoDate('2025-11-01T23:30:00-05:00')).toBe('2025-11-01');
    expect(toIsoDate('2025-11-02T01:15:00+03:00')).toBe('2025-11-02');
    expect(toIsoDate(' 2025-11-01 10:00 ')).toBe('2025-11-01');
  });

  it('reads PDF date strings', () => {
    expect(toIsoDate("D:20251101093000+03'00'")).toBe('2025-11-01');
    expect(toIsoDate('D:20251101')).toBe('2025-11-01');
  });

  it('reads free-text dates, honouring an explicit zone', () => {
    expect(toIsoDate('November 1, 2025')).toBe('2025-11-01');
    expect(toIsoDate('Sat, 01 Nov 2025 23:30:00 -0500')).toBe('2025-11-01');
    expect(toIsoDate('Sun, 02 Nov 2025 00:30:00 GMT')).toBe('2025-11-02');
  });

  it("returns '' for what is not a single day", () => {
    for (const value of [
      '',
      null,
      undefined,
      'yesterday',
      '2025',
      '2025-11',
      '2025-02-30',
      '2025-13-01',
      'D:0000',
    ]) {
      expect(toIsoDate(value)).toBe('');
    }
  });
});
