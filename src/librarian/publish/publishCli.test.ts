// Each test starts the CLI (tsx) a few times: seconds each on a loaded machine, hence the long time limits.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLibrarian } from '../testing/runLibrarian';
import { buildThreeEditions, type SiteBuild, siteBuildsPossible } from './testing/siteBuilds';

describe.skipIf(!siteBuildsPossible)('librarian publish', () => {
  let editions: SiteBuild[];
  let cleanup = async () => {};
  let to = '';
  beforeAll(async () => {
    ({ editions, cleanup } = await buildThreeEditions());
    to = path.join(await mkdtemp(path.join(os.tmpdir(), 'publish-cli-')), 'www');
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await rm(path.dirname(to), { recursive: true, force: true });
  });

  it('publishes two editions and says what it wrote and what it keeps', async () => {
    const [one, two] = editions as [SiteBuild, SiteBuild];
    const first = await runLibrarian('publish', '--from', one.dir, '--to', to);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(`^Published edition ${one.manifest.edition} \\(4 articles; build [0-9a-f]{12}\\) to ${to}: ${one.files.length} files written, 0 already there, 0 of older editions removed\\.\\n$`),
    );
    const second = await runLibrarian('publish', '--from', two.dir, '--to', to);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^Published edition ${two.manifest.edition} \\(${two.manifest.articleCount} articles; build [0-9a-f]{12}\\) to ${to}: \\d+ files written, \\d+ already there, 0 of older editions removed\\.\\n`));
    expect(second.stdout).toMatch(new RegExp(`\\nThe files of edition ${one.manifest.edition} \\(published \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\) stay until the next publish, for devices still saving it\\.\\n$`));
  }, 180_000);

  it('refuses an incomplete build (exit 1) and a command line without --to (exit 2)', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'publish-empty-'));
    expect(await runLibrarian('publish', '--from', empty, '--to', to)).toEqual({ code: 1, stdout: '', stderr: `publish: ${empty} is not a complete build: no index.html (run npm run build)\n` });
    await rm(empty, { recursive: true });
    const usage = await runLibrarian('publish', '--from', editions[0]!.dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('publish: give the folder to publish into with --to DIR');
  }, 180_000);
});
