import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const isDirectory = (dir: string) => stat(dir).then((s) => s.isDirectory(), () => false);
const isFile = (file: string) => stat(file).then((s) => s.isFile(), () => false);

/** A folder images may be found in, and how an address maps into it. */
export interface LocalImageDir {
  dir: string;
  /**
   * `path`: the address's path (`/images/x.png`, `x.png` from the article's folder) under `dir`;
   * `name`: only the file name, as a saved page's `<name>_files/` folder holds every image of the
   * page flat, whatever server it came from.
   */
  match: 'path' | 'name';
}

/**
 * The folders an article's images may be in locally: the source file's own folder (a Hugo page
 * bundle, images beside the Markdown), a saved page's `<name>_files/` folder, the `static/` and
 * `assets/` folders of the Hugo site the file is in (the nearest ancestor with a `content/`
 * folder), then the folders the librarian names (`--images DIR`).
 */
export async function localImageDirs(sourceFile: string, extraDirs: readonly string[]): Promise<LocalImageDir[]> {
  const file = path.resolve(sourceFile);
  const own = path.dirname(file);
  const dirs: LocalImageDir[] = [{ dir: own, match: 'path' }];
  const savedPageFiles = path.join(own, `${path.basename(file, path.extname(file))}_files`);
  if (await isDirectory(savedPageFiles)) dirs.push({ dir: savedPageFiles, match: 'name' });
  for (let dir = own; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'content' || (await isDirectory(path.join(dir, 'content')))) {
      const site = path.basename(dir) === 'content' ? path.dirname(dir) : dir;
      for (const sub of ['static', 'assets']) if (await isDirectory(path.join(site, sub))) dirs.push({ dir: path.join(site, sub), match: 'path' });
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  for (const extra of extraDirs) dirs.push({ dir: path.resolve(extra), match: 'path' });
  return dirs;
}

/**
 * The bytes of the first local file an image address names, or undefined. `address` is the
 * `src` as the body holds it: relative (`pic.jpg`, `page_files/pic.jpg`), site-absolute
 * (`/images/pic.jpg`), or absolute http(s), whose path is looked up too when it is on the
 * article's own site (the sanitiser made every address absolute against the article's URL).
 * A path never leaves its folder (`..` is refused).
 */
export async function readLocalImage(address: string, dirs: readonly LocalImageDir[], articleUrl: string | null): Promise<{ file: string; bytes: Buffer } | undefined> {
  let pathname: string;
  let sameSite = true;
  let relative = false;
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    pathname = url.pathname;
    sameSite = articleUrl !== null && new URL(articleUrl).host === url.host;
    if (sameSite && articleUrl !== null) {
      // An image beside the article on its site is beside the source file here (a page bundle).
      const articleDir = new URL('.', articleUrl).pathname;
      if (pathname.startsWith(articleDir)) {
        const beside = safeDecode(pathname.slice(articleDir.length));
        const found = beside === undefined ? undefined : await readInside(dirs[0]!.dir, beside);
        if (found) return found;
      }
    }
  } catch {
    pathname = address.split(/[?#]/)[0] ?? '';
    relative = !pathname.startsWith('/');
  }
  const decoded = safeDecode(pathname);
  if (decoded === undefined) return undefined;
  for (const [i, { dir, match }] of dirs.entries()) {
    if (match === 'name') {
      const found = await readInside(dir, path.posix.basename(decoded));
      if (found) return found;
    } else if (sameSite && (relative || i > 0)) {
      // A relative address is looked up from every folder; a site path only from the site's
      // folders (static/, assets/, --images), not from the article's own folder.
      const found = await readInside(dir, decoded);
      if (found) return found;
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function readInside(dir: string, relativePath: string): Promise<{ file: string; bytes: Buffer } | undefined> {
  const file = path.resolve(dir, `.${path.posix.sep}${relativePath.replace(/^\/+/, '')}`);
  if (path.relative(dir, file).startsWith('..') || !(await isFile(file))) return undefined;
  return { file, bytes: await readFile(file) };
}
