/**
 * What the bundle manifest costs the page's main thread to parse, whole and as a smaller "start"
 * manifest would be (what the first view reads: no file list, no search index section, no tags,
 * no per-month counts of each label), in Chromium at 4× CPU: `JSON.parse` of each text, the
 * median of `--runs` (default 15) in one page. Run by hand:
 *
 *   npx tsx bench/manifestParse.ts <a built bundle's manifest.json>
 */
import { readFile } from 'node:fs/promises';
import type { BundleManifest } from '../src/core/format';
import { launchProfile, median, throttleCpu } from './browser';
import { CPU_SLOWDOWN } from './coldOfflineStart';
import { tempDir } from './archiveOnDisk';

const file = process.argv[2];
if (!file) throw new Error('manifestParse: give the path of a manifest.json');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 15;

const full = JSON.parse(await readFile(file, 'utf8')) as BundleManifest;
const withoutLabelMonths = <T extends { months?: unknown }>(labels: T[]) => labels.map(({ months: _months, ...label }) => label);
const { files: _files, index: _index, ...withoutFilesAndIndex } = full;
const start = { ...withoutFilesAndIndex, tags: [], categories: withoutLabelMonths(full.categories), uncategorised: { count: full.uncategorised.count } };
const variants: Record<string, string> = {
  'whole manifest': JSON.stringify(full),
  'without files and index': JSON.stringify(withoutFilesAndIndex),
  'start manifest (also without tags and label months)': JSON.stringify(start),
};

const profile = await tempDir('manifest-parse');
const context = await launchProfile(profile.dir);
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await throttleCpu(context, page, CPU_SLOWDOWN);
  console.log(`JSON.parse on the main thread, Chromium at ${CPU_SLOWDOWN}× CPU, median of ${RUNS} (${file})`);
  for (const [name, text] of Object.entries(variants)) {
    const times = await page.evaluate(
      ({ text, runs }) => {
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          JSON.parse(text);
          out.push(performance.now() - t0);
        }
        return out;
      },
      { text, runs: RUNS },
    );
    console.log(`- ${name}: ${(text.length / 1024).toFixed(0)} KiB, ${median(times).toFixed(1)} ms (first ${times[0]!.toFixed(1)} ms)`);
  }
} finally {
  await context.close();
  await profile.cleanup();
}
