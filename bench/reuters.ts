/**
 * The Reuters-21578 newswire (../shared/corpora/reuters21578, "Reuters-21578, Distribution 1.0")
 * read into archive articles for the scale benchmarks only: its licence allows research use, never
 * the shipped archive, so the benchmark writes these articles to temporary archives alone. It is no
 * source format of the librarian's; this bench-only reader parses the SGML files with htmlparser2
 * and makes each story an article the way the librarian's import would: id by `newArticleId`
 * (stories have no address: title, day and a hash of the text), slug by `slugify` (unique within
 * the month), body as sanitised paragraphs (`paragraphsToHtml`), summary by `summarise`.
 *
 * Kept: every story with a TITLE and a non-empty BODY. Date: DATE (`26-FEB-1987 15:01:01.79`,
 * local time, zone unknown). Category: the first TOPICS entry (its name from
 * cat-descriptions_120396.txt, e.g. `crude` → "Crude Oil"; the code capitalised where it gives none), none when TOPICS is empty (the reader
 * shows such articles as uncategorised). Outlet "Reuters", no address, no author.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { slugify } from '../src/core/slugify';
import type { Article, Label } from '../src/core/types';
import { newArticleId } from '../src/librarian/import/newArticleId';
import { cleanText, summarise } from '../src/librarian/import/normalise';
import { paragraphsToHtml } from '../src/librarian/import/paragraphsToHtml';
import { CORPORA_DIR } from '../src/librarian/testing/tempArchive';

export const REUTERS_DIR = path.join(CORPORA_DIR, 'reuters21578');
export const REUTERS_OUTLET = 'Reuters';

/** One `<REUTERS>` element as found in a file, before it becomes an article. */
export interface ReutersStory {
  /** `reut2-000.sgm NEWID=1`. */
  record: string;
  date: string;
  topics: string[];
  title: string;
  /** The BODY's paragraphs, the closing "Reuter" sign-off removed. */
  paragraphs: string[];
}

export interface ReutersCorpus {
  /** Oldest first, as the files hold them. */
  articles: Article[];
  /** The categories the articles use (first topic of each). */
  categories: Label[];
  /** Stories in the files, and those left out for want of a title or a body. */
  stories: number;
  withoutTitle: number;
  withoutBody: number;
}

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06',
  JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/**
 * `26-FEB-1987 15:01:01.79` (noise may follow) → `1987-02-26T15:01:01`; the day alone when the
 * time is garbled (`31-MAR-1987 605:12:19.12` → `1987-03-31`); null when the day is no date.
 */
export function reutersDate(text: string): string | null {
  const m = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})(?:\s+(\d+):(\d{2}):(\d{2}))?/i.exec(text);
  const month = m && MONTHS[m[2]!.toUpperCase()];
  if (!m || !month) return null;
  const day = `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
  if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return null;
  const [hours, minutes, seconds] = [m[4], m[5], m[6]].map(Number);
  if (m[4] === undefined || hours! > 23 || minutes! > 59 || seconds! > 59) return day;
  return `${day}T${m[4].padStart(2, '0')}:${m[5]}:${m[6]}`;
}

/**
 * A BODY's text as paragraphs: the wire marks a new paragraph by indenting its first line (or by
 * an empty line); the other lines continue it. Control characters (the wire's `&#3;` end mark)
 * and the closing "Reuter" sign-off are dropped.
 */
export function reutersParagraphs(body: string): string[] {
  const paragraphs: string[][] = [];
  let current: string[] | undefined;
  // eslint-disable-next-line no-control-regex
  for (const line of body.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').split('\n')) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (!current || /^\s/.test(line)) paragraphs.push((current = []));
    current.push(line.trim());
  }
  const texts = paragraphs.map((p) => cleanText(p.join(' '))).filter((p) => p !== '');
  while (texts.length > 0 && /^reuter$/i.test(texts.at(-1)!)) texts.pop();
  return texts;
}

/** The stories of one SGML file's text (`file` names them in records and errors). */
export function parseReutersSgml(text: string, file: string): ReutersStory[] {
  const stories: ReutersStory[] = [];
  let story: { newId: string; date: string; topics: string[]; title: string | null; body: string | null } | undefined;
  const open: string[] = [];
  let textBuffer = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (name === 'reuters') story = { newId: attributes.newid ?? '?', date: '', topics: [], title: null, body: null };
        if (['date', 'd', 'title', 'body'].includes(name)) textBuffer = '';
      },
      ontext(data) {
        textBuffer += data;
      },
      onclosetag(name) {
        open.pop();
        if (!story) return;
        if (name === 'date') story.date = textBuffer;
        else if (name === 'd' && open.at(-1) === 'topics') story.topics.push(textBuffer.trim());
        else if (name === 'title') story.title = textBuffer;
        else if (name === 'body') story.body = textBuffer;
        else if (name === 'reuters') {
          const record = `${file} NEWID=${story.newId}`;
          const date = reutersDate(story.date);
          if (!date) throw new Error(`reuters: ${record}: DATE ${JSON.stringify(story.date.trim())} is no date like 26-FEB-1987 15:01:01.79`);
          stories.push({
            record,
            date,
            topics: story.topics.filter((t) => t !== ''),
            title: story.title === null ? '' : cleanText(story.title),
            paragraphs: story.body === null ? [] : reutersParagraphs(story.body),
          });
          story = undefined;
        }
      },
    },
    // The SGML's tags never nest the way HTML's implied end tags assume; its entities are HTML's.
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.end(text);
  return stories;
}

/** A file's bytes as text: UTF-8 when valid, else Latin-1 (reut2-017.sgm holds Latin-1 bytes). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** TOPICS codes → names, from the lines `Crude Oil (CRUDE)` of the collection's category notes. */
async function topicNames(dir: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(dir, 'cat-descriptions_120396.txt'), 'latin1').catch(() => '');
  // The TOPICS lists come first; the organisations, people and places follow a rule of underscores.
  const topicsPart = text.split(/\n_{20,}\n/)[0] ?? '';
  const names = new Map<string, string>();
  for (const m of topicsPart.matchAll(/^([^*\n(][^\n(]*?)\s+\(([A-Z0-9.-]+)\)\s*$/gm)) names.set(m[2]!.toLowerCase(), m[1]!.trim());
  return names;
}

/** Reads every `reut2-*.sgm` of `dir` into articles. Throws, naming the file, when one is missing or unreadable. */
export async function readReuters(dir = REUTERS_DIR): Promise<ReutersCorpus> {
  const files = (await readdir(dir).catch((err: unknown) => {
    throw new Error(`reuters: ${dir}: ${(err as Error).message} (see ../shared/corpora/README.md)`);
  }))
    .filter((name) => /^reut2-\d{3}\.sgm$/.test(name))
    .sort();
  if (files.length === 0) throw new Error(`reuters: ${dir}: no reut2-*.sgm files`);
  const names = await topicNames(dir);
  const categories = new Map<string, Label>();
  const articles: Article[] = [];
  const ids = new Set<string>();
  const slugsByMonth = new Map<string, Set<string>>();
  let stories = 0;
  let withoutTitle = 0;
  let withoutBody = 0;
  for (const file of files) {
    for (const story of parseReutersSgml(decode(await readFile(path.join(dir, file))), file)) {
      stories++;
      if (story.title === '') {
        withoutTitle++;
        continue;
      }
      if (story.paragraphs.length === 0) {
        withoutBody++;
        continue;
      }
      const text = story.paragraphs.join('\n');
      const id = newArticleId({ urls: [], title: story.title, date: story.date, text: `${story.title}\n${text}`, record: story.record }, ids);
      if (!id) throw new Error(`reuters: ${story.record}: no id left for "${story.title}"`);
      ids.add(id);
      const month = story.date.slice(0, 7);
      const slugs = slugsByMonth.get(month) ?? new Set<string>();
      slugsByMonth.set(month, slugs);
      const base = slugify(story.title) || id;
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      let category: string | null = null;
      const topic = story.topics[0];
      if (topic) {
        category = slugify(topic);
        if (!categories.has(category)) categories.set(category, { slug: category, name: names.get(topic) ?? topic.charAt(0).toUpperCase() + topic.slice(1) });
      }
      articles.push({
        id,
        slug,
        title: story.title,
        date: story.date,
        sources: [{ outlet: REUTERS_OUTLET, url: null }],
        author: null,
        category,
        tags: [],
        summary: summarise(story.paragraphs[0]!),
        body: paragraphsToHtml(story.paragraphs),
      });
    }
  }
  return {
    articles,
    categories: [...categories.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    stories,
    withoutTitle,
    withoutBody,
  };
}
