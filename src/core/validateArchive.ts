import { ARCHIVE_FORMAT, type ArchiveMetaFile, type ArchiveMonthFile } from './format';
import { isMonthKey, monthKey } from './monthKey';
import { isSlug } from './slugify';
import type { Article } from './types';

/** One problem found in an archive file: which file, which record, which field, and what. */
export interface ArchiveProblem {
  file: string;
  /** `article 3 (a1b2c3…)`, `categories[2]`, or null for the file as a whole. */
  record: string | null;
  field: string | null;
  message: string;
}

export function formatProblem(p: ArchiveProblem): string {
  const where = [p.file, p.record, p.field].filter(Boolean).join(': ');
  return `archive: ${where}: ${p.message}`;
}

/** Thrown by {@link assertValidArchive}; its message lists every problem, one per line. */
export class ArchiveValidationError extends Error {
  constructor(readonly problems: ArchiveProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ArchiveValidationError';
  }
}

const ISO_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/;
const ID = /^[a-z0-9]{8,40}$/;

type Check = (cond: boolean, field: string | null, message: string) => void;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** Validates `archive/archive.json`. Returns every problem found (empty when valid). */
export function validateArchiveMeta(file: string, data: unknown): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  if (!isPlainObject(data)) return [{ file, record: null, field: null, message: 'not a JSON object' }];
  const top: Check = (cond, field, message) => {
    if (!cond) problems.push({ file, record: null, field, message });
  };
  top(data.format === ARCHIVE_FORMAT, 'format', `must be "${ARCHIVE_FORMAT}" (found ${JSON.stringify(data.format)})`);
  top(isNonEmptyString(data.name), 'name', 'must be a non-empty string');
  top(typeof data.description === 'string', 'description', 'must be a string');
  for (const key of ['categories', 'tags'] as const) {
    const list = data[key];
    if (!Array.isArray(list)) {
      top(false, key, 'must be an array of { slug, name }');
      continue;
    }
    const seen = new Set<string>();
    list.forEach((label, i) => {
      const record = `${key}[${i}]`;
      if (!isPlainObject(label)) {
        problems.push({ file, record, field: null, message: 'must be an object { slug, name }' });
        return;
      }
      if (typeof label.slug !== 'string' || !isSlug(label.slug)) {
        problems.push({ file, record, field: 'slug', message: `not a slug: ${JSON.stringify(label.slug)}` });
      } else if (seen.has(label.slug)) {
        problems.push({ file, record, field: 'slug', message: `duplicate slug "${label.slug}"` });
      } else seen.add(label.slug);
      if (!isNonEmptyString(label.name)) {
        problems.push({ file, record, field: 'name', message: 'must be a non-empty string' });
      }
    });
  }
  if (!Array.isArray(data.aliases)) top(false, 'aliases', 'must be an array of string arrays');
  else
    data.aliases.forEach((group, i) => {
      if (!Array.isArray(group) || group.length < 2 || !group.every(isNonEmptyString)) {
        problems.push({ file, record: `aliases[${i}]`, field: null, message: 'an alias group lists two or more non-empty strings' });
      } else {
        const folded = group.map((g) => g.toLowerCase());
        const repeated = folded.find((g, j) => folded.indexOf(g) !== j);
        if (repeated !== undefined) problems.push({ file, record: `aliases[${i}]`, field: null, message: `"${repeated}" is listed twice` });
      }
    });
  return problems;
}

/**
 * Validates one `archive/articles/YYYY-MM.json` against the archive metadata: every field of
 * every article, that each article belongs to the file's month, and that ids and slugs are unique
 * (`knownIds` carries ids across files so a duplicate in another month is caught too).
 */
export function validateArchiveMonth(
  file: string,
  data: unknown,
  meta: Pick<ArchiveMetaFile, 'categories' | 'tags'>,
  knownIds: Map<string, string> = new Map(),
): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  if (!isPlainObject(data)) return [{ file, record: null, field: null, message: 'not a JSON object' }];
  if (data.format !== ARCHIVE_FORMAT) {
    problems.push({ file, record: null, field: 'format', message: `must be "${ARCHIVE_FORMAT}" (found ${JSON.stringify(data.format)})` });
  }
  const month = data.month;
  if (typeof month !== 'string' || !isMonthKey(month)) {
    problems.push({ file, record: null, field: 'month', message: `must be YYYY-MM (found ${JSON.stringify(month)})` });
  }
  if (!Array.isArray(data.articles)) {
    problems.push({ file, record: null, field: 'articles', message: 'must be an array' });
    return problems;
  }
  const categories = new Set(meta.categories.map((c) => c.slug));
  const tags = new Set(meta.tags.map((t) => t.slug));
  const slugs = new Set<string>();
  data.articles.forEach((raw: unknown, i: number) => {
    const id = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : '?';
    const record = `article ${i} (${id})`;
    const check: Check = (cond, field, message) => {
      if (!cond) problems.push({ file, record, field, message });
    };
    if (!isPlainObject(raw)) {
      check(false, null, 'must be an object');
      return;
    }
    const a = raw as Partial<Record<keyof Article, unknown>>;
    check(typeof a.id === 'string' && ID.test(a.id), 'id', `must be 8–40 lowercase letters or digits (found ${JSON.stringify(a.id)})`);
    if (typeof a.id === 'string') {
      const other = knownIds.get(a.id);
      check(other === undefined, 'id', `duplicate id, also in ${other}`);
      knownIds.set(a.id, `${file} ${record}`);
    }
    check(typeof a.slug === 'string' && isSlug(a.slug), 'slug', `not a slug: ${JSON.stringify(a.slug)}`);
    if (typeof a.slug === 'string') {
      check(!slugs.has(a.slug), 'slug', `duplicate slug "${a.slug}" in this month`);
      slugs.add(a.slug);
    }
    check(isNonEmptyString(a.title), 'title', 'must be a non-empty string');
    if (typeof a.date !== 'string' || !ISO_DATE.test(a.date)) {
      check(false, 'date', `must be an ISO 8601 date (found ${JSON.stringify(a.date)})`);
    } else if (typeof month === 'string') {
      check(monthKey(a.date) === month, 'date', `${a.date} is not in this file's month ${month}`);
    }
    if (!Array.isArray(a.sources) || a.sources.length === 0) check(false, 'sources', 'must list at least one source');
    else
      a.sources.forEach((s: unknown, j: number) => {
        if (!isPlainObject(s)) return check(false, `sources[${j}]`, 'must be an object { outlet, url }');
        check(s.outlet === null || isNonEmptyString(s.outlet), `sources[${j}].outlet`, 'must be a non-empty string or null');
        check(s.url === null || (typeof s.url === 'string' && /^https?:\/\/\S+$/.test(s.url)), `sources[${j}].url`, `must be an http(s) URL or null (found ${JSON.stringify(s.url)})`);
      });
    check(a.author === null || isNonEmptyString(a.author), 'author', 'must be a non-empty string or null');
    check(a.category === null || (typeof a.category === 'string' && categories.has(a.category)), 'category', `must be null or a category declared in archive.json (found ${JSON.stringify(a.category)})`);
    if (!Array.isArray(a.tags)) check(false, 'tags', 'must be an array');
    else
      a.tags.forEach((t: unknown, j: number) =>
        check(typeof t === 'string' && tags.has(t), `tags[${j}]`, `must be a tag declared in archive.json (found ${JSON.stringify(t)})`),
      );
    check(typeof a.summary === 'string', 'summary', 'must be a string');
    check(isNonEmptyString(a.body), 'body', 'must be non-empty HTML');
  });
  return problems;
}

/** Throws an {@link ArchiveValidationError} listing every problem, if there are any. */
export function assertValidArchive(problems: ArchiveProblem[]): void {
  if (problems.length > 0) throw new ArchiveValidationError(problems);
}
