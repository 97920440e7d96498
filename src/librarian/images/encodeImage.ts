import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { writeFileAtomically } from '../atomicWrite';
import { IMAGE_LARGE_WIDTH, IMAGE_SMALL_WIDTH, IMAGES_DIR, MAX_BUNDLE_FILE_BYTES } from '../../core/format';

/** One WebP file of a kept image, as written to `archive/images/`. */
export interface EncodedImageFile {
  /** `<16 hex digits of the SHA-256 of the bytes>.webp` */
  name: string;
  width: number;
  height: number;
  bytes: number;
}

/** A kept image: the large file (at most 1,200 px wide) and, for a wider original, a 480 px one. */
export interface EncodedImage {
  large: EncodedImageFile;
  small?: EncodedImageFile;
}

/** Why an image could not be encoded; the message says it to the librarian. */
export class ImageEncodeError extends Error {}

/** WebP cannot hold a side longer than this. */
const WEBP_MAX_SIDE = 16_383;
const QUALITIES = [80, 70, 60, 50, 40];

/** File name of WebP bytes: the first 16 hex digits of their SHA-256. */
export function imageFileName(bytes: Uint8Array): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.webp`;
}

/** Decoded pixels, at most 1,200 px wide: decoded once, encoded at every size and quality from here. */
interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/**
 * The image decoded, turned the right way up (EXIF orientation, so that a phone photo stands up)
 * and made at most `width` px wide (never enlarged) and at most WebP's 16,383 px tall.
 * Animations keep their first frame only (sharp reads one page unless asked for more): an archive
 * page shows a still, and a still is a fraction of the bytes.
 */
async function decode(input: Buffer, width: number): Promise<Pixels> {
  const { data, info } = await sharp(input, { animated: false })
    .rotate()
    .resize({ width, height: WEBP_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * One WebP of `pixels` at most `width` px wide, at the highest quality of {@link QUALITIES}
 * that is at most `maxBytes`; past the lowest quality it shrinks by a fifth until it fits.
 */
async function encodeWebp(pixels: Pixels, width: number, maxBytes: number): Promise<{ data: Buffer; width: number; height: number }> {
  const { data: raw, ...rawInfo } = pixels;
  let targetWidth = Math.min(width, pixels.width);
  for (;;) {
    for (const quality of QUALITIES) {
      const { data, info } = await sharp(raw, { raw: rawInfo })
        .resize({ width: targetWidth, withoutEnlargement: true })
        .webp({ quality, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      if (data.byteLength <= maxBytes) return { data, width: info.width, height: info.height };
    }
    targetWidth = Math.floor(targetWidth * 0.8);
    if (targetWidth < 16) throw new ImageEncodeError(`could not be made smaller than ${maxBytes} bytes`);
  }
}

/** Writes `data` as `dir/name` unless it is there: a temporary sibling, flushed, then renamed. */
async function storeOnce(dir: string, name: string, data: Buffer): Promise<boolean> {
  const target = path.join(dir, name);
  if (await stat(target).then(() => true, () => false)) return false;
  await writeFileAtomically(target, data);
  return true;
}

export interface EncodeImageResult extends EncodedImage {
  /** How many of its files were new to `archive/images/`. */
  written: number;
}

/**
 * Re-encodes an image (JPEG, PNG, GIF, WebP, AVIF, TIFF, or SVG rasterised) as WebP for the
 * archive: a file at most 1,200 px wide and, when the original is wider than 480 px, a 480 px file
 * for phones, each at most 2 MiB, written into `<archiveDir>/images/` under the hash of its bytes
 * (a file already there is not written again; nothing is written when `write` is false, a dry
 * run). Throws {@link ImageEncodeError} for bytes that are not an image sharp can read.
 */
export async function encodeImage(input: Buffer, archiveDir: string, maxFileBytes = MAX_BUNDLE_FILE_BYTES, write = true): Promise<EncodeImageResult> {
  try {
    await sharp(input, { animated: false }).metadata();
  } catch (error) {
    throw new ImageEncodeError(`is not an image this librarian can read (${(error as Error).message})`);
  }
  const dir = path.join(archiveDir, IMAGES_DIR);
  if (write) await mkdir(dir, { recursive: true });
  let written = 0;
  let pixels: Pixels;
  try {
    pixels = await decode(input, IMAGE_LARGE_WIDTH);
  } catch (error) {
    throw new ImageEncodeError(`could not be decoded (${(error as Error).message})`);
  }
  const keep = async (maxWidth: number): Promise<EncodedImageFile> => {
    const encoded = await encodeWebp(pixels, maxWidth, maxFileBytes).catch((error: unknown) => {
      if (error instanceof ImageEncodeError) throw error;
      throw new ImageEncodeError(`could not be re-encoded (${(error as Error).message})`);
    });
    const name = imageFileName(encoded.data);
    if (write && (await storeOnce(dir, name, encoded.data))) written++;
    return { name, width: encoded.width, height: encoded.height, bytes: encoded.data.byteLength };
  };
  const large = await keep(IMAGE_LARGE_WIDTH);
  const small = pixels.width > IMAGE_SMALL_WIDTH ? await keep(IMAGE_SMALL_WIDTH) : undefined;
  return { large, ...(small && small.name !== large.name ? { small } : {}), written };
}
