/**
 * `npm run bench:extract`: how well the librarian reads pages it has never seen, on the
 * extraction development set (`../shared/corpora/extraction-eval`, 884 real pages in many
 * languages). For the HTML import and for plain-text dumps made from the same pages (Chromium
 * `innerText`, JavaScript off, no network): snippet precision, recall and F1, title, date (same
 * day) and author accuracy, and refusals with their reasons — beside Readability.js alone and
 * doing nothing, in the same run. Every fifth page is the check half, never tuned on: both halves
 * are printed. Figures are printed beside their targets, never asserted.
 *
 *   npm run bench:extract
 *   npm run bench:extract -- --only html|text --half dev|check --limit 100 --failures /tmp/f.json
 *
 * Our extraction runs through `readSourceFile`, as `librarian import` does (format detection,
 * decoding, extraction); a page it cannot read scores as empty. A page read without a date would
 * be refused by the import ("no publication date found") unless the librarian gives one: it is
 * counted among the refusals, and its body is still scored.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodePageBytes } from '../../src/librarian/import/decodePageBytes';
import { readSourceFile } from '../../src/librarian/import/readSourceFile';
import { count, table, verdict } from '../table';
import { EVAL_DIR, type EvalPage, type Half, loadEvalSet } from './evalSet';
import { dumpPath, makeDumps } from './makeDumps';
import { addScore, emptyTotals, type Extraction, figures, type PageScore, type Totals } from './score';

type Extractor = (page: EvalPage) => Promise<Extraction>;

const refusedExtraction = (reason: string): Extraction => ({ title: null, date: null, author: null, body: '', refused: reason });

/** Ours, through the same path as `librarian import`. */
async function ours(file: string): Promise<Extraction> {
  try {
    const { articles, skipped } = await readSourceFile(file);
    const a = articles[0];
    if (!a) return refusedExtraction(skipped[0]?.reason ?? 'no article');
    const refused = a.title.trim() === '' ? 'no title found' : a.date === null ? 'no publication date found' : null;
    return { title: a.title || null, date: a.date, author: a.author, body: a.bodyText, refused };
  } catch (err) {
    return refusedExtraction((err as Error).message);
  }
}

/** The page's text for the baselines, decoded as the import decodes it. */
const decodePage = (bytes: Buffer) => decodePageBytes(bytes, 'html');

const pagePath = (page: EvalPage) => path.join(EVAL_DIR, 'pages', page.file);

const EXTRACTORS: Record<'html' | 'text', { name: string; run: Extractor }[]> = {
  html: [
    { name: 'ours (HTML import)', run: (page) => ours(pagePath(page)) },
    {
      name: 'Readability.js alone',
      run: async (page) => {
        try {
          const { document } = parseHTML(decodePage(await readFile(pagePath(page))));
          const article = new Readability(document as unknown as Document).parse();
          if (!article) return refusedExtraction('no article');
          return {
            title: article.title ?? null,
            date: article.publishedTime ?? null,
            author: article.byline ?? null,
            body: article.textContent ?? '',
            refused: null,
          };
        } catch (err) {
          return refusedExtraction((err as Error).message);
        }
      },
    },
    {
      name: 'doing nothing (page text, <title>)',
      run: async (page) => {
        const { document } = parseHTML(decodePage(await readFile(pagePath(page))));
        const title = document.querySelector('title')?.textContent?.trim() || null;
        return { title, date: null, author: null, body: await readFile(dumpPath(page), 'utf8'), refused: null };
      },
    },
  ],
  text: [
    { name: 'ours (text dump import)', run: (page) => ours(dumpPath(page)) },
    {
      name: 'doing nothing (whole dump, first line)',
      run: async (page) => {
        const body = await readFile(dumpPath(page), 'utf8');
        const title = body.split('\n').find((l) => l.trim() !== '')?.trim() ?? null;
        return { title, date: null, author: null, body, refused: null };
      },
    },
  ],
};

const TARGETS = {
  html: { f1: 0.93, title: 0.9, date: 0.95 },
  text: { f1: 0.9, title: 0.9, date: 0.9 },
} as const;

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const dec = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      half: { type: 'string' },
      limit: { type: 'string' },
      failures: { type: 'string' },
    },
  });
  const kinds = values.only ? [values.only as 'html' | 'text'] : (['html', 'text'] as const);
  if (kinds.some((k) => !(k in EXTRACTORS))) throw new Error(`--only: html or text, not ${values.only}`);
  const halves: Half[] = values.half ? [values.half as Half] : ['dev', 'check'];
  let pages = loadEvalSet().filter((p) => halves.includes(p.half));
  if (values.limit) pages = pages.slice(0, Number(values.limit));

  await makeDumps(pages);
  const failures: Record<string, unknown>[] = [];
  console.log(`Extraction on ${count(pages.length)} pages of ${path.relative(process.cwd(), EVAL_DIR)} (${halves.join(' + ')}; every fifth page is the check half, never tuned on)`);

  for (const kind of kinds) {
    const byHalf = new Map<string, Map<string, Totals>>();
    const seconds = new Map<string, number>();
    for (const extractor of EXTRACTORS[kind]) {
      const started = performance.now();
      for (const page of pages) {
        const score = await scoreOne(extractor.run, page);
        for (const half of [page.half, 'all']) {
          const row = byHalf.get(half) ?? new Map<string, Totals>();
          byHalf.set(half, row);
          const totals = row.get(extractor.name) ?? emptyTotals();
          row.set(extractor.name, totals);
          addScore(totals, score);
        }
        if (extractor === EXTRACTORS[kind][0] && values.failures) failures.push(failureRecord(kind, score));
      }
      seconds.set(extractor.name, (performance.now() - started) / 1000);
    }
    printKind(kind, byHalf, halves, seconds, pages.length);
  }
  if (values.failures) {
    await writeFile(values.failures, JSON.stringify(failures, null, 1));
    console.log(`\nPer-page results of ours: ${values.failures}`);
  }
}

async function scoreOne(run: Extractor, page: EvalPage): Promise<PageScore> {
  const { scorePage } = await import('./score');
  return scorePage(page, await run(page));
}

function failureRecord(kind: string, s: PageScore): Record<string, unknown> {
  return {
    kind,
    file: s.page.file,
    url: s.page.url,
    half: s.page.half,
    expected: { title: s.page.title, date: s.page.date, author: s.page.author },
    got: { title: s.got.title, date: s.got.date, author: s.got.author },
    right: { title: s.titleRight, date: s.dateRight, author: s.authorRight },
    refused: s.got.refused,
    missingWith: s.missingWith,
    foundWithout: s.foundWithout,
    bodyChars: s.got.body.length,
  };
}

function printKind(kind: 'html' | 'text', byHalf: Map<string, Map<string, Totals>>, halves: Half[], seconds: Map<string, number>, pageCount: number): void {
  const label = kind === 'html' ? 'Saved HTML pages' : 'Plain-text dumps of the same pages (Chromium innerText)';
  for (const half of [...halves, ...(halves.length > 1 ? ['all'] : [])]) {
    const rows = byHalf.get(half);
    if (!rows) continue;
    const first = [...rows.values()][0]!;
    console.log(`\n${label} — ${half === 'all' ? 'both halves' : `${half} half`} (${count(first.pages)} pages; title stated on ${first.titles.stated}, date on ${first.dates.stated}, author on ${first.authors.stated})`);
    console.log(
      table(
        ['extractor', 'precision', 'recall', 'F1', 'accuracy', 'title', 'date', 'author', 'refused'],
        [...rows].map(([name, t]) => {
          const f = figures(t);
          return [name, dec(f.precision), dec(f.recall), dec(f.f1), dec(f.accuracy), pct(f.title), pct(f.date), pct(f.author), count(f.refused)];
        }),
      ),
    );
  }
  const oursName = EXTRACTORS[kind][0]!.name;
  const target = TARGETS[kind];
  const at = (half: string) => figures(byHalf.get(half)!.get(oursName)!);
  console.log(`\n${label} — ${oursName} against the targets`);
  const shown = halves.length > 1 ? ['dev', 'check'] : halves;
  console.log(
    table(
      ['figure', ...shown.map((h) => `${h} half`), 'target', ...shown.map((h) => h)],
      [
        ['body F1', ...shown.map((h) => dec(at(h).f1)), `≥ ${target.f1}`, ...shown.map((h) => verdict(at(h).f1, { min: target.f1 }))],
        ['title right', ...shown.map((h) => pct(at(h).title)), `≥ ${pct(target.title)}`, ...shown.map((h) => verdict(at(h).title, { min: target.title }))],
        ['date right (same day)', ...shown.map((h) => pct(at(h).date)), `≥ ${pct(target.date)}`, ...shown.map((h) => verdict(at(h).date, { min: target.date }))],
        ['author right', ...shown.map((h) => pct(at(h).author)), 'no target', ...shown.map(() => '')],
      ],
    ),
  );
  const refusals = new Map<string, number>();
  for (const half of shown) for (const [reason, n] of byHalf.get(half)!.get(oursName)!.refusals) refusals.set(reason, (refusals.get(reason) ?? 0) + n);
  if (refusals.size > 0) {
    console.log(`Refusals (${shown.join(' + ')}):`);
    for (const [reason, n] of [...refusals].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${reason}`);
  }
  console.log(`Time: ${[...seconds].map(([name, s]) => `${name} ${(pageCount / s).toFixed(0)} pages/s`).join('; ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
