import type { MonthKey } from './types';

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month (`YYYY-MM`) an ISO 8601 date belongs to, as written (no time-zone shift). */
export function monthKey(isoDate: string): MonthKey {
  const key = isoDate.slice(0, 7);
  if (!MONTH_KEY.test(key)) throw new Error(`monthKey: not an ISO 8601 date: ${JSON.stringify(isoDate)}`);
  return key;
}

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/** Splits `2017-11` into `{ year: 2017, month: 11 }`. */
export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const m = MONTH_KEY.exec(key);
  if (!m) throw new Error(`monthKey: not a month key: ${JSON.stringify(key)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** `2017, 11` → `2017-11`. */
export function toMonthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
