/**
 * Dates as the reader shows them. Article dates are written as the source printed them
 * (`2017-11-10`, `2017-11-10T09:52:00`, `2017-11-10T09:52:00+03:00`): the day shown is the day
 * written, never shifted into the reader's time zone — `new Date('2017-11-10')` is midnight UTC,
 * which is still 9 November in America.
 */
import { parseMonthKey } from '../core/monthKey';
import type { MonthKey } from '../core/types';

const LOCALE = 'en-GB';

/**
 * A formatter made on its first use: making one loads locale data, and making all five when the
 * module loads was a large part of the app's first task (Chromium at 4× CPU).
 */
function formatter(options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
  let made: Intl.DateTimeFormat | undefined;
  return { format: (date) => (made ??= new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' })).format(date) };
}

const longDate = formatter({ dateStyle: 'long' });
const shortDate = formatter({ dateStyle: 'medium' });
const monthYear = formatter({ month: 'long', year: 'numeric' });
const monthOnly = formatter({ month: 'long' });
const shortMonthYear = formatter({ month: 'short', year: 'numeric' });

function writtenDay(isoDate: string): Date {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** `10 November 2017`. */
export function formatLongDate(isoDate: string): string {
  return longDate.format(writtenDay(isoDate));
}

/** Short dates already formatted, by day: a list of a month has at most 31 (Intl's format is slow on a phone). */
const shortDates = new Map<string, string>();

/** `10 Nov 2017`, for lists. */
export function formatShortDate(isoDate: string): string {
  const day = isoDate.slice(0, 10);
  let text = shortDates.get(day);
  if (text === undefined) {
    if (shortDates.size >= 1000) shortDates.clear();
    shortDates.set(day, (text = shortDate.format(writtenDay(day))));
  }
  return text;
}

/** `November 2017`. */
export function formatMonth(month: MonthKey): string {
  const { year, month: m } = parseMonthKey(month);
  return monthYear.format(new Date(Date.UTC(year, m - 1, 1)));
}

/** `Nov 2017`, where space is short (the month pickers of a search). */
export function formatShortMonth(month: MonthKey): string {
  const { year, month: m } = parseMonthKey(month);
  return shortMonthYear.format(new Date(Date.UTC(year, m - 1, 1)));
}

/** `November`, for a month listed under its year. */
export function formatMonthName(month: MonthKey): string {
  const { year, month: m } = parseMonthKey(month);
  return monthOnly.format(new Date(Date.UTC(year, m - 1, 1)));
}
