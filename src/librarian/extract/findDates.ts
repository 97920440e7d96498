/**
 * Finds the calendar dates written in one line of a page, in the shapes news
 * pages print them in many languages: "17 November 2017", "November 17, 2017",
 * "3. Februar 2022", "14 de enero de 2020", "9 décembre 2019 à 09h08",
 * "27.01.2020", "03/05/2022 20:36", "2020-01-27", "2020年1月14日".
 *
 * Only dates with day, month and year all written count, and only plausible
 * ones (not before 1800, not in the future).
 */
import * as chrono from 'chrono-node';
import { implausibleDate, parseSourceDate } from '../import/normalise';

/** One date found in a line. */
export interface FoundDate {
  /** Where the date starts and ends in the line. */
  index: number;
  end: number;
  /** ISO 8601: the day, with the time of day when the line gives one right after it. */
  iso: string;
}

const MONTH_NAMES: [number, string][] = [
  [1, 'january jan januar jänner janvier janv enero ene gennaio gen janeiro januari stycznia styczeń января январь січня'],
  [2, 'february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari lutego luty февраля февраль лютого'],
  [3, 'march mar märz maerz mär mrz mars marzo março marco maart mrt marca marzec марта март березня'],
  [4, 'april apr avril avr abril abr aprile kwietnia kwiecień апреля апрель квітня'],
  [5, 'may mai mayo maggio mag maio mei maj maja мая май травня'],
  [6, 'june jun juni juin junio giugno giu junho czerwca czerwiec июня июнь червня'],
  [7, 'july jul juli juillet juil julio luglio lug julho lipca lipiec июля июль липня'],
  [8, 'august aug août aout agosto ago augustus augusti sierpnia sierpień августа август серпня'],
  [9, 'september sep sept septembre septiembre setiembre settembre set setembro września wrzesień сентября сентябрь вересня'],
  [10, 'october oct oktober okt octobre octubre ottobre ott outubro out października październik октября октябрь жовтня'],
  [11, 'november nov novembre noviembre novembro listopada listopad ноября ноябрь листопада'],
  [12, 'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro grudnia grudzień декабря декабрь грудня'],
];

const MONTHS = new Map<string, number>(MONTH_NAMES.flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as [string, number])));

const MONTH = '(\\p{L}{3,12})\\.?';
const DAY = '(\\d{1,2})';
/** A year; innerText glues a second date straight on when two dates sit side by side ("10. Februar 20199. Februar 2019"). */
const YEAR = '(\\d{4})(?=\\D|$|\\d{1,2}\\.?\\s*\\p{L})';
const ORDINAL = '(?:\\.|º|°|er|st|nd|rd|th)?';

/** "17 November 2017", "3. Februar 2022", "14 de enero de 2020", "1st of May, 2020". */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])${DAY}${ORDINAL}\\s*(?:de\\s+|of\\s+)?${MONTH},?\\s*(?:de\\s+|del\\s+)?${YEAR}`, 'giu');
/** "14 Feb ’20": a two-digit year after an apostrophe. */
const DAY_MONTH_SHORT_YEAR = new RegExp(`(?<![\\p{L}\\d])${DAY}${ORDINAL}\\s*${MONTH},?\\s*['’‘](\\d{2})(?!\\d)`, 'giu');
/** "November 17, 2017", "Nov. 17th 2017". */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR}`, 'giu');
/** "2020-01-27", "2020/01/27", "2020.01.27". */
const YEAR_FIRST = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** "27.01.2020", "03/05/2022", "27-01-2020", "06.11.23". */
const DAY_FIRST_NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)/g;
/** "18. 05. 2014": a dotted date spaced after its dots. */
const DAY_FIRST_SPACED = /(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})(?!\d)/g;
/** "17/11/201917/11/2019", "19.2.202016:20": innerText glues a second date or the time straight onto the year. */
const DAY_FIRST_GLUED = /(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?=\d{1,2}[./:]\d)/g;
/** "03.Mär.19": day, abbreviated month and two-digit year between dots. */
const DAY_MONTH_DOTTED_SHORT_YEAR = new RegExp(`(?<![\\p{L}\\d])${DAY}\\.\\s?(\\p{L}{3,12})\\.\\s?(\\d{2})(?![\\d.:])`, 'giu');
/** "Apr 042013": a two-digit day glued onto the year. */
const MONTH_DAY_GLUED_YEAR = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+(\\d{2})(\\d{4})(?!\\d)`, 'giu');
/** "2020年1月14日", "2020년 1월 14일". */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/g;
/** A time of day right after a date: "20:36", "at 3:05 pm", "à 09h08", "um 12:01 Uhr". */
const TIME_AFTER = /^[\s,|–-]*(?:at|um|à|a las|alle|às|om|o|-)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i;

/** Lines longer than this are prose, searched only at their start (dates of interest sit there). */
const MAX_SCANNED_CHARS = 400;

/**
 * Every plausible full date in `line`, in order. `language` (a BCP 47 tag or
 * null) decides how an ambiguous slash date reads, as in parseSourceDate.
 */
export function findDates(line: string, language: string | null, now: Date = new Date()): FoundDate[] {
  const text = line.slice(0, MAX_SCANNED_CHARS);
  const found: FoundDate[] = [];
  const add = (index: number, length: number, day: string | null) => {
    if (!day || implausibleDate(day, now) !== null) return;
    if (found.some((other) => index < other.end && other.index < index + length)) return;
    const time = TIME_AFTER.exec(text.slice(index + length));
    found.push({ index, end: index + length + (time?.[0].length ?? 0), iso: time ? withTime(day, time) : day });
  };
  for (const match of text.matchAll(CJK_DATE)) add(match.index, match[0].length, isoDay(match[1], match[2], match[3]));
  for (const match of text.matchAll(YEAR_FIRST)) add(match.index, match[0].length, isoDay(match[1], match[3], match[4]));
  for (const match of text.matchAll(DAY_MONTH_YEAR)) add(match.index, match[0].length, isoDay(match[3], monthNumber(match[2]), match[1]));
  for (const match of text.matchAll(DAY_MONTH_SHORT_YEAR)) add(match.index, match[0].length, isoDay(fullYear(match[3], now), monthNumber(match[2]), match[1]));
  for (const match of text.matchAll(MONTH_DAY_YEAR)) add(match.index, match[0].length, isoDay(match[3], monthNumber(match[1]), match[2]));
  for (const match of text.matchAll(DAY_FIRST_NUMERIC)) add(match.index, match[0].length, numericDay(match, language, now));
  for (const match of text.matchAll(DAY_FIRST_GLUED)) add(match.index, match[0].length, numericDay(match, language, now));
  for (const match of text.matchAll(DAY_FIRST_SPACED)) add(match.index, match[0].length, isoDay(match[3], match[2], match[1]));
  for (const match of text.matchAll(DAY_MONTH_DOTTED_SHORT_YEAR)) add(match.index, match[0].length, isoDay(fullYear(match[3], now), monthNumber(match[2]), match[1]));
  for (const match of text.matchAll(MONTH_DAY_GLUED_YEAR)) add(match.index, match[0].length, isoDay(match[3], monthNumber(match[1]), match[2]));
  // chrono reads the English shapes the patterns above leave out ("Friday 17th of November 2017").
  if (found.length === 0) {
    for (const result of chrono.strict.parse(text, REFERENCE_DATE)) {
      const start = result.start;
      // "for six weeks" comes back as a certain date counted from the reference day: a stated date writes its year.
      if (!/\d{4}/.test(result.text) || !(['year', 'month', 'day'] as const).every((unit) => start.isCertain(unit))) continue;
      add(result.index, result.text.length, isoDay(String(start.get('year')), start.get('month') ?? 0, String(start.get('day'))));
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Fixed so that parsing never depends on the day the extractor runs. */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

function monthNumber(name: string | undefined): number | null {
  return MONTHS.get((name ?? '').toLowerCase()) ?? null;
}

function isoDay(year: string | undefined, month: string | number | null | undefined, day: string | undefined): string | null {
  if (year === undefined || month === null || month === undefined || day === undefined) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const probe = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(probe.getTime()) && probe.toISOString().startsWith(iso) ? iso : null;
}

/** Dotted dates are day-first; slash dates follow the language (parseSourceDate); a two-digit year only with dots. */
function numericDay(match: RegExpMatchArray, language: string | null, now: Date): string | null {
  const [, a, separator, b, year] = match;
  if (a === undefined || b === undefined || year === undefined) return null;
  if (year.length === 2) {
    if (separator !== '.') return null;
    return isoDay(fullYear(year, now), b, a);
  }
  if (separator === '-') return isoDay(year, b, a);
  return parseSourceDate(`${a}${separator}${b}${separator}${year}`, { language })?.slice(0, 10) ?? null;
}

/** A two-digit year is in this century unless that would be in the future. */
function fullYear(year: string | undefined, now: Date): string | undefined {
  if (year === undefined) return undefined;
  const century = Number(year) <= now.getUTCFullYear() % 100 ? 2000 : 1900;
  return String(century + Number(year));
}

function withTime(day: string, time: RegExpExecArray): string {
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const meridiem = time[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return day;
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${(time[3] ?? '00').padStart(2, '0')}`;
}
