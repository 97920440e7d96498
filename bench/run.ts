/**
 * `npm run bench`: every benchmark, printing figures (never asserting times). Run on a quiet
 * machine; the figures are for this machine (2 cores).
 */
import { importThroughput } from './importThroughput';

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

console.log('Librarian import throughput (real corpora, end to end into a temporary archive)\n');
const rows = await importThroughput();
console.log(
  table(
    ['corpus', 'articles', 'seconds', 'articles/s', 'peak RSS MiB'],
    rows.map((r) => [r.corpus, r.articles, r.seconds.toFixed(2), r.articlesPerSecond.toFixed(0), r.peakRssMiB.toFixed(0)]),
  ),
);
