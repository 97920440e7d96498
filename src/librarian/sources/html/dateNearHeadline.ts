import type { parseHTML } from 'linkedom';
import { implausibleDate, parseSourceDate } from '../../import/normalise';
import { datesInText } from './datesInText';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** How far before the headline's start a date line may stand ("Freitag, 5. Juni 2015" above it). */
const BEFORE = 250;
/** How far after the headline's end the byline's date may stand. */
const AFTER = 1200;
/** A date before the headline counts as this much farther away: bylines mostly follow the headline. */
const BEFORE_WEIGHT = 1.5;
/** Elements whose text no reader sees. */
const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'OPTION', 'HEAD']);

/**
 * The date a reader sees by the headline: the nearest date printed just after it (the byline's
 * "von Cooper am 25.08.2015", "8 January 2020, 3:51 pm") or just above it (a blog's date
 * line), or a `<time datetime>` there. Dates in running text further away are the article's
 * subject, comments or a sidebar's teasers. `language` decides numeric slash dates.
 */
export function dateNearHeadline(document: Doc, headline: El, language: string | null): string | null {
  const parts: string[] = [];
  const times: { at: number; day: string }[] = [];
  let length = 0;
  let start = -1;
  let end = -1;
  const walk = (node: El): void => {
    if (end >= 0 && length > end + AFTER) return;
    for (const child of node.childNodes as unknown as El[]) {
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').replace(/\s+/g, ' ');
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === 1 && !UNSEEN.has(child.tagName.toUpperCase())) {
        const isHeadline = child === headline;
        if (isHeadline) start = length;
        if (child.tagName.toUpperCase() === 'TIME') {
          const day = parseSourceDate(child.getAttribute('datetime') ?? '', { language })?.slice(0, 10);
          if (day) times.push({ at: length, day });
        }
        parts.push(' ');
        length += 1;
        walk(child);
        parts.push(' ');
        length += 1;
        if (isHeadline) end = length;
      }
    }
  };
  const body = document.body as unknown as El | null;
  if (!body) return null;
  walk(body);
  if (start < 0) return null;

  const text = parts.join('');
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
