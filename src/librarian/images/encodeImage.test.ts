import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGE_FILE_PATTERN, MAX_BUNDLE_FILE_BYTES } from '../../core/format';
import { encodeImage, ImageEncodeError } from './encodeImage';
import { imageFixtures, removeTempDirs, tempDir } from './testing/imageFixtures';

afterEach(removeTempDirs);

async function storedFiles(archiveDir: string) {
  const dir = path.join(archiveDir, 'images');
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name));
      const meta = await sharp(bytes).metadata();
      return { name, bytes: bytes.byteLength, format: meta.format, width: meta.width, height: meta.height };
    }),
  );
}

describe('encodeImage', () => {
  it('keeps a chart wider than 1,200 px as WebP files 1,200 and 480 px wide, named by their hash', async () => {
    const archive = await tempDir();
    const result = await encodeImage(await readFile(imageFixtures.chart), archive);
    expect(result.large).toMatchObject({ width: 1200, height: 1200 });
    expect(result.small).toMatchObject({ width: 480, height: 480 });
    expect(result.written).toBe(2);
    const files = await storedFiles(archive);
    expect(files.map((f) => f.format)).toEqual(['webp', 'webp']);
    expect(files.map((f) => f.width).sort()).toEqual([1200, 480]);
    for (const file of files) {
      expect(file.name).toMatch(IMAGE_FILE_PATTERN);
      expect(file.bytes).toBeLessThanOrEqual(MAX_BUNDLE_FILE_BYTES);
    }
  });

  it('keeps a photo narrower than 1,200 px at its own width, plus 480 px for phones', async () => {
    const archive = await tempDir();
    const result = await encodeImage(await readFile(imageFixtures.photo), archive);
    expect(result.large).toMatchObject({ width: 720, height: 477 });
    expect(result.small).toMatchObject({ width: 480, height: 318 });
  });

  it('keeps one size of an image narrower than 480 px', async () => {
    const archive = await tempDir();
    const result = await encodeImage(await readFile(imageFixtures.icon), archive);
    expect(result.large).toMatchObject({ width: 192, height: 192 });
    expect(result.small).toBeUndefined();
    const logo = await encodeImage(await readFile(imageFixtures.logo), archive);
    expect(logo.large).toMatchObject({ width: 180, height: 68 });
    expect((await storedFiles(archive)).map((f) => f.format)).toEqual(['webp', 'webp']);
  });

  it('lowers the quality, then the size, until every file is within the limit', async () => {
    const archive = await tempDir();
    const limit = 12_000;
    const result = await encodeImage(await readFile(imageFixtures.chart), archive, limit);
    for (const file of await storedFiles(archive)) expect(file.bytes).toBeLessThanOrEqual(limit);
    expect(result.large.bytes).toBeLessThanOrEqual(limit);
  });

  it('writes an image already in the archive no second time', async () => {
    const archive = await tempDir();
    const bytes = await readFile(imageFixtures.photo);
    const first = await encodeImage(bytes, archive);
    const before = await stat(path.join(archive, 'images', first.large.name));
    const second = await encodeImage(bytes, archive);
    expect(second).toEqual({ ...first, written: 0 });
    expect((await stat(path.join(archive, 'images', first.large.name))).mtimeMs).toBe(before.mtimeMs);
    expect(await storedFiles(archive)).toHaveLength(2);
  });

  it('rasterises an SVG, so that no script it carries is ever stored', async () => {
    const archive = await tempDir();
    const svg = (await readFile(imageFixtures.iconSvg, 'utf8')).replace('</svg>', '<script>alert(document.cookie)</script></svg>');
    const result = await encodeImage(Buffer.from(svg), archive);
    expect(result.large).toMatchObject({ width: 512, height: 512 });
    for (const name of await readdir(path.join(archive, 'images'))) {
      const stored = await readFile(path.join(archive, 'images', name));
      expect(stored.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(stored.includes('script')).toBe(false);
    }
  });

  it('keeps the first frame of an animated GIF', async (test) => {
    if (!existsSync(imageFixtures.animatedGif)) test.skip();
    const archive = await tempDir();
    const result = await encodeImage(await readFile(imageFixtures.animatedGif), archive);
    const stored = await sharp(path.join(archive, 'images', result.large.name)).metadata();
    expect(stored.pages ?? 1).toBe(1);
    expect(result.large).toMatchObject({ width: 640, height: 421 });
  });

  it('refuses bytes that are not an image', async () => {
    const archive = await tempDir();
    const error = await encodeImage(Buffer.from('<!doctype html><title>Not found</title>'), archive).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageEncodeError);
    expect((error as Error).message).toMatch(/^is not an image this librarian can read \(/);
  });
});
