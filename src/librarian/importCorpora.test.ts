/**
 * The librarian CLI on the real corpora in ../shared/corpora, each into a temporary archive:
 * the closing report's counts, the exit code, and that an interrupted import changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive } from './archive/readArchive';
import { CORPORA_DIR, SEED_FILES, SEEDS_META, tempArchive } from './testing/tempArchive';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/librarian/cli.ts');
const WXR = path.join(CORPORA_DIR, 'wordpress-wxr/themeunittestdata.wordpress.xml');
const HUFFPOST = path.join(CORPORA_DIR, 'huffpost-news-category/News_Category_Dataset_v3.newest9999.jsonl');
const DIGITALGOV = path.join(CORPORA_DIR, 'digitalgov-news/content/news');
const FEEDS = path.join(CORPORA_DIR, 'feeds/rss-parser-inputs');

function librarian(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function summaryLine(stdout: string): string {
  return stdout.split('\n').find((l) => /^\d+ imported, /.test(l)) ?? '';
}

describe.skipIf(!existsSync(CORPORA_DIR))('the librarian on the real corpora (../shared/corpora)', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('imports the WordPress export: published posts only, the rest skipped with reasons', async () => {
    const result = librarian('import', WXR, '--archive', dir);
    expect(result.code).toBe(0);
    // One published post has no content at all: it is skipped, named with its reason.
    expect(result.stdout).toContain('skipped   themeunittestdata.wordpress.xml item 162: no article text (a title and a link only)');
    expect(summaryLine(result.stdout)).toBe('54 imported, 0 merged, 0 unchanged, 132 skipped, 0 failed; the archive holds 54 articles.');
    const skipped = result.stdout.split('\n').filter((l) => l.startsWith('skipped'));
    const count = (reason: string) => skipped.filter((l) => l.endsWith(reason)).length;
    expect([count('a page, not a post'), count('an attachment'), count('draft, not published')]).toEqual([21, 37, 1]);
    const archive = await readArchive(dir);
    expect(archive.months.flatMap((m) => m.articles).every((a) => a.sources[0]!.outlet === 'Theme Unit Test Data')).toBe(true);
  });

  it('imports the HuffPost JSON Lines with the huffpost field mapping, idempotently', async () => {
    const first = librarian('import', HUFFPOST, '--map', 'huffpost', '--outlet', 'HuffPost', '--archive', dir);
    expect(first.code).toBe(0);
    const [imported, merged] = summaryLine(first.stdout).match(/^(\d+) imported, (\d+) merged/)!.slice(1).map(Number);
    expect(imported! + merged!).toBe(9999);
    const archive = await readArchive(dir);
    expect(archive.months.map((m) => m.month)[0]).toBe('2018-05');
    expect(archive.months.at(-1)!.month).toBe('2022-09');
    const again = librarian('import', HUFFPOST, '--map', 'huffpost', '--outlet', 'HuffPost', '--archive', dir);
    expect(summaryLine(again.stdout)).toBe(`0 imported, 0 merged, 9999 unchanged, 0 skipped, 0 failed; the archive holds ${imported} articles.`);
    expect(again.stdout).toContain('Nothing changed.');
  });

  it('imports the DigitalGov Hugo content folder with authors and topics resolved', async () => {
    const result = librarian('import', DIGITALGOV, '--outlet', 'Digital.gov', '--archive', dir);
    expect(result.stderr).toContain('failed    2018-09-24-example.md: front matter has no title');
    expect(summaryLine(result.stdout)).toBe('2078 imported, 3 merged, 0 unchanged, 1 skipped, 1 failed; the archive holds 2078 articles.');
    const archive = await readArchive(dir);
    expect(archive.months).toHaveLength(155);
    expect(archive.meta.categories.length).toBeGreaterThanOrEqual(40);
    const all = archive.months.flatMap((m) => m.articles);
    expect(all.filter((a) => a.author === null).length).toBeLessThan(all.length / 5);
  });

  it('imports every feed it can, and names each broken one with a clear reason', async () => {
    const result = librarian('import', FEEDS, '--archive', dir);
    expect(result.code).toBe(1);
    const failed = result.stderr.split('\n').filter((l) => l.startsWith('failed'));
    expect(failed.length).toBeGreaterThan(0);
    for (const line of failed) expect(line).toMatch(/^failed {4}[\w.-]+\.(rss|atom)( item \d+)?: \S/);
    expect(Number(summaryLine(result.stdout).match(/^(\d+) imported/)![1])).toBeGreaterThan(500);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge = path.join(dir, 'huge-export.xml');
    await writeFile(huge, '<?xml version="1.0"?>');
    await truncate(huge, 65 * 1024 * 1024);
    const result = librarian('import', huge, ...SEED_FILES, '--meta', SEEDS_META, '--archive', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('failed    huge-export.xml: file is 65 MiB, over the 64 MiB limit for one source');
    expect(summaryLine(result.stdout)).toMatch(/^4 imported/);
  });

  it('leaves the archive as it was when an import is interrupted', async () => {
    librarian('import', ...SEED_FILES, '--meta', SEEDS_META, '--archive', dir);
    const snapshot = async () => {
      const names = (await readdir(path.join(dir, 'articles'))).sort();
      return { names, files: await Promise.all(names.map((n) => readFile(path.join(dir, 'articles', n), 'utf8'))), meta: await readFile(path.join(dir, 'archive.json'), 'utf8') };
    };
    const before = await snapshot();
    const child = spawn(TSX, [CLI, 'import', DIGITALGOV, '--outlet', 'Digital.gov', '--archive', dir]);
    // Interrupt once the import is well under way (its first progress line).
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('import: ') && resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? -1 : null))));
    expect(code).not.toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await readdir(path.join(dir, 'articles'))).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
