import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_FILES, SEEDS_DIR, SEEDS_META, seedsPresent, tempArchive } from './testing/tempArchive';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/librarian/cli.ts');

function librarian(...args: string[]) {
  const result = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!seedsPresent)('the librarian CLI on the real seed pages', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('imports, validates, counts and builds', async () => {
    const imported = librarian('import', ...SEED_FILES, '--meta', SEEDS_META, '--archive', dir);
    expect(imported.stderr).toBe('import: 1/5 files (20%)\nimport: 2/5 files (40%)\nimport: 3/5 files (60%)\nimport: 4/5 files (80%)\nimport: 5/5 files (100%)\n');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('4 imported, 1 merged, 0 unchanged, 0 skipped, 0 failed; the archive holds 4 articles.');
    expect(imported.stdout).toContain(
      'merged    001_ed09494754fb5c4b.txt "Abu Kamal: Grasping Defeat from the Jaws of Victory" into "Abu Kamal: Grasping Defeat from the Jaws of Victory" (near duplicate, 100% similar)',
    );

    const valid = librarian('validate', '--archive', dir);
    expect(valid).toMatchObject({ code: 0, stdout: `archive: ${dir} is valid: 4 articles in 1 months.\n` });

    const stats = librarian('stats', '--json', '--archive', dir);
    expect(JSON.parse(stats.stdout)).toEqual({
      articleCount: 4,
      byMonth: { '2017-11': 4 },
      byCategory: { Blog: 1, 'Middle East': 1, Uncategorised: 2 },
      byOutlet: { 'Arab News': 1, 'Free West Media': 1, 'outlet not named': 1, 'PhotoNews Pakistan': 1, 'Syrian Civil War Map': 1 },
    });

    const out = path.join(dir, 'bundle');
    const built = librarian('build', '--archive', dir, '--out', out);
    expect(built.code).toBe(0);
    // The count is the manifest and every data file it lists (month files, listing files, and the
    // index's shards, dictionaries, documents and facets), and those are the files written.
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: unknown[] };
    expect(built.stdout).toMatch(new RegExp(`^Built edition [0-9a-f]{12}: 4 articles, ${manifest.files.length + 1} files`));
    expect(await readdir(out)).toHaveLength(manifest.files.length + 1);
  });

  it('exits 1 and names the file when a page has no date, importing the others', () => {
    const result = librarian('import', ...SEED_FILES, '--archive', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('failed    002_b474903eb213658c.txt: no publication date found (pass --date YYYY-MM-DD, or give "date" for this file in the --meta file)');
    expect(result.stdout).toContain('3 imported, 1 merged, 0 unchanged, 0 skipped, 1 failed');
  });

  it('exits 1 naming file, record and field when the archive is invalid', async () => {
    librarian('import', ...SEED_FILES, '--meta', SEEDS_META, '--archive', dir);
    const file = path.join(dir, 'articles/2017-11.json');
    const text = await readFile(file, 'utf8');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, text.replace('"category": "blog"', '"category": "sport"'));
    const result = librarian('validate', '--archive', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^archive: articles\/2017-11.json: article 1 \([0-9a-f]{16}\): category: must be null or a category declared in archive.json \(found "sport"\)\n$/);
  });

  it('warns, naming file, article and excerpt, about a body that shows Markdown, and still exits 0', async () => {
    librarian('import', ...SEED_FILES, '--meta', SEEDS_META, '--archive', dir);
    const file = path.join(dir, 'articles/2017-11.json');
    const month = JSON.parse(await readFile(file, 'utf8'));
    month.articles[0].body = month.articles[0].body.replace('</p>', ' See [the map](https://syriancivilwarmap.com/) for **details**.</p>');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, JSON.stringify(month, null, 2));
    const result = librarian('validate', '--archive', dir);
    expect(result.code).toBe(0);
    const [first, second] = result.stderr.trim().split('\n');
    expect(first).toMatch(new RegExp(`^warning: articles/2017-11.json: ${month.articles[0].id} ".+": Markdown link syntax "\\]\\(" shown as text: ….*See \\[the map\\]\\(https://syriancivilwarmap.com/\\)`));
    expect(second).toContain('Markdown emphasis "**…**" shown as text');
    expect(result.stdout).toBe(`archive: ${dir} is valid: 4 articles in 1 months; 2 warnings about article text.\n`);
  });

  it('exits 2 on a wrong command line', () => {
    expect(librarian('import', path.join(SEEDS_DIR, '000_35cf49cea3c99045.txt'), '--url-pattern', 'digital.gov/{slug}', '--archive', dir)).toMatchObject({
      code: 2,
      stderr: 'import: --url-pattern: "digital.gov/{slug}" is not an absolute http(s) address pattern such as https://example.org/{year}/{month}/{slug}/\n',
    });
    expect(librarian('import', '--archive', dir)).toMatchObject({ code: 2, stderr: 'import: name at least one source file\n' });
    expect(librarian('import', path.join(SEEDS_DIR, '000_35cf49cea3c99045.txt'), '--format', 'pdf', '--archive', dir)).toMatchObject({
      code: 2,
      stderr: 'import: unknown --format "pdf" (one of: text, html, feed, wxr, markdown, json)\n',
    });
  });
});

const FIXTURES = path.resolve('src/librarian/import/testing');
const MAP = 'title=title,date=date,body=body,url=url,category=category,tags=tags,outlet=outlet';

describe('the librarian CLI on records that once sank an import', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('imports the good lines of a JSON Lines file, names the broken one, and exits 1', async () => {
    const result = librarian('import', path.join(FIXTURES, 'broken-line.jsonl'), '--map', MAP, '--archive', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^failed {4}broken-line\.jsonl line 2: not valid JSON: \S/m);
    expect(result.stdout).toContain('2 imported, 0 merged, 0 unchanged, 0 skipped, 1 failed; the archive holds 2 articles.');
    expect(librarian('validate', '--archive', dir)).toMatchObject({ code: 0 });
  });

  it('exits 0 when nothing is refused: titles in five scripts, three wire stories with one title and a "___" category', () => {
    const result = librarian('import', path.join(FIXTURES, 'scripts.jsonl'), path.join(FIXTURES, 'wire-same-title.jsonl'), '--map', MAP, '--archive', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10 imported, 0 merged, 0 unchanged, 0 skipped, 0 failed; the archive holds 10 articles.');
  });

  it('fills in --date only where a record states no date or a placeholder, keeping the stated one', async () => {
    const result = librarian('import', path.join(FIXTURES, 'dates.jsonl'), '--map', MAP, '--date', '2019-03-09', '--archive', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dated     dates.jsonl line 3: 0001-01-01 is a placeholder, not a publication date; imported with the date given, 2019-03-09');
    const month = JSON.parse(await readFile(path.join(dir, 'articles/2019-03.json'), 'utf8')) as { articles: { title: string; date: string }[] };
    expect(month.articles.find((a) => a.title === 'Floods close the river road for a week')!.date).toBe('2019-03-04');
  });

  it('lists a merge with both titles, and does not merge look-alike posts', () => {
    const result = librarian('import', path.join(FIXTURES, 'cross-posted.jsonl'), path.join(FIXTURES, 'boilerplate-posts.jsonl'), '--map', MAP, '--archive', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^merged {4}cross-posted\.jsonl line 2 "Floods force families from homes in the lower town \| Regional Times" into "Floods force families from homes in the lower town" \(near duplicate, \d+% similar\)$/m,
    );
    expect(result.stdout).toContain('3 imported, 1 merged');
  });
});
