/**
 * Calendar dates as pages print them for people to read ("10. September 2017", "Jan 18, 2019",
 * "25.08.2015", "30 septembre 2018", "2020-04-26", "2012年6月4日", "26 | 01 | 2022"), found inside running text
 * with where each one stands.
 */
import { isIsoDate, monthFirst } from '../../import/normalise';

/** A date found in a text: the day it names and where it stands. */
export interface DateInText {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Offset of the first character in the text. */
  index: number;
  /** Offset just past the last character. */
  end: number;
}

/** Month names and their usual abbreviations in the languages of the web's news, lower-cased. */
const MONTH_NAMES: [number, string][] = Object.entries({
  1: 'january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari stycznia styczeń styczen tammikuuta ledna január ocak января',
  2: 'february feb februar feber février fevrier févr fevr febrero febbraio fevereiro fev februari lutego luty helmikuuta února unora február şubat subat февраля',
  3: 'march mar märz maerz mär mars marzo março marco maart marca marzec maaliskuuta března brezna március mart марта',
  4: 'april apr avril avr abril aprile aprilie kwietnia kwiecień kwiecien huhtikuuta dubna április nisan апреля',
  5: 'may mai mayo maggio maio mei maj maja toukokuuta května kvetna május mayıs mayis мая',
  6: 'june jun juni juin junio giugno junho czerwca czerwiec kesäkuuta června cervna június haziran июня',
  7: 'july jul juli juillet juil julio luglio julho lipca lipiec heinäkuuta července cervence július temmuz июля',
  8: 'august aug août aout agosto augustus augusti sierpnia sierpień sierpien elokuuta srpna augusztus ağustos agustos августа',
  9: 'september sep sept septembre septiembre setiembre settembre setembro set wrzesień września wrzesnia syyskuuta září zari szeptember eylül eylul сентября',
  10: 'october oct oktober okt octobre octubre ottobre ott outubro out października pazdziernika październik lokakuuta října rijna október ekim октября',
  11: 'november nov novembre noviembre novembro listopada listopad marraskuuta listopadu kasım kasim ноября',
  12: 'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro grudnia grudzień grudzien joulukuuta prosince december desember aralık aralik декабря',
}).flatMap(([month, names]) => names.split(' ').map((name): [number, string] => [Number(month), name]));

const MONTH_BY_NAME = new Map(MONTH_NAMES.map(([month, name]) => [name, month]));
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
/** Not inside a longer word or number. */
const START = '(?<![\\p{L}\\p{N}])';
const STOP = '(?![\\p{L}\\p{N}])';
const DAY = '(\\d{1,2})';
const YEAR = '(\\d{4})';

/** Each pattern names which group holds the year, the month and the day. */
const PATTERNS: { pattern: RegExp; year: number; month: number; day: number; numeric?: 'dot' | 'slash' }[] = [
  // 2020-04-26, 2020/04/26, 2020.04.26
  { pattern: new RegExp(`${START}${YEAR}([-/.])(\\d{1,2})\\2${DAY}${STOP}`, 'gu'), year: 1, month: 3, day: 4 },
  // 2012年6月4日, 2012년 6월 4일
  { pattern: new RegExp(`${YEAR}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*${DAY}\\s*[日일]`, 'gu'), year: 1, month: 2, day: 3 },
  // 2019. október 16. (Hungarian)
  { pattern: new RegExp(`${START}${YEAR}\\.\\s*${MONTH}\\s+${DAY}\\.`, 'giu'), year: 1, month: 2, day: 3 },
  // 18. Mai 2014, 8 January 2020, 18 de mayo de 2014, 26 Mai, 2008, 3rd March 2015
  {
    pattern: new RegExp(`${START}${DAY}(?:\\.|st|nd|rd|th|er)?\\s*(?:de\\s+)?${MONTH}${STOP},?\\s*(?:de\\s+|del\\s+)?${YEAR}${STOP}`, 'giu'),
    year: 3,
    month: 2,
    day: 1,
  },
  // September 17, 2019; Jan. 18 2019
  { pattern: new RegExp(`${START}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?${STOP},?\\s+${YEAR}${STOP}`, 'giu'), year: 3, month: 1, day: 2 },
  // 25.08.2015, 28.09.19
  { pattern: new RegExp(`${START}${DAY}\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})${STOP}`, 'gu'), year: 3, month: 2, day: 1, numeric: 'dot' },
  // 31/08/2019, 08-31-2019
  { pattern: new RegExp(`${START}${DAY}([/-])(\\d{1,2})\\2${YEAR}${STOP}`, 'gu'), year: 4, month: 3, day: 1, numeric: 'slash' },
  // 26 | 01 | 2022: a date line set with bars between its parts, read like slash dates
  { pattern: new RegExp(`${START}${DAY}\\s?\\|\\s?(\\d{1,2})\\s?\\|\\s?${YEAR}${STOP}`, 'gu'), year: 3, month: 2, day: 1, numeric: 'slash' },
];


/**
 * Every date the text states with day, month and year, in order of where it stands. Dotted
 * numeric dates are day-first (25.08.2015); slash dates follow the page's `language` (month
 * first in US English or when the language is unknown, unless only the other reading is a
 * date). A two-digit year only in dotted dates, where it is common ("28.09.19").
 */
export function datesInText(text: string, language: string | null = null): DateInText[] {
  const found: DateInText[] = [];
  for (const { pattern, year: yearGroup, month: monthGroup, day: dayGroup, numeric } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      if (found.some((other) => index < other.end && other.index < index + match[0].length)) continue;
      const yearText = match[yearGroup]!;
      const year = yearText.length === 2 ? twoDigitYear(Number(yearText)) : Number(yearText);
      const monthText = match[monthGroup]!;
      const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTH_BY_NAME.get(monthText.toLowerCase().replace(/\.$/, ''));
      const day = Number(match[dayGroup]);
      if (month === undefined) continue;
      let iso = isoDay(year, month, day);
      if (numeric === 'slash' && monthFirst(language)) iso = isoDay(year, day, month) ?? iso;
      else if (numeric === 'slash') iso = iso ?? isoDay(year, day, month);
      if (iso) found.push({ day: iso, index, end: index + match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "19" → 2019, "98" → 1998: the nearest century that does not put the year in the future. */
function twoDigitYear(year: number): number {
  const now = new Date().getUTCFullYear();
  return 2000 + year > now ? 1900 + year : 2000 + year;
}

function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
