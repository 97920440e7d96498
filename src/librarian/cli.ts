/**
 * The librarian's command-line tool. It only maps flags to the typed functions of the library
 * (importSources, readArchive, buildBundle, …) and owns the one error and exit-code policy:
 *   0  success
 *   1  the work was done but something failed (a file or record refused, named with its reason), or the archive is invalid
 *   2  the command line itself is wrong
 */
import path from 'node:path';
import { defineCommand, runMain } from 'citty';
import { FIDELITY_KIND_DESCRIPTIONS, findFidelityProblems } from '../core/bodyFidelity';
import { ArchiveValidationError } from '../core/validateArchive';
import { correctArticle, EditError, removeArticles } from './archive/editArchive';
import { initArchive } from './archive/initArchive';
import { readArchive } from './archive/readArchive';
import { buildArchiveBundle } from './bundle/readArchiveImages';
import { writeBundle } from './bundle/writeBundle';
import { type ImportReport, importSources } from './import/importSources';
import { SOURCE_FORMATS, type SourceFormat } from './import/readSourceFile';
import { SourceError, type SourceOverrides } from './import/SourceArticle';
import { HUFFPOST_MAPPING, parseFieldMapping } from './sources/readJsonRecords';
import { parseUrlPattern, type UrlPattern, UrlPatternError } from './import/urlPattern';
import { readShortcodeRules } from './markdown/readShortcodeRules';
import { createProgress } from './progress';
import { PublishError, publishSite } from './publish/publishSite';
import { archiveStats } from './stats';
import { runUpdate, type SourceOutcome } from './update/runUpdate';
import { readSourcesFile, SourcesFileError } from './update/sourcesFile';
import { UpdateStateError } from './update/updateState';

class UsageError extends Error {}

function parseMapping(text: string) {
  try {
    return parseFieldMapping(text);
  } catch (err) {
    throw new UsageError(`import: --map: ${(err as Error).message}`);
  }
}

/** Runs a command body under the one error policy (see the header comment). */
function guarded<A>(body: (ctx: { args: A; rawArgs: string[] }) => Promise<unknown>): (ctx: { args: A; rawArgs: string[] }) => Promise<void> {
  return async (ctx) => {
    try {
      await body(ctx);
    } catch (err) {
      fail(err);
    }
  };
}

const archiveArg = {
  archive: { type: 'string', description: 'The archive directory', default: 'archive', valueHint: 'dir' },
} as const;

/**
 * Every value of a flag that may be repeated (`--images a --images b`), in order: citty keeps
 * only the last one, so they are read from the command line itself.
 */
function repeatedFlag(rawArgs: string[], name: string): string[] {
  const values: string[] = [];
  rawArgs.forEach((arg, i) => {
    if (arg === `--${name}` && rawArgs[i + 1] !== undefined) values.push(rawArgs[i + 1]!);
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  });
  return values;
}

/** `--url-pattern`, given once or more: the site's address first, then its former ones. */
function urlPatterns(list: string[]): UrlPattern[] {
  try {
    return list.map(parseUrlPattern);
  } catch (err) {
    if (err instanceof UrlPatternError) throw new UsageError(`import: --url-pattern: ${err.message}`);
    throw err;
  }
}

/** A flag's positive number, 0 when it is not given; a usage error when it is not one. */
function positiveNumber(flag: string, value: unknown): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`import: ${flag}: "${String(value)}" is not a positive number`);
  return n;
}

function printCounts(title: string, counts: Record<string, number>): void {
  const entries = Object.entries(counts);
  if (entries.length === 0) return;
  console.log(`${title}:`);
  const width = Math.max(...entries.map(([k]) => k.length));
  for (const [key, n] of entries) console.log(`  ${key.padEnd(width)}  ${n}`);
}

function printImportReport(report: ImportReport, dryRun: boolean): void {
  for (const a of report.imported) console.log(`imported  ${a.month}  ${a.title}  (${a.files.join(', ')})`);
  for (const m of report.merged) {
    const how = m.how === 'same URL' ? 'same URL' : `near duplicate, ${(m.similarity * 100).toFixed(0)}% similar`;
    console.log(`merged    ${m.file} "${m.sourceTitle}" into "${m.title}" (${how})`);
  }
  for (const u of report.unchanged) console.log(`unchanged ${u.file} (already in the archive as ${u.id})`);
  for (const d of report.datesReplaced) console.log(`dated     ${d.file}: ${d.reason}; imported with the date given, ${d.date}`);
  for (const k of report.skipped) console.log(`skipped   ${k.file}: ${k.reason}`);
  for (const f of report.failed) console.error(`failed    ${f.file}: ${f.reason}`);
  console.log(
    `\n${report.imported.length} imported, ${report.merged.length} merged, ${report.unchanged.length} unchanged, ${report.skipped.length} skipped, ${report.failed.length} failed; ` +
      `the archive ${dryRun ? 'would hold' : 'holds'} ${report.articleCount} articles.`,
  );
  // Images left out because fetching is off are said once, in all; any other failure, one by one.
  const notFetched = report.images.problems.filter((p) => p.message.endsWith('fetching is off (--fetch-images)'));
  for (const problem of report.images.problems) if (!notFetched.includes(problem)) console.error(problem.message);
  if (report.images.kept + report.images.unavailable > 0) {
    console.log(
      `${report.images.summary()}${notFetched.length ? `; ${notFetched.length} of them are on the web and not in any local folder (--fetch-images downloads them, --images DIR adds a folder)` : ''}.`,
    );
  }
  if (report.linksRewritten > 0) console.log(`${report.linksRewritten} links between archived articles now open in the archive.`);
  printCounts('Shortcodes not understood (rendered as their inner content; describe them with --shortcodes)', report.unknownShortcodes);
  printCounts('References to pages the site does not have (shown as text)', report.unresolvedRefs);
  printCounts('References to pages outside the imported folder (linked to the address Hugo gives them)', report.guessedRefs);
  printCounts('Articles per month', report.byMonth);
  printCounts('Articles per category', report.byCategory);
  if (dryRun) console.log('Dry run: nothing was written.');
  else if (report.written.length > 0) console.log(`Wrote ${report.written.join(', ')}.`);
  else console.log('Nothing changed.');
}

const init = defineCommand({
  meta: { name: 'init', description: 'Create an empty archive' },
  args: {
    ...archiveArg,
    name: { type: 'string', description: 'The archive name shown to readers', required: true },
    description: { type: 'string', description: 'One sentence about the archive', default: '' },
  },
  run: guarded(async ({ args }) => {
    await initArchive(args.archive, args.name, args.description);
    console.log(`Created an empty archive in ${args.archive}/.`);
  }),
});

const importCmd = defineCommand({
  meta: { name: 'import', description: 'Import sources (files or folders): saved web pages, plain-text page dumps, RSS/Atom feeds, WordPress exports, Hugo/Jekyll Markdown, JSON and JSON Lines' },
  args: {
    ...archiveArg,
    format: { type: 'string', description: `Force the source format (${SOURCE_FORMATS.join(', ')}); detected from content otherwise` },
    meta: { type: 'string', description: 'JSON file mapping source file names to { date, url, outlet, author, category, title } (the date, as --date, only for records that state none or an implausible one)', valueHint: 'file' },
    map: { type: 'string', description: 'Field mapping for JSON records: "huffpost", or title=headline,date=date,summary=…', valueHint: 'mapping' },
    date: {
      type: 'string',
      description:
        'Publication date (YYYY-MM-DD) for records that state none, or state an implausible one (a placeholder such as 0001-01-01, before 1800, in the future), which it replaces; a date a source states is kept (correct one with librarian edit --date)',
      valueHint: 'date',
    },
    url: { type: 'string', description: 'Original URL of the source' },
    outlet: { type: 'string', description: 'Outlet name of the source' },
    author: { type: 'string', description: 'Author of the source' },
    category: { type: 'string', description: 'Category of the source' },
    'url-pattern': {
      type: 'string',
      description:
        'Markdown: where the site published its articles, e.g. https://example.org/{year}/{month}/{day}/{slug}/ (fields: year, month, day, slug, title, filename, section); repeat it for the site\'s former addresses. Default: the Hugo/Jekyll configuration beside content/',
      valueHint: 'pattern',
    },
    shortcodes: { type: 'string', description: 'Markdown: JSON file describing the site\'s own shortcodes, e.g. { "legacy-img": { "as": "figure", "src": "https://cdn.example.org/{src}" } }', valueHint: 'file' },
    images: { type: 'string', description: 'A folder to find articles\' images in (a Hugo site\'s static/, a media export); repeatable. A Hugo site\'s static/ and assets/ and a saved page\'s <name>_files/ are searched anyway', valueHint: 'dir' },
    'fetch-images': { type: 'boolean', description: 'Download images not found locally (http/https), with a timeout, a size limit and retries' },
    'image-timeout': { type: 'string', description: 'Seconds allowed for one image download (default 15)', valueHint: 'seconds' },
    'image-max-bytes': { type: 'string', description: 'Largest image downloaded, in bytes (default 20000000)', valueHint: 'bytes' },
    'dry-run': { type: 'boolean', description: 'Check and report, write nothing' },
  },
  run: guarded(async ({ args, rawArgs }) => {
    const files = args._;
    if (files.length === 0) throw new UsageError('import: name at least one source file');
    if (args.format && !SOURCE_FORMATS.includes(args.format as SourceFormat)) {
      throw new UsageError(`import: unknown --format "${args.format}" (one of: ${SOURCE_FORMATS.join(', ')})`);
    }
    const overrides: SourceOverrides = {};
    for (const key of ['date', 'url', 'outlet', 'author', 'category'] as const) if (args[key]) overrides[key] = args[key];
    const dryRun = args['dry-run'] === true;
    const report = await importSources({
      archiveDir: args.archive,
      files,
      format: args.format as SourceFormat | undefined,
      overrides,
      metaFile: args.meta,
      mapping: args.map === undefined ? undefined : args.map === 'huffpost' ? HUFFPOST_MAPPING : parseMapping(args.map),
      urlPatterns: urlPatterns(repeatedFlag(rawArgs, 'url-pattern')),
      shortcodes: args.shortcodes ? await readShortcodeRules(args.shortcodes) : undefined,
      images: {
        fetchImages: args['fetch-images'] === true,
        localDirs: repeatedFlag(rawArgs, 'images'),
        timeoutMs: positiveNumber('--image-timeout', args['image-timeout']) * 1000 || undefined,
        maxBytes: positiveNumber('--image-max-bytes', args['image-max-bytes']) || undefined,
      },
      dryRun,
      onProgress: createProgress(),
    });
    printImportReport(report, dryRun);
    if (report.failed.length > 0) process.exitCode = 1;
  }),
});

const validate = defineCommand({
  meta: { name: 'validate', description: 'Check every archive file; exit 1 naming each problem' },
  args: { ...archiveArg },
  run: guarded(async ({ args }) => {
    const archive = await readArchive(args.archive);
    const count = archive.months.reduce((n, m) => n + m.articles.length, 0);
    // Bodies that would not read as their source published them: warnings, for a librarian to
    // re-import with the right options (the archive itself is sound).
    let warnings = 0;
    for (const month of archive.months) {
      for (const article of month.articles) {
        for (const problem of findFidelityProblems(article.body)) {
          warnings++;
          console.warn(`warning: articles/${month.month}.json: ${article.id} "${article.title}": ${FIDELITY_KIND_DESCRIPTIONS[problem.kind]}: ${problem.excerpt}`);
        }
      }
    }
    console.log(`archive: ${args.archive} is valid: ${count} articles in ${archive.months.length} months${warnings ? `; ${warnings} warnings about article text` : ''}.`);
  }),
});

const stats = defineCommand({
  meta: { name: 'stats', description: 'Article counts by month, category and outlet' },
  args: { ...archiveArg, json: { type: 'boolean', description: 'Print JSON' } },
  run: guarded(async ({ args }) => {
    const s = archiveStats(await readArchive(args.archive));
    if (args.json) return console.log(JSON.stringify(s, null, 2));
    console.log(`${s.articleCount} articles`);
    printCounts('By month', s.byMonth);
    printCounts('By category', s.byCategory);
    printCounts('By outlet', s.byOutlet);
  }),
});

const build = defineCommand({
  meta: { name: 'build', description: 'Build the reader bundle (manifest, data files, search index) into a directory' },
  args: { ...archiveArg, out: { type: 'string', description: 'Output directory', default: '.bundle', valueHint: 'dir' } },
  run: guarded(async ({ args }) => {
    const started = performance.now();
    const bundle = await buildArchiveBundle(args.archive);
    await writeBundle(bundle, args.out);
    const bytes = [...bundle.files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
    console.log(
      `Built edition ${bundle.manifest.edition}: ${bundle.manifest.articleCount} articles, ${bundle.files.size + 1} files, ` +
        `${(bytes / 1024).toFixed(0)} KiB, in ${((performance.now() - started) / 1000).toFixed(2)} s → ${path.resolve(args.out)}`,
    );
  }),
});

const remove = defineCommand({
  meta: { name: 'remove', description: 'Remove articles, named by id, original URL or YYYY/MM/slug' },
  args: { ...archiveArg },
  run: guarded(async ({ args }) => {
    if (args._.length === 0) throw new UsageError('remove: name at least one article (id, original URL or YYYY/MM/slug)');
    for (const a of await removeArticles(args.archive, args._)) console.log(`removed   ${a.date.slice(0, 10)}  ${a.title}  (${a.id})`);
  }),
});

const edit = defineCommand({
  meta: { name: 'edit', description: 'Correct an article\'s metadata (named by id, original URL or YYYY/MM/slug)' },
  args: {
    ...archiveArg,
    title: { type: 'string', description: 'New title' },
    date: { type: 'string', description: 'New publication date (ISO 8601)' },
    author: { type: 'string', description: 'New author ("" to clear)' },
    category: { type: 'string', description: 'Category name or slug ("" for none)' },
    tags: { type: 'string', description: 'Comma-separated tag names or slugs ("" for none)' },
    summary: { type: 'string', description: 'New summary' },
    slug: { type: 'string', description: 'New slug (changes the article\'s address in the reader)' },
  },
  run: guarded(async ({ args }) => {
    if (args._.length !== 1) throw new UsageError('edit: name exactly one article (id, original URL or YYYY/MM/slug)');
    const orNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v);
    const correction = {
      title: args.title,
      date: args.date,
      author: orNull(args.author),
      category: orNull(args.category),
      tags: args.tags === undefined ? undefined : args.tags.split(',').map((t) => t.trim()).filter(Boolean),
      summary: args.summary,
      slug: args.slug,
    };
    if (Object.values(correction).every((v) => v === undefined)) throw new UsageError('edit: give at least one of --title, --date, --author, --category, --tags, --summary, --slug');
    const { before, after } = await correctArticle(args.archive, args._[0]!, correction);
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      const [was, now] = [JSON.stringify(before[key]), JSON.stringify(after[key])];
      if (was !== now) console.log(`${key}: ${was} → ${now}`);
    }
    console.log(`Corrected "${after.title}" (${after.id}).`);
  }),
});

/** "3 new, 1 merged, 12 already in the archive": what an update did to one source, zero counts left out. */
function describeCounts(outcome: SourceOutcome): string {
  const parts = [`${outcome.imported.length} new`];
  if (outcome.merged) parts.push(`${outcome.merged} merged into articles already there`);
  if (outcome.alreadyThere) parts.push(`${outcome.alreadyThere} already in the archive`);
  if (outcome.skipped) parts.push(`${outcome.skipped} skipped`);
  return parts.join(', ');
}

function printOutcome(outcome: SourceOutcome): void {
  const { source } = outcome;
  const what = `${source.name} (${source.kind}${source.name === source.location ? '' : ` ${source.location}`})`;
  const counts = outcome.imported.length + outcome.merged + outcome.alreadyThere + outcome.skipped > 0 ? describeCounts(outcome) : '';
  const said = [outcome.note, counts].filter(Boolean).join('; ');
  // A source that failed as a whole (not fetched) says why on its own line.
  const alone = outcome.status === 'failed' && outcome.failures.length === 1 && !said;
  if (alone) console.error(`failed    ${what}: ${outcome.failures[0]}`);
  else if (outcome.status === 'failed') console.error(`failed    ${what}: ${said ? `${said}; ` : ''}${outcome.failures.length} failed`);
  else console.log(`${outcome.status.padEnd(9)} ${what}: ${said || 'nothing new'}`);
  for (const a of outcome.imported) console.log(`  new     ${a.month}  ${a.title}`);
  if (!alone) for (const failure of outcome.failures) console.error(`  failed  ${failure}`);
  if (outcome.movedTo) console.log(`  note    ${source.location} has moved permanently to ${outcome.movedTo}: give the new address in the sources file`);
}

const update = defineCommand({
  meta: {
    name: 'update',
    description:
      'Fetch every source a SOURCES.json lists (feeds, sitemaps, pages, local files and folders) and import what is new: conditional requests, a timeout, retries, a size limit; exit 1 when a source failed (the others are imported)',
  },
  args: {
    sources: {
      type: 'positional',
      required: false,
      valueHint: 'SOURCES.json',
      description:
        'The sources file: { "contact": "<URL or e-mail, sent in the User-Agent>", "sources": [ { "feed" | "sitemap" | "page": "<URL>" or "path": "<file or folder>", "name", "outlet", "category", "format", "map", "include" and "maxPages" (sitemap), "timeoutSeconds", "maxBytes" } ] } (see deploy/sources.example.json and the README)',
    },
    ...archiveArg,
  },
  run: guarded(async ({ args }) => {
    if (args._.length !== 1) throw new UsageError('update: name one sources file (SOURCES.json), e.g. librarian update deploy/sources.example.json');
    const sources = await readSourcesFile(args._[0]!);
    const { outcomes, articleCount } = await runUpdate({ sources, archiveDir: args.archive, onSource: printOutcome });
    const count = (status: SourceOutcome['status']) => outcomes.filter((o) => o.status === status).length;
    const added = outcomes.reduce((n, o) => n + o.imported.length, 0);
    console.log(`\n${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed; ${added} new articles; the archive holds ${articleCount} articles.`);
    if (count('failed') > 0) process.exitCode = 1;
  }),
});

const publish = defineCommand({
  meta: {
    name: 'publish',
    description:
      "Copy a build (npm run build's dist/) into the folder a web server serves, so that no reader sees half an edition: new files first, then the bundle manifest, sw.js and index.html; the previous edition's files kept until the next publish",
  },
  args: {
    to: { type: 'string', description: 'The folder the web server serves (created if missing)', valueHint: 'dir' },
    from: { type: 'string', description: 'The build to publish', default: 'dist', valueHint: 'dir' },
  },
  run: guarded(async ({ args }) => {
    if (!args.to) throw new UsageError('publish: give the folder to publish into with --to DIR');
    const report = await publishSite({ from: args.from, to: args.to });
    const to = path.resolve(args.to);
    console.log(
      `Published edition ${report.edition} (${report.articleCount} articles; build ${report.build}) to ${to}: ` +
        `${report.written.length} files written, ${report.unchanged} already there, ${report.removed.length} of older editions removed.`,
    );
    if (report.kept) console.log(`The files of edition ${report.kept.edition} (published ${report.kept.publishedAt}) stay until the next publish, for devices still saving it.`);
    if (report.foreign.length > 0) {
      console.log(`${report.foreign.length} files in ${to} were not published by the librarian and were left alone (${report.foreign.slice(0, 3).join(', ')}${report.foreign.length > 3 ? ', …' : ''}).`);
    }
  }),
});

const main = defineCommand({
  meta: { name: 'librarian', description: 'Build and maintain the offline news archive' },
  subCommands: { init, import: importCmd, validate, stats, build, edit, remove, update, publish },
});

function fail(err: unknown): never {
  if (
    err instanceof ArchiveValidationError ||
    err instanceof SourceError ||
    err instanceof EditError ||
    err instanceof PublishError ||
    err instanceof SourcesFileError ||
    err instanceof UpdateStateError
  ) {
    console.error(err.message);
    process.exit(1);
  }
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
}

await runMain(main);
