import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_BODY_SRC_PATTERN, MAX_BUNDLE_FILE_BYTES } from '../../core/format';
import { sanitizeArticleHtml } from '../import/sanitizeArticleHtml';
import { IMAGE_SIZES, ImageReport, keepArticleImages, type ArticleImageContext } from './keepArticleImages';
import { imageFixtures, removeTempDirs, serveFile, serveImages, tempDir } from './testing/imageFixtures';

afterEach(removeTempDirs);

let server: Awaited<ReturnType<typeof serveImages>>;
beforeAll(async () => {
  server = await serveImages({
    '/media/chart.png': serveFile(imageFixtures.chart, 'image/png'),
    '/media/icon.svg': serveFile(imageFixtures.iconSvg, 'image/svg+xml'),
  });
});
afterAll(() => server.close());

/** A Hugo site with a post, its image in `static/images/`, and an archive to keep images in. */
async function hugoSite() {
  const root = await tempDir();
  const site = path.join(root, 'site');
  await mkdir(path.join(site, 'content/posts'), { recursive: true });
  await mkdir(path.join(site, 'static/images'), { recursive: true });
  await copyFile(imageFixtures.photo, path.join(site, 'static/images/discovery-board.jpg'));
  const sourceFile = path.join(site, 'content/posts/board-arrives.md');
  await writeFile(sourceFile, '---\ntitle: The board arrives\n---\n![The board](/images/discovery-board.jpg)\n');
  return { sourceFile, archiveDir: path.join(root, 'archive') };
}

function context(sourceFile: string, archiveDir: string, overrides: Partial<ArticleImageContext> = {}): ArticleImageContext {
  return { articleUrl: 'https://blog.example.org/posts/board-arrives/', sourceFile, archiveDir, options: {}, report: new ImageReport(), ...overrides };
}

const srcsOf = (html: string) => [...html.matchAll(/ src="([^"]*)"/g)].map((m) => m[1]!);

describe('keepArticleImages', () => {
  it("finds a Hugo post's image in the site's static/ folder and writes the reader's figure", async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir);
    // As the sanitiser leaves it: the site path made absolute against the article's URL.
    const body = sanitizeArticleHtml('<p>It came today.</p><p><img src="/images/discovery-board.jpg" alt="The STM32F3 Discovery board"></p>', ctx.articleUrl);
    const kept = await keepArticleImages(body, ctx);
    const [large, small] = srcsOf(kept);
    expect(large).toMatch(IMAGE_BODY_SRC_PATTERN);
    expect(small).toBeUndefined();
    const smallName = /srcset="(images\/[0-9a-f]{16}\.webp) 480w/.exec(kept)?.[1];
    expect(kept).toBe(
      `<p>It came today.</p><figure><img src="${large}" srcset="${smallName} 480w, ${large} 1200w" sizes="${IMAGE_SIZES}" width="720" height="477" alt="The STM32F3 Discovery board" loading="lazy"></figure>`,
    );
    expect(ctx.report).toMatchObject({ kept: 1, unavailable: 0, filesWritten: 2, problems: [] });
    // Kept once is kept: the same body again comes back as it is.
    expect(await keepArticleImages(kept, ctx)).toBe(kept);
    expect(ctx.report.kept).toBe(1);
  });

  it('writes nothing on a dry run, and gives the body it would have written', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const body = '<p><img src="/images/discovery-board.jpg" alt="The board"></p>';
    const dry = await keepArticleImages(body, context(sourceFile, archiveDir, { articleUrl: null, options: { dryRun: true } }));
    await expect(readdir(path.join(archiveDir, 'images'))).rejects.toThrow(/ENOENT/);
    expect(await keepArticleImages(body, context(sourceFile, archiveDir, { articleUrl: null }))).toBe(dry);
  });

  it('finds a site-absolute address the sanitiser did not resolve (no article URL)', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir, { articleUrl: null });
    const kept = await keepArticleImages('<img src="/images/discovery-board.jpg" alt="The board">', ctx);
    expect(srcsOf(kept)[0]).toMatch(IMAGE_BODY_SRC_PATTERN);
  });

  it("finds a saved page's image in its _files folder, whatever server it came from", async () => {
    const dir = await tempDir();
    const sourceFile = path.join(dir, 'Board review - Example News.html');
    await writeFile(sourceFile, '<html></html>');
    await mkdir(path.join(dir, 'Board review - Example News_files'));
    await copyFile(imageFixtures.photo, path.join(dir, 'Board review - Example News_files/f3.jpg'));
    const ctx = context(sourceFile, path.join(dir, 'archive'), { articleUrl: 'https://news.example.com/2024/board-review' });
    const body = '<figure><a href="https://cdn.example.net/full/f3.jpg"><img src="https://cdn.example.net/thumbs/f3.jpg" alt="The board"></a><figcaption>The board, <em>unboxed</em>.</figcaption></figure>';
    const kept = await keepArticleImages(body, ctx);
    expect(kept).toMatch(/^<figure><img src="images\/[0-9a-f]{16}\.webp" srcset="[^"]+" sizes="[^"]+" width="720" height="477" alt="The board" loading="lazy"><figcaption>The board, <em>unboxed<\/em>\.<\/figcaption><\/figure>$/);
  });

  it('leaves a figure with alt text, caption and a link to the original where no copy can be had', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir);
    const body = '<figure><img src="https://photos.example.net/flood.jpg" alt="Water over the bridge"><figcaption>The bridge at noon</figcaption></figure>';
    expect(await keepArticleImages(body, ctx)).toBe(
      '<figure class="image-unavailable"><a href="https://photos.example.net/flood.jpg">Water over the bridge</a><figcaption>The bridge at noon</figcaption></figure>',
    );
    expect(ctx.report.problems).toEqual([
      {
        file: path.relative(process.cwd(), sourceFile),
        image: 'https://photos.example.net/flood.jpg',
        message: `images: ${path.relative(process.cwd(), sourceFile)}: https://photos.example.net/flood.jpg: not found in any local folder, and fetching is off (--fetch-images)`,
      },
    ]);
  });

  it("links to the article when the image's own address is unknown, and to nothing when neither is", async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    expect(await keepArticleImages('<p><img src="missing.png" alt="A map"></p>', context(sourceFile, archiveDir))).toBe(
      '<figure class="image-unavailable"><a href="https://blog.example.org/posts/board-arrives/missing.png">A map</a></figure>',
    );
    expect(await keepArticleImages('<p><img src="missing.png" alt="A map"></p>', context(sourceFile, archiveDir, { articleUrl: null }))).toBe(
      '<figure class="image-unavailable"><a>A map</a></figure>',
    );
  });

  it('never nests links: an image in a link to its full size becomes the figure, one inside text goes after the paragraph', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const body =
      '<p><a href="https://elsewhere.example/big.jpg"><img src="https://elsewhere.example/small.jpg" alt="A chart"></a></p>' +
      '<p>See <a href="https://elsewhere.example/"><img src="https://elsewhere.example/one.jpg" alt="one"> this</a> and <img src="https://elsewhere.example/two.jpg" alt="two">.</p>';
    expect(await keepArticleImages(body, context(sourceFile, archiveDir))).toBe(
      '<figure class="image-unavailable"><a href="https://elsewhere.example/small.jpg">A chart</a></figure>' +
        '<p>See <a href="https://elsewhere.example/"> this</a> and .</p>' +
        '<figure class="image-unavailable"><a href="https://elsewhere.example/one.jpg">one</a></figure>' +
        '<figure class="image-unavailable"><a href="https://elsewhere.example/two.jpg">two</a></figure>',
    );
  });

  it('fetches, resizes to 1,200 and 480 px, and stores an image shown twice once', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const report = new ImageReport();
    const ctx = context(sourceFile, archiveDir, { options: { fetchImages: true }, report });
    const body = `<p><img src="${server.base}/media/chart.png" alt="Benchmark results"></p>`;
    const first = await keepArticleImages(body, ctx);
    const second = await keepArticleImages(body, { ...ctx, sourceFile: path.join(path.dirname(sourceFile), 'other.md') });
    expect(second).toBe(first);
    expect(first).toContain('width="1200" height="1200"');
    expect(server.hits.get('/media/chart.png')).toBe(1);
    const files = await readdir(path.join(archiveDir, 'images'));
    expect(files).toHaveLength(2);
    const widths = await Promise.all(files.map(async (f) => (await sharp(path.join(archiveDir, 'images', f)).metadata()).width));
    expect(widths.sort()).toEqual([1200, 480]);
    for (const f of files) expect((await readFile(path.join(archiveDir, 'images', f))).byteLength).toBeLessThanOrEqual(MAX_BUNDLE_FILE_BYTES);
    expect(report).toMatchObject({ kept: 2, filesWritten: 2 });
  });

  it('names the article, the address and the problem for an image that cannot be fetched', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir, { options: { fetchImages: true, fetch: { retryDelayMs: 5 } } });
    const out = await keepArticleImages(`<img src="${server.base}/media/gone.jpg" alt="Gone">`, ctx);
    expect(out).toBe(`<figure class="image-unavailable"><a href="${server.base}/media/gone.jpg">Gone</a></figure>`);
    expect(ctx.report.problems[0]!.message).toBe(`images: ${path.relative(process.cwd(), sourceFile)}: ${server.base}/media/gone.jpg: the server answered 404 Not Found`);
  });

  it('keeps a fetched SVG as a WebP picture, never as SVG', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir, { options: { fetchImages: true } });
    const out = await keepArticleImages(`<img src="${server.base}/media/icon.svg" alt="The archive's icon">`, ctx);
    expect(out).toContain('width="512" height="512"');
    for (const f of await readdir(path.join(archiveDir, 'images'))) expect(f).toMatch(/\.webp$/);
  });

  it('gives output the sanitiser keeps as it is', async () => {
    const { sourceFile, archiveDir } = await hugoSite();
    const ctx = context(sourceFile, archiveDir);
    const body = sanitizeArticleHtml(
      '<figure><img src="/images/discovery-board.jpg" alt="The board"><figcaption>Unboxed</figcaption></figure><p><img src="https://x.example/a.png" alt="Gone &amp; lost"></p>',
      ctx.articleUrl,
    );
    const kept = await keepArticleImages(body, ctx);
    // sanitize-html writes void elements as `<img … />`; nothing else changes.
    expect(sanitizeArticleHtml(kept, ctx.articleUrl)).toBe(kept.replace(/(<img [^>]*)>/g, '$1 />'));
  });

  it('is an archive srcset only that the sanitiser lets through', () => {
    expect(sanitizeArticleHtml('<img src="https://x.example/a.jpg" srcset="https://tracker.example/a.jpg 480w" sizes="100vw" alt="A" loading="eager">', null)).toBe(
      '<img src="https://x.example/a.jpg" alt="A" />',
    );
    expect(sanitizeArticleHtml('<img src="images/../../etc.webp" alt="A">', null)).toBe('');
  });
});
