/**
 * Import throughput of the librarian on real corpora: DigitalGov's Hugo Markdown (2,084 full
 * articles) and the HuffPost JSON Lines (9,999 headline + summary records), each into a fresh
 * temporary archive, end to end (read, extract, sanitise, dedupe, validate, write).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { importSources } from '../src/librarian/import/importSources';
import { parseUrlPattern } from '../src/librarian/import/urlPattern';
import { readShortcodeRules } from '../src/librarian/markdown/readShortcodeRules';
import { HUFFPOST_MAPPING } from '../src/librarian/sources/readJsonRecords';
import { CORPORA_DIR, tempArchive } from '../src/librarian/testing/tempArchive';

export interface ThroughputRow {
  corpus: string;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMiB: number;
}

async function measure(corpus: string, run: (dir: string) => Promise<number>): Promise<ThroughputRow> {
  const { dir, cleanup } = await tempArchive();
  try {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const articles = await run(dir);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { corpus, articles, seconds, articlesPerSecond: articles / seconds, peakRssMiB: peak / 1048576 };
  } finally {
    await cleanup();
  }
}

export async function importThroughput(): Promise<ThroughputRow[]> {
  const digitalgov = path.join(CORPORA_DIR, 'digitalgov-news/content/news');
  const huffpost = path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
  if (!existsSync(digitalgov) || !existsSync(huffpost)) throw new Error(`bench: the corpora are not at ${CORPORA_DIR} (see ../shared/corpora/README.md)`);
  const rows: ThroughputRow[] = [];
  rows.push(
    await measure('DigitalGov (Hugo Markdown)', async (dir) => {
      // As the default archive is made (README): the site's address patterns and shortcodes.
      const report = await importSources({
        archiveDir: dir,
        files: [digitalgov],
        overrides: { outlet: 'Digital.gov' },
        urlPatterns: ['https://digital.gov/{year}/{month}/{day}/{slug}/', 'https://www.digitalgov.gov/{year}/{month}/{day}/{slug}/'].map(parseUrlPattern),
        shortcodes: await readShortcodeRules('archive/sources/digitalgov-shortcodes.json'),
      });
      return report.imported.length + report.merged.length;
    }),
  );
  rows.push(
    await measure('HuffPost (JSON Lines)', async (dir) => {
      const report = await importSources({ archiveDir: dir, files: [huffpost], mapping: HUFFPOST_MAPPING, overrides: { outlet: 'HuffPost' } });
      return report.imported.length + report.merged.length;
    }),
  );
  return rows;
}
