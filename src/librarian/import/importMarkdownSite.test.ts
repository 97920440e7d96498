import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFidelityProblems } from '../../core/bodyFidelity';
import { readArchive } from '../archive/readArchive';
import { readShortcodeRules } from '../markdown/readShortcodeRules';
import { CORPORA_DIR, tempArchive } from '../testing/tempArchive';
import { importSources } from './importSources';
import { parseUrlPattern } from './urlPattern';

const NEWS = path.join(CORPORA_DIR, 'digitalgov-news/content/news');
const FILES = ['2013/03/2013-03-12-how-to-get-started-with-apis.md', '2013/04/2013-04-30-apis-in-government.md', '2013/11/2013-11-27-surviving-thanksgiving-with-your-smartphone.md'].map((f) =>
  path.join(NEWS, f),
);
const PATTERNS = [parseUrlPattern('https://digital.gov/{year}/{month}/{day}/{slug}/'), parseUrlPattern('https://www.digitalgov.gov/{year}/{month}/{day}/{slug}/')];

describe.skipIf(!existsSync(NEWS))(`importSources on DigitalGov Markdown with the site's address pattern (skipped when ${NEWS} is absent)`, () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('gives each article its original address, keeps its pictures as figures and turns links between them into reader links', async () => {
    const shortcodes = await readShortcodeRules('archive/sources/digitalgov-shortcodes.json');
    const report = await importSources({ archiveDir: dir, files: FILES, overrides: { outlet: 'Digital.gov' }, urlPatterns: PATTERNS, shortcodes });
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(3);
    const articles = (await readArchive(dir)).months.flatMap((m) => m.articles);
    const bySlug = new Map(articles.map((a) => [a.slug, a]));
    expect(bySlug.get('surviving-thanksgiving-with-your-smartphone')!.sources).toEqual([
      { outlet: 'Digital.gov', url: 'https://digital.gov/2013/11/27/surviving-thanksgiving-with-your-smartphone/' },
    ]);
    // The corpus holds no image files and fetching is off: the figure links to the original picture.
    expect(bySlug.get('surviving-thanksgiving-with-your-smartphone')!.body).toContain(
      '<figure class="image-unavailable"><a href="https://s3.amazonaws.com/digitalgov/_legacy-img/2013/11/turkey.jpeg">Photo of a turkey</a></figure>',
    );
    expect(report.images.unavailable).toBeGreaterThan(0);
    const apis = bySlug.get('apis-in-government')!;
    expect(apis.body).toContain('<a href="/articles/2013/03/how-to-get-started-with-apis#audit">auditing APIs</a>');
    expect(apis.body).not.toContain('href="https://digital.gov/2013/03/12/how-to-get-started-with-apis');
    expect(bySlug.get('how-to-get-started-with-apis')!.body).toContain('<h2 id="audit">');
    expect(report.linksRewritten).toBeGreaterThanOrEqual(3);
    for (const a of articles) expect(findFidelityProblems(a.body), a.slug).toEqual([]);

    // The same files again: nothing to do.
    const again = await importSources({ archiveDir: dir, files: FILES, overrides: { outlet: 'Digital.gov' }, urlPatterns: PATTERNS, shortcodes });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
  });
});
