import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMonthKey, monthKey, parseMonthKey, toMonthKey } from './monthKey';

describe('monthKey', () => {
  it('takes the month as written, whatever the time zone', () => {
    expect(monthKey('2017-11-30T23:30:00-05:00')).toBe('2017-11');
    expect(monthKey('2017-11-10')).toBe('2017-11');
  });

  it('refuses what is not a date', () => {
    expect(() => monthKey('November 2017')).toThrow('monthKey: not an ISO 8601 date: "November 2017"');
  });

  it('round-trips through parseMonthKey and toMonthKey', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const key = toMonthKey(year, month);
        expect(isMonthKey(key)).toBe(true);
        expect(parseMonthKey(key)).toEqual({ year, month });
      }),
    );
  });
});
