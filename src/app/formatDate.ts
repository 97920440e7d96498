/**
 * Dates as the reader shows them. Article dates are written as the source printed them
 * (`2017-11-10`, `2017-11-10T09:52:00`, `2017-11-10T09:52:00+03:00`): the day shown is the day
 * written, never shifted into the reader's time zone — `new Date('2017-11-10')` is midnight UTC,
 * which is still 9 November in America.
 */
import { parseMonthKey } from '../core/monthKey';
import type { MonthKey } from '../core/types';

const LOCALE = 'en-GB';
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' });
const shortMonthYear = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });

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
