/**
 * The reader's URLs, built in one place so that links and route patterns cannot drift apart.
 * Paths are relative to the router's base (the site's `BASE_URL`).
 */
import { parseMonthKey, toMonthKey } from '../core/monthKey';
import type { MonthKey } from '../core/types';

/** `/articles/2017/11/abu-kamal-grasping-defeat` from an article's date and slug. */
export function articlePath(date: string, slug: string): string {
  const [year, month] = date.slice(0, 7).split('-');
  return `/articles/${year}/${month}/${encodeURIComponent(slug)}`;
}

/** `/archive/2017/11`. */
export function monthPath(month: MonthKey): string {
  const { year, month: m } = parseMonthKey(month);
  return `/archive/${year}/${String(m).padStart(2, '0')}`;
}

export function categoryPath(slug: string): string {
  return `/categories/${encodeURIComponent(slug)}`;
}

/** `/tags/research`. */
export function tagPath(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`;
}

/** `/search?q=…`; an empty query gives the bare search page. */
export function searchPath(query: string): string {
  const q = query.trim();
  return q ? `/search?q=${encodeURIComponent(q)}` : '/search';
}

/**
 * The month key named by `/archive/:year/:month` or `/articles/:year/:month/…` params, or
 * undefined when they do not name a month (`/archive/2017/13`, `/archive/17/1`).
 */
export function monthFromParams(year: string | undefined, month: string | undefined): MonthKey | undefined {
  if (!year || !month || !/^\d{4}$/.test(year) || !/^\d{2}$/.test(month)) return undefined;
  const m = Number(month);
  return m >= 1 && m <= 12 ? toMonthKey(Number(year), m) : undefined;
}

/**
 * How many pages of a listing the `?page=` query asks for: `?page=3` → 3; absent, zero, negative
 * or not a whole number → 1.
 */
export function pagesFromQuery(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * A route param as text. The router hands params over as they appear in `location.pathname`,
 * percent-encoded (a slug in Arabic script arrives as `%D8%A7…`).
 */
export function decodeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
