/**
 * Images kept for offline reading: every `<img>` of a sanitised article body is found locally or
 * fetched, re-encoded as WebP into `archive/images/` (see `encodeImage.ts`), and the body is
 * rewritten to point at the archive's copy, or, where no copy can be had, to a figure that keeps
 * the alt text, the caption and a link to the original.
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { IMAGE_BODY_SRC_PATTERN, IMAGE_LARGE_WIDTH, IMAGE_SMALL_WIDTH, IMAGES_DIR } from '../../core/format';
import { encodeImage, type EncodedImage } from './encodeImage';
import { fetchImage, type FetchImageOptions } from './fetchImage';
import { localImageDirs, readLocalImage } from './localImageDirs';

/** The `sizes` of every kept image: the reader's text column is 42rem wide at most. */
export const IMAGE_SIZES = '(max-width: 42rem) 100vw, 42rem';

/**
 * How the librarian finds images, one field per CLI flag: `--fetch-images`, `--images DIR`
 * (repeatable), `--image-timeout SECONDS`, `--image-max-bytes N`.
 */
export interface ImageOptions {
  /** `--fetch-images`: download http(s) images not found locally. Off by default. */
  fetchImages?: boolean;
  /** `--images DIR`: further folders to look images up in (a site's `static/`, a media export). */
  localDirs?: readonly string[];
  /** `--image-timeout`: whole download of one image, in milliseconds; default 15,000. */
  timeoutMs?: number;
  /** `--image-max-bytes`: largest image downloaded; default 20,000,000. */
  maxBytes?: number;
  /** `--dry-run`: find, fetch and encode every image, but write nothing into the archive. */
  dryRun?: boolean;
  /** Tests only: retries and their delay, a fetch of their own. */
  fetch?: Omit<FetchImageOptions, 'timeoutMs' | 'maxBytes'>;
}

/** An image that could not be kept, said for the librarian. */
export interface ImageProblem {
  /** The article's source file, as the librarian named it. */
  file: string;
  /** The image's address as the body held it. */
  image: string;
  /** `images: <file>: <image>: <problem>` */
  message: string;
}

/**
 * What keeping images did over an import; one report is shared by every article of a run, so
 * that an image shown by several articles is read and encoded once.
 */
export class ImageReport {
  /** Images (an `<img>` each) now served from the archive. */
  kept = 0;
  /** Images left as a figure with a link to the original. */
  unavailable = 0;
  /** WebP files new to `archive/images/` (a file already there is not written again). */
  filesWritten = 0;
  problems: ImageProblem[] = [];
  /** Encoded images by where they came from (a file path or a URL), for this run. */
  readonly encoded = new Map<string, Promise<EncodedImage>>();

  /** One line for the CLI's summary. */
  summary(): string {
    return `images: ${this.kept} kept (${this.filesWritten} new files), ${this.unavailable} not available`;
  }
}

/** Where an article is, for its images: its source file, its original URL and the archive. */
export interface ArticleImageContext {
  /** The article's original address (the base of its relative links), if known. */
  articleUrl: string | null;
  /** The file the article was read from: its folder and `<name>_files/` are searched. */
  sourceFile: string;
  /** The archive root; images go into its `images/` folder. */
  archiveDir: string;
  options: ImageOptions;
  report: ImageReport;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The `<img>` of a kept image, exactly as the reader expects it (see ARCHITECTURE.md, Images). */
export function keptImageHtml(image: EncodedImage, alt: string): string {
  const src = `${IMAGES_DIR}/${image.large.name}`;
  const srcset = image.small ? ` srcset="${IMAGES_DIR}/${image.small.name} ${IMAGE_SMALL_WIDTH}w, ${src} ${IMAGE_LARGE_WIDTH}w" sizes="${IMAGE_SIZES}"` : '';
  return `<img src="${src}"${srcset} width="${image.large.width}" height="${image.large.height}" alt="${escapeAttr(alt)}" loading="lazy">`;
}

/** The link that stands for an image no copy could be had of. */
function unavailableLinkHtml(original: string | undefined, alt: string): string {
  const text = escapeText(alt.trim() || 'The original image');
  return original ? `<a href="${escapeAttr(original)}">${text}</a>` : `<a>${text}</a>`;
}

/** Elements an image may sit alone in and be lifted out of (Markdown's `<p><img></p>`, a link to the full size). */
const WRAPPERS = new Set(['P', 'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'SMALL']);
/** Elements a figure may not be put inside (phrasing content only), so it goes after them. */
const PHRASING_PARENTS = new Set(['P', 'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'SMALL', 'U', 'S', 'SUB', 'SUP', 'MARK', 'Q', 'CITE', 'ABBR', 'TIME', 'CODE', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'FIGCAPTION', 'DT']);

const isBlank = (node: ChildNode) => node.nodeType === 3 && !(node.textContent ?? '').trim();

/** The image's absolute http(s) address, if it has one. */
function absoluteHttpUrl(src: string, articleUrl: string | null): string | undefined {
  try {
    const url = articleUrl ? new URL(src, articleUrl) : new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Finds, reads and encodes one image (once per run); throws a message for the librarian. */
async function encodeFromSource(src: string, ctx: ArticleImageContext, dirs: Awaited<ReturnType<typeof localImageDirs>>): Promise<EncodedImage> {
  const local = await readLocalImage(src, dirs, ctx.articleUrl);
  const remote = absoluteHttpUrl(src, ctx.articleUrl);
  const key = local?.file ?? remote ?? src;
  let pending = ctx.report.encoded.get(key);
  if (!pending) {
    pending = (async () => {
      let bytes = local?.bytes;
      if (!bytes) {
        if (!remote) throw new Error('not found in any local folder (add one with --images DIR)');
        if (!ctx.options.fetchImages) throw new Error('not found in any local folder, and fetching is off (--fetch-images)');
        bytes = await fetchImage(remote, { ...ctx.options.fetch, timeoutMs: ctx.options.timeoutMs, maxBytes: ctx.options.maxBytes });
      }
      const encoded = await encodeImage(bytes, ctx.archiveDir, undefined, !ctx.options.dryRun);
      ctx.report.filesWritten += encoded.written;
      return { large: encoded.large, ...(encoded.small ? { small: encoded.small } : {}) };
    })();
    ctx.report.encoded.set(key, pending);
  }
  return pending;
}

/**
 * Keeps the images of one sanitised article body for offline reading and returns the body
 * rewritten. Each `<img>` becomes, in a `<figure>` (its own, or a new one replacing a paragraph
 * or link that held only the image; an image inside text goes right after that paragraph):
 * - kept: `<img src="images/NAME.webp" srcset="images/SMALL.webp 480w, images/NAME.webp 1200w"
 *   sizes="…" width height alt loading="lazy">` (no srcset when there is one size), the caption kept;
 * - not kept: `<figure class="image-unavailable"><a href="ORIGINAL">ALT</a><figcaption>…`, ORIGINAL
 *   being the image's http(s) address, else the article's, else no href.
 * An image is looked up locally first (see `localImageDirs`), then fetched if `fetchImages`. A
 * failure never throws: it is counted and explained in `ctx.report.problems`. A body already
 * kept comes back unchanged.
 */
export async function keepArticleImages(bodyHtml: string, ctx: ArticleImageContext): Promise<string> {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${bodyHtml}</body></html>`);
  // An image already kept (a body kept before, imported again) stays as it is.
  const images = [...document.body.querySelectorAll('img')].filter((img) => !IMAGE_BODY_SRC_PATTERN.test(img.getAttribute('src') ?? ''));
  if (images.length === 0) return bodyHtml;
  const dirs = await localImageDirs(ctx.sourceFile, ctx.options.localDirs ?? []);
  const fileName = path.relative(process.cwd(), path.resolve(ctx.sourceFile)) || ctx.sourceFile;

  const placedAfter = new Map<Element, Element>();
  for (const img of images) {
    const src = img.getAttribute('src') ?? '';
    const alt = img.getAttribute('alt') ?? '';
    let inner: string;
    let kept = false;
    try {
      if (!src) throw new Error('has no address');
      inner = keptImageHtml(await encodeFromSource(src, ctx, dirs), alt);
      kept = true;
      ctx.report.kept++;
    } catch (error) {
      ctx.report.unavailable++;
      const problem = (error as Error).message;
      ctx.report.problems.push({ file: fileName, image: src, message: `images: ${fileName}: ${src || '(no src)'}: ${problem}` });
      inner = unavailableLinkHtml(absoluteHttpUrl(src, ctx.articleUrl) ?? ctx.articleUrl ?? undefined, alt);
    }

    // Lift the image out of wrappers that hold nothing else (the link to a full size goes: the
    // figure must not sit in a link, nor a link in a link).
    let node: Element = img;
    while (node.parentElement && node.parentElement !== document.body && WRAPPERS.has(node.parentElement.tagName) && [...node.parentElement.childNodes].every((c) => c === node || isBlank(c))) {
      node = node.parentElement;
    }
    const figure = node.parentElement?.tagName === 'FIGURE' && node.parentElement.querySelectorAll('img').length === 1 ? node.parentElement : undefined;
    const template = document.createElement('template');
    if (figure) {
      template.innerHTML = inner;
      node.replaceWith(template.content);
      if (kept) figure.removeAttribute('class');
      else figure.setAttribute('class', 'image-unavailable');
      continue;
    }
    template.innerHTML = `<figure${kept ? '' : ' class="image-unavailable"'}>${inner}</figure>`;
    // A figure cannot stand inside a paragraph or a link: it goes after the outermost one.
    let outer: Element | undefined;
    for (let parent = node.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (PHRASING_PARENTS.has(parent.tagName)) outer = parent;
    }
    if (outer) {
      // After the figures already put after it, so that several images keep their order.
      const anchor = placedAfter.get(outer) ?? outer;
      const placed = template.content.firstElementChild!;
      node.remove();
      anchor.after(placed);
      placedAfter.set(outer, placed);
    } else {
      node.replaceWith(template.content);
    }
  }
  return document.body.innerHTML;
}
