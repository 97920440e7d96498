/**
 * Scoring as the set's authors score body extractors: a "with" snippet found in the extracted text
 * is a true positive, missing a false negative; a "without" snippet found is a false positive,
 * missing a true negative (text compared with white space collapsed). Title, date and author are
 * compared field by field on the pages that state them.
 */
import type { EvalPage } from './evalSet';

/** What one extractor made of one page. */
export interface Extraction {
  title: string | null;
  /** ISO 8601 or null. */
  date: string | null;
  author: string | null;
  /** The main text; '' when the page was refused. */
  body: string;
  /** Why the page would not be imported (no article, no title, no date…), or null. */
  refused: string | null;
}

export interface PageScore {
  page: EvalPage;
  got: Extraction;
  missingWith: string[];
  foundWithout: string[];
  titleRight: boolean | null;
  dateRight: boolean | null;
  authorRight: boolean | null;
}

export interface Totals {
  pages: number;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  titles: { right: number; stated: number };
  dates: { right: number; stated: number };
  authors: { right: number; stated: number };
  refusals: Map<string, number>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Title form for comparison: case, quotes, dashes and outer punctuation do not count. */
export function titleKey(title: string): string {
  return collapse(
    title
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[„“”«»‹›"'’‘‚`´]/g, '')
      .replace(/[‐‑‒–—―]/g, '-'),
  ).replace(/^[\s.,:;!?-]+|[\s.,:;!?-]+$/g, '');
}

function nameSet(names: string): string {
  return names
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(by|von|par|por|di|door|przez|av|af)\s+/i, '')
    .split(/\s*(?:[,;&/|]|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\boraz\b)\s*/)
    .map(collapse)
    .filter(Boolean)
    .sort()
    .join('|');
}

/** One page's figures for one extraction. */
export function scorePage(page: EvalPage, got: Extraction): PageScore {
  const text = collapse(got.body);
  const missingWith = page.with.filter((s) => !text.includes(collapse(s)));
  const foundWithout = page.without.filter((s) => collapse(s) !== '' && text.includes(collapse(s)));
  return {
    page,
    got,
    missingWith,
    foundWithout,
    titleRight: page.title === null ? null : got.title !== null && titleKey(got.title) === titleKey(page.title),
    dateRight: page.date === null ? null : got.date !== null && got.date.slice(0, 10) === page.date,
    authorRight: page.author === null ? null : got.author !== null && nameSet(got.author) === nameSet(page.author),
  };
}

export function emptyTotals(): Totals {
  return {
    pages: 0,
    tp: 0,
    fn: 0,
    fp: 0,
    tn: 0,
    titles: { right: 0, stated: 0 },
    dates: { right: 0, stated: 0 },
    authors: { right: 0, stated: 0 },
    refusals: new Map(),
  };
}

export function addScore(totals: Totals, score: PageScore): void {
  const { page } = score;
  totals.pages++;
  totals.tp += page.with.length - score.missingWith.length;
  totals.fn += score.missingWith.length;
  totals.fp += score.foundWithout.length;
  totals.tn += page.without.length - score.foundWithout.length;
  for (const [field, right] of [
    ['titles', score.titleRight],
    ['dates', score.dateRight],
    ['authors', score.authorRight],
  ] as const) {
    if (right === null) continue;
    totals[field].stated++;
    if (right) totals[field].right++;
  }
  if (score.got.refused) {
    const reason = refusalKind(score.got.refused);
    totals.refusals.set(reason, (totals.refusals.get(reason) ?? 0) + 1);
  }
}

/** A refusal's reason without the file name and page-specific details, for counting. */
export function refusalKind(reason: string): string {
  return reason
    .replace(/^[^:]*\.(html?|txt):\s*/i, '')
    .replace(/\(.*$/, '')
    .replace(/\d[\d,.]*/g, 'N')
    .replace(/"[^"]*"/g, '"…"')
    .trim();
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  title: number;
  date: number;
  author: number;
  refused: number;
}

export function figures(t: Totals): Figures {
  const precision = t.tp / Math.max(1, t.tp + t.fp);
  const recall = t.tp / Math.max(1, t.tp + t.fn);
  const share = (x: { right: number; stated: number }) => x.right / Math.max(1, x.stated);
  let refused = 0;
  for (const n of t.refusals.values()) refused += n;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    accuracy: (t.tp + t.tn) / Math.max(1, t.tp + t.tn + t.fp + t.fn),
    title: share(t.titles),
    date: share(t.dates),
    author: share(t.authors),
    refused,
  };
}
