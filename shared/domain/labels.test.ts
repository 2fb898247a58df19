import { describe, expect, it } from 'vitest';
import { compareNames } from './compareNames';
import { countOf, groupDigits } from './labels';

describe('groupDigits', () => {
  it('groups the digits of whole numbers by threes, as toLocaleString does in English', () => {
    for (const n of [0, 7, 999, 1000, 12345, 100000, 1234567, -4500]) {
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('leaves a number with a fraction as it is', () => {
    expect(groupDigits(1234.5)).toBe('1234.5');
  });
});

describe('countOf', () => {
  it('puts the noun in the plural but for one', () => {
    expect(countOf(1, 'claim')).toBe('1 claim');
    expect(countOf(0, 'claim')).toBe('0 claims');
  });
});

describe('compareNames', () => {
  it('orders numbers in names by value and ignores accents and case', () => {
    expect(['Outlet 10', 'Outlet 2', 'élise', 'Elise'].sort(compareNames)).toEqual([
      'élise',
      'Elise',
      'Outlet 2',
      'Outlet 10',
    ]);
  });
});
