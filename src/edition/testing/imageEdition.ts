import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { BundleFile, BundleManifest } from '../../core/format';

/**
 * Two real article images as the librarian keeps them (WebP named by the SHA-256 of their bytes):
 * the image fixtures' photo at 480 px and the chart at 480 px (see
 * `src/librarian/images/testing/FIXTURES.md`).
 */
export async function fixtureImages(): Promise<Map<string, Uint8Array>> {
  const dir = path.resolve('src/librarian/images/testing');
  const images = new Map<string, Uint8Array>();
  for (const file of ['discovery-board.jpg', 'scatter-plot.png']) {
    const bytes = new Uint8Array(await sharp(await readFile(path.join(dir, file))).resize({ width: 480 }).webp({ quality: 70 }).toBuffer());
    images.set(`images/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.webp`, bytes);
  }
  return images;
}

/** `manifest` with `images` added to its files, as the builder lists them (after the text). */
export function withImages(manifest: BundleManifest, images: ReadonlyMap<string, Uint8Array>): BundleManifest {
  const files: BundleFile[] = [...images].map(([name, bytes]) => ({ name, bytes: bytes.byteLength, kind: 'image' }));
  return { ...manifest, files: [...manifest.files, ...files] };
}
