import { createHash } from 'node:crypto';
import { slugify } from '../../core/slugify';
import { articleId, canonicalUrl, cleanText } from './normalise';

/** What a new article's id is made from. */
export interface IdSource {
  /** Its addresses (any order); the smallest canonical one identifies it. */
  urls: string[];
  title: string;
  /** ISO 8601. */
  date: string;
  /** Its title and body as text. */
  text: string;
  /** Where it came from (`file line 3`): the last resort to tell apart two records alike in all else. */
  record: string;
}

function sha16(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * The stable id of a new article, unique among `taken`, or null when none can be found (the
 * record is then refused alone). An article with an address is identified by it (as
 * {@link articleId} always did); one without by its title, its day and a hash of its text, so
 * that three wire stories with one title on one day stay three articles, while the same record
 * imported again gets the same id (it is recognised by its text before any id is made).
 * Candidates are tried in a fixed order, so ids never depend on the order of files.
 */
export function newArticleId(source: IdSource, taken: ReadonlySet<string>): string | null {
  const url = source.urls.map(canonicalUrl).sort()[0] ?? null;
  const day = source.date.slice(0, 10);
  const textHash = sha16(cleanText(source.text));
  const candidates = url
    ? [
        articleId(url, source.title, source.date),
        // Another article at the same address (a feed linking every item to its home page).
        articleId(null, `${url} ${source.title}`, source.date),
        sha16(`url:${url}|title:${slugify(source.title, 200)}|${day}|text:${textHash}`),
      ]
    : [sha16(`title:${slugify(source.title, 200)}|${day}|text:${textHash}`)];
  candidates.push(sha16(`record:${source.record}|title:${slugify(source.title, 200)}|${day}|text:${textHash}`));
  return candidates.find((id) => !taken.has(id)) ?? null;
}
