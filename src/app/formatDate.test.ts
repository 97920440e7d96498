import { describe, expect, it } from 'vitest';
import { formatLongDate, formatMonth, formatMonthName, formatShortDate, formatShortMonth } from './formatDate';

describe('formatLongDate', () => {
  it('formats a date-only article date', () => {
    expect(formatLongDate('2017-11-17')).toBe('17 November 2017');
  });

  it('shows the day as written, whatever the offset or the reader’s time zone', () => {
    expect(formatLongDate('2017-11-10T23:30:00-05:00')).toBe('10 November 2017');
    expect(formatLongDate('2017-11-10T00:10:00+14:00')).toBe('10 November 2017');
    expect(formatLongDate('2017-11-10T09:52:00')).toBe('10 November 2017');
  });
});

describe('formatShortDate', () => {
  it('abbreviates the month', () => {
    expect(formatShortDate('2017-11-25')).toBe('25 Nov 2017');
  });
});

describe('formatMonth', () => {
  it('names the month and year', () => {
    expect(formatMonth('2017-09')).toBe('September 2017');
    expect(formatMonthName('2017-09')).toBe('September');
  });
});

describe('formatShortMonth', () => {
  it('abbreviates the month name', () => {
    expect(formatShortMonth('2020-12')).toBe('Dec 2020');
  });
});
