import type { parseHTML } from 'linkedom';
import { cleanText, implausibleDate, parseSourceDate } from '../../import/normalise';
import { datesInText } from './datesInText';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** How far before the headline's start a date line may stand ("Freitag, 5. Juni 2015" above it). */
const BEFORE = 250;
/** How far after the headline's end the byline's date may stand. */
const AFTER = 1200;
/** A date before the headline counts as this much farther away: bylines mostly follow the headline. */
const BEFORE_WEIGHT = 1.5;
/** Past this much text the walk stops: the headline of a huge page is in its first part. */
const MAX_TEXT = 1_000_000;
/** Elements whose text no reader sees. */
const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'OPTION', 'HEAD', 'TITLE']);

/**
 * The date a reader sees by the headline: the nearest date printed just after it (the byline's
 * "von Cooper am 25.08.2015", "8 January 2020, 3:51 pm") or just above it (a blog's date
 * line), or a `<time datetime>` there. Dates in running text further away are the article's
 * subject, comments or a sidebar's teasers. The headline is its element, or else its text,
 * the first of its texts (longest first) that the page shows, where it first shows it. `language` decides numeric slash dates.
 */
export function dateNearHeadline(document: Doc, headline: El | string[], language: string | null): string | null {
  const body = document.body as unknown as El | null;
  if (!body) return null;
  let text = '';
  const times: { at: number; day: string }[] = [];
  let start = -1;
  let end = -1;
  const append = (value: string): void => {
    const collapsed = value.replace(/\s+/g, ' ');
    text += text.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
  };
  const walk = (node: El): void => {
    for (const child of node.childNodes as unknown as El[]) {
      if (text.length > MAX_TEXT || (end >= 0 && text.length > end + AFTER)) return;
      if (child.nodeType === 3) append(child.textContent ?? '');
      else if (child.nodeType === 1 && !UNSEEN.has(child.tagName.toUpperCase()) && !isLastChange(child)) {
        const isHeadline = child === headline;
        append(' ');
        if (isHeadline) start = text.length;
        if (child.tagName.toUpperCase() === 'TIME') {
          const day = parseSourceDate(child.getAttribute('datetime') ?? '', { language })?.slice(0, 10);
          if (day) times.push({ at: text.length, day });
        }
        walk(child);
        if (isHeadline) end = text.length;
        append(' ');
      }
    }
  };
  walk(body);
  if (Array.isArray(headline)) {
    for (const needle of headline.map(cleanText).filter((value) => value.length >= 10)) {
      start = text.indexOf(needle);
      end = start + needle.length;
      if (start >= 0) break;
    }
  }
  if (start < 0) return null;

  const from = Math.max(0, start - BEFORE);
  const before = text.slice(from, start);
  const after = text.slice(end, end + AFTER);
  const candidates = [
    ...datesInText(before, language).map((date) => ({ day: date.day, distance: (before.length - date.end) * BEFORE_WEIGHT })),
    ...datesInText(after, language).map((date) => ({ day: date.day, distance: date.index })),
    ...times
      .filter((time) => time.at >= from && time.at <= end + AFTER)
      .map((time) => ({ day: time.day, distance: time.at < start ? (start - time.at) * BEFORE_WEIGHT : Math.max(0, time.at - end) })),
  ];
  return candidates.filter((candidate) => !implausibleDate(candidate.day)).sort((a, b) => a.distance - b.distance)[0]?.day ?? null;
}

/** Longer than this, an element marked as the last change is more than its date line. */
const LAST_CHANGE_CHARS = 100;

/**
 * A date marked as the last change where its date line marks the publication apart (`<time
 * class="updated">` beside `<time class="published">`), or marked `itemprop="dateModified"`: by the
 * headline it stands beside the publication date, and it is not when the article appeared. Many
 * themes mark their only date "updated" (hAtom asks for one), so that alone says nothing.
 */
function isLastChange(element: El): boolean {
  if ((element.textContent ?? '').length > LAST_CHANGE_CHARS) return false;
  if (element.getAttribute('itemprop')?.toLowerCase() === 'datemodified') return true;
  const names = (element.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
  if (!names.includes('updated') || names.includes('published')) return false;
  // The publication marked apart in the same date line, not anywhere on the page.
  const line = element.parentElement?.parentElement ?? element.parentElement;
  return [...(line?.querySelectorAll('.published') ?? [])].some((other) => other !== element);
}
