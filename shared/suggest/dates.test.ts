import { describe, expect, it } from 'vitest';
import { saidOn } from './dates';

describe('saidOn', () => {
  it('reads a day and month against the publication date', () => {
    expect(saidOn('Zakharova said on 30 October that', '2025-11-03')).toBe('2025-10-30');
    expect(saidOn('said on 30 December', '2026-01-02')).toBe('2025-12-30');
  });

  it('takes a weekday as the latest one on or before publication', () => {
    expect(saidOn('told reporters on Saturday', '2025-11-03')).toBe('2025-11-01');
    expect(saidOn('said Monday', '2025-11-03')).toBe('2025-11-03');
  });

  it('reads yesterday and last week', () => {
    expect(saidOn('said yesterday', '2025-11-07')).toBe('2025-11-06');
    expect(saidOn('said last week', '2025-10-16')).toBe('2025-10-09');
  });

  it('gives nothing for vague or yearless dates without a publication date', () => {
    expect(saidOn('said on Saturday', undefined)).toBeNull();
    expect(saidOn('said on 3 November 2024', undefined)).toBe('2024-11-03');
    expect(saidOn('who took office in 2019, said', '2025-11-03')).toBeNull();
    expect(saidOn('said earlier this month', '2025-11-03')).toBeNull();
  });
});
