/**
 * `npm run bench`: every benchmark, printing figures (never asserting times). Run on a quiet
 * machine; the figures are for this machine (2 cores). The search benchmark takes most of the
 * run (about ten minutes here, most of it building and querying the 100,000-article indexes).
 */
import { importThroughput } from './importThroughput';
import { readerSearch } from './readerSearch';
import { ENGINE_NOTES, LOAD_RUNS, QUERIES, QUERY_PASSES, machineDescription, megabytes, searchBenchmark } from './searchBench';

const started = performance.now();

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

const reader = await readerSearch();
console.log(
  `\nThe reader's search path on the default archive (${reader.articles} articles; Node, no CPU throttling): ` +
    `first query including index load ${reader.firstQueryMs.toFixed(0)} ms; warm p50 ${reader.p50Ms.toFixed(2)} ms, p95 ${reader.p95Ms.toFixed(2)} ms ` +
    `over ${reader.samples} queries (page of 20 with highlighted titles and snippets)`,
);

const queryKinds = new Map<string, number>();
for (const { kind } of QUERIES) queryKinds.set(kind, (queryKinds.get(kind) ?? 0) + 1);
console.log('\nSearch: our MiniSearch index, FlexSearch and Lunr on the same real articles and the same queries');
console.log(machineDescription());
console.log(`${QUERIES.length} queries: ${[...queryKinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
// Progress goes to stderr: the 100,000-article size takes minutes.
const progress = (message: string) => process.stderr.write(`  … ${message} (peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)\n`);
for await (const size of searchBenchmark(undefined, progress)) {
  console.log(`\n${size.label}: ${size.composition}\n`);
  console.log(
    table(
      ['engine', 'docs', 'build s', 'size raw MB', 'size gzip MB', 'files', 'load ms', 'p50 ms', 'p95 ms', 'hits (median)', 'answered'],
      size.engines.map((e) => [
        e.engine,
        e.docs,
        e.buildSeconds.toFixed(1),
        megabytes(e.rawBytes),
        megabytes(e.gzipBytes),
        e.files,
        `${e.loadMs.toFixed(0)}${e.loadRuns < LOAD_RUNS ? ` (${e.loadRuns} run${e.loadRuns > 1 ? 's' : ''})` : ''}`,
        e.p50Ms.toFixed(2),
        e.p95Ms.toFixed(2),
        e.medianHits,
        `${e.answered}/${QUERIES.length}`,
      ]),
    ),
  );
  console.log(`documents prepared (plain text of every body + toSearchDocument) in ${size.prepareSeconds.toFixed(1)} s`);
  console.log(`peak RSS of the run so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  for (const e of size.engines) {
    if (e.detail) console.log(`${e.engine}: ${e.detail}`);
    if (e.note) console.log(`${e.engine}: buildBundle refused: ${e.note}`);
    if (e.querySamples < QUERY_PASSES * QUERIES.length) console.log(`${e.engine}: latency from ${e.querySamples} timed queries (time budget reached)`);
  }
}
console.log(`\n${ENGINE_NOTES.join('\n')}`);
console.log(`\nnpm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
