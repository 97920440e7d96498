/**
 * `librarian update SOURCES.json`: fetches every source SOURCES.json lists and imports what is
 * new through the import pipeline (its dedupe says what is already there), one source after the
 * other, each import written atomically, so the archive is whole after any source (and after an
 * interruption). What servers said (ETag, Last-Modified, a hash of the body) and the files of a
 * folder are remembered in the archive's folder only once a source imported whole, so a source
 * that failed is fetched whole again next time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { slugify } from '../../core/slugify';
import { readArchive } from '../archive/readArchive';
import { type ImportOptions, type ImportReport, importSources } from '../import/importSources';
import { canonicalUrl } from '../import/normalise';
import { expandSourcePaths } from '../import/readSourceFile';
import { SourceError } from '../import/SourceArticle';
import { type FetchedSource, fetchSource, type FetchSourceOptions } from './fetchSource';
import { readSitemap } from './readSitemap';
import type { SourcesFile, UpdateSource } from './sourcesFile';
import { readUpdateState, type UpdateState, writeUpdateState } from './updateState';

/** What happened to one source. */
export interface SourceOutcome {
  source: UpdateSource;
  /** `failed` when anything of it failed, even if the rest was imported. */
  status: 'updated' | 'unchanged' | 'failed';
  /** Why it is unchanged (`304 Not Modified`…), or what a sitemap held. */
  note: string | null;
  imported: { title: string; month: string }[];
  /** Records merged into articles already in the archive (a new address or outlet for one). */
  merged: number;
  /** Records already in the archive as they are. */
  alreadyThere: number;
  skipped: number;
  /** Each failure with what failed (the source, a page, a record) and why. */
  failures: string[];
  /** A permanent redirect from the address SOURCES.json gives. */
  movedTo: string | null;
}

export interface UpdateReport {
  outcomes: SourceOutcome[];
  articleCount: number;
}

export interface UpdateOptions {
  sources: SourcesFile;
  archiveDir: string;
  /** For tests: the HTTP client, the sleep between retries, and its base delay. */
  http?: Pick<FetchSourceOptions, 'fetch' | 'sleep' | 'retryDelayMs' | 'maxRetryAfterMs'>;
  now?: () => Date;
  onSource?: (outcome: SourceOutcome) => void;
}

/** The User-Agent of every request: the tool, its version, and where to reach whoever runs it. */
export function updateUserAgent(contact: string): string {
  const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `offline-news-archive-librarian/${version} (+${contact}; daily update of an offline news archive)`;
}

/** Child sitemaps of a sitemap index read at most. */
const MAX_CHILD_SITEMAPS = 50;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A fingerprint of a source folder's (or file's) files and its notes file: names, sizes and modification times. */
async function pathFingerprint(locations: string[]): Promise<string> {
  const files = await expandSourcePaths(locations);
  const lines = await Promise.all(files.map(async (f) => `${f}\0${(await stat(f)).size}\0${(await stat(f)).mtimeMs}`));
  return sha256(lines.join('\n'));
}

/** Newest first by `<lastmod>` (pages without one after, in document order). */
function byLastmod(a: { lastmod: string | null }, b: { lastmod: string | null }): number {
  return (b.lastmod ?? '').localeCompare(a.lastmod ?? '');
}

/** Adds what an import did to the outcome; `names` turns a temporary file's name back into the address it came from. */
function absorb(outcome: SourceOutcome, report: ImportReport, names: Map<string, string>): void {
  const named = (file: string) => {
    const [first, ...rest] = file.split(' ');
    return [names.get(first!) ?? first, ...rest].join(' ');
  };
  outcome.imported.push(...report.imported.map((a) => ({ title: a.title, month: a.month })));
  outcome.merged += report.merged.length;
  outcome.alreadyThere += report.unchanged.length;
  outcome.skipped += report.skipped.length;
  outcome.failures.push(...report.failed.map((f) => `${named(f.file)}: ${f.reason}`));
}

/** Fetches and imports every source (see the header comment). */
export async function runUpdate(options: UpdateOptions): Promise<UpdateReport> {
  const { archiveDir, sources } = options;
  // An archive that does not validate is named before anything is fetched.
  let articleCount = (await readArchive(archiveDir)).months.reduce((n, m) => n + m.articles.length, 0);
  const state = await readUpdateState(archiveDir);
  const userAgent = updateUserAgent(sources.contact);
  const work = await mkdtemp(path.join(os.tmpdir(), 'librarian-update-'));
  const outcomes: SourceOutcome[] = [];
  try {
    for (const [i, source] of sources.sources.entries()) {
      const outcome: SourceOutcome = { source, status: 'unchanged', note: null, imported: [], merged: 0, alreadyThere: 0, skipped: 0, failures: [], movedTo: null };
      const dir = path.join(work, String(i));
      await mkdir(dir);
      const http = (url: string, validators?: FetchSourceOptions['validators']): Promise<FetchedSource> =>
        fetchSource(url, { ...options.http, userAgent, timeoutMs: source.timeoutMs, maxBytes: source.maxBytes, retries: sources.retries, validators, accept: source.kind === 'page' ? 'text/html,*/*;q=0.8' : '*/*' });
      const importFiles = async (files: string[], extra: Partial<ImportOptions> = {}, names = new Map<string, string>()) => {
        const report = await importSources({
          archiveDir,
          files,
          format: source.format,
          mapping: source.mapping,
          urlPatterns: source.urlPatterns,
          overrides: { outlet: source.outlet, category: source.category, author: source.author },
          ...extra,
        });
        absorb(outcome, report, names);
        articleCount = report.articleCount;
      };
      const checkedAt = (options.now?.() ?? new Date()).toISOString();
      try {
        await updateSource();
      } catch (error) {
        const message = error instanceof SourceError ? error.message : (error as Error).message;
        outcome.failures.push(message);
      }
      if (outcome.failures.length > 0) outcome.status = 'failed';
      else if (outcome.imported.length + outcome.merged > 0) outcome.status = 'updated';
      outcomes.push(outcome);
      options.onSource?.(outcome);

      async function updateSource(): Promise<void> {
        const remember = async (key: string, value: UpdateState['urls'][string] | string) => {
          if (outcome.failures.length > 0) return;
          if (typeof value === 'string') state.paths[key] = value;
          else state.urls[key] = value;
          await writeUpdateState(archiveDir, state);
        };
        const fileName = slugify(source.name, 60) || `source-${i + 1}`;
        if (source.kind === 'path') {
          const found = await stat(source.location).catch(() => null);
          if (!found) throw new Error(`${source.location}: no such file or folder`);
          const fingerprint = await pathFingerprint(source.meta ? [source.location, source.meta] : [source.location]);
          if (state.paths[source.location] === fingerprint) {
            outcome.note = 'no file changed since the last update';
            return;
          }
          await importFiles([source.location], { metaFile: source.meta });
          return remember(source.location, fingerprint);
        }
        const known = state.urls[source.location];
        const got = await http(source.location, known);
        outcome.movedTo = got.movedTo;
        if (got.status === 'not-modified') {
          outcome.note = 'not modified (304)';
          return remember(source.location, { ...known, checkedAt });
        }
        const hash = sha256(got.body);
        if (known?.sha256 === hash) {
          outcome.note = 'the same content as last time';
          return remember(source.location, { ...got.validators, sha256: hash, checkedAt });
        }
        if (source.kind === 'feed' || source.kind === 'page') {
          const file = path.join(dir, `${fileName}.${source.kind === 'page' ? 'html' : source.mapping ? 'json' : 'xml'}`);
          await writeFile(file, got.body);
          await importFiles([file], source.kind === 'page' ? { overrides: { outlet: source.outlet, category: source.category, author: source.author, url: got.url } } : {});
          return remember(source.location, { ...got.validators, sha256: hash, checkedAt });
        }
        // A sitemap: the pages it lists that the archive does not have yet, newest first.
        const sitemap = readSitemap(got.body, `${fileName}.xml`);
        let pages = sitemap.entries;
        if (sitemap.kind === 'sitemaps') {
          pages = [];
          for (const child of sitemap.entries.slice(0, MAX_CHILD_SITEMAPS)) {
            try {
              const answer = await http(child.url);
              if (answer.status === 'fetched') pages.push(...readSitemap(answer.body, child.url).entries);
            } catch (error) {
              outcome.failures.push(`${child.url}: ${(error as Error).message}`);
            }
          }
        }
        const archive = await readArchive(archiveDir);
        const inArchive = new Set(archive.months.flatMap((m) => m.articles.flatMap((a) => a.sources.flatMap((s) => (s.url ? [canonicalUrl(s.url)] : [])))));
        const seen = new Set<string>();
        const fresh = pages
          .filter((p) => !source.include || source.include.test(p.url))
          .filter((p) => {
            const key = canonicalUrl(p.url);
            if (inArchive.has(key) || seen.has(key)) return false;
            seen.add(key);
            return true;
          })
          .sort(byLastmod);
        const chosen = fresh.slice(0, source.maxPages);
        outcome.note = `${fresh.length} ${fresh.length === 1 ? 'page' : 'pages'} not yet in the archive${fresh.length > chosen.length ? `, ${chosen.length} fetched now and the rest on the next runs (maxPages)` : ''}`;
        const names = new Map<string, string>();
        const notes: Record<string, { url: string }> = {};
        for (const [n, page] of chosen.entries()) {
          try {
            const answer = await http(page.url);
            if (answer.status !== 'fetched') continue;
            const name = `page-${n + 1}.html`;
            await writeFile(path.join(dir, name), answer.body);
            names.set(name, page.url);
            notes[name] = { url: answer.url };
          } catch (error) {
            outcome.failures.push(`${page.url}: ${(error as Error).message}`);
          }
        }
        if (names.size > 0) {
          const metaFile = path.join(dir, 'pages.json');
          await writeFile(metaFile, JSON.stringify(notes));
          await importFiles([...names.keys()].map((name) => path.join(dir, name)), { metaFile }, names);
        }
        // Remembered only when nothing is left to fetch: otherwise the next run must read the sitemap again.
        if (chosen.length === fresh.length) await remember(source.location, { ...got.validators, sha256: hash, checkedAt });
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { outcomes, articleCount };
}
