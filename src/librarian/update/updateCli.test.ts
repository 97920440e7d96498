// Each test starts the CLI (tsx) a few times: seconds each on a loaded machine, hence the long time limits.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLibrarian } from '../testing/runLibrarian';
import { SEEDS_DIR, SEEDS_META, seedsPresent, tempArchive } from '../testing/tempArchive';
import { type SourceServer, sourceServerPossible, startSourceServer } from './testing/sourceServer';

describe.skipIf(!sourceServerPossible || !seedsPresent)('librarian update', () => {
  let server: SourceServer;
  let archive: { dir: string; cleanup: () => Promise<void> };
  const sourcesFile = async (sources: unknown[]) => {
    const file = path.join(archive.dir, 'SOURCES.json');
    await writeFile(file, JSON.stringify({ contact: 'librarian@example.org', retries: 1, sources }));
    return file;
  };
  beforeAll(async () => {
    server = await startSourceServer();
    archive = await tempArchive();
  });
  afterAll(async () => {
    await server.close();
    await archive.cleanup();
  });

  it('prints what changed per source, exits 1 naming the source that failed, having imported the others; then 0 with 304s', async () => {
    const seeds = { name: 'Seed pages', path: SEEDS_DIR, format: 'text', meta: SEEDS_META };
    const guardian = { name: 'Guardian', feed: `${server.base}/feeds/guardian.rss` };
    const file = await sourcesFile([guardian, { name: 'Down', feed: `${server.base}/down` }, seeds]);
    const first = await runLibrarian('update', file, '--archive', archive.dir);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(new RegExp(`^updated   Guardian \\(feed ${server.base}/feeds/guardian\\.rss\\): \\d+ new\\n  new     \\d{4}-\\d{2}  \\S`));
    expect(first.stdout).toContain(`updated   Seed pages (path ${SEEDS_DIR}): 4 new, 1 merged into articles already there\n  new     2017-11  `);
    expect(first.stderr).toBe(`failed    Down (feed ${server.base}/down): the server answered 500 Internal Server Error (after 2 attempts)\n`);
    const summary = /\n(\d+) updated, (\d+) unchanged, (\d+) failed; (\d+) new articles; the archive holds (\d+) articles\.\n$/.exec(first.stdout);
    expect(summary?.slice(1, 4)).toEqual(['2', '0', '1']);
    expect(summary![4]).toBe(summary![5]);

    const second = await runLibrarian('update', await sourcesFile([guardian, seeds]), '--archive', archive.dir);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe(
      `unchanged Guardian (feed ${server.base}/feeds/guardian.rss): not modified (304)\n` +
        `unchanged Seed pages (path ${SEEDS_DIR}): no file changed since the last update\n\n` +
        `0 updated, 2 unchanged, 0 failed; 0 new articles; the archive holds ${summary![5]} articles.\n`,
    );
  }, 180_000);

  it('refuses a sources file naming the entry (exit 1), and a command line without one (exit 2)', async () => {
    const file = await sourcesFile([{ name: 'Bad', feed: 'feed.xml' }]);
    expect(await runLibrarian('update', file, '--archive', archive.dir)).toEqual({ code: 1, stdout: '', stderr: `${file}: sources[0] ("Bad"): "feed": "feed.xml" is not an http(s) URL\n` });
    const usage = await runLibrarian('update', '--archive', archive.dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('update: name one sources file (SOURCES.json)');
  }, 180_000);
});
