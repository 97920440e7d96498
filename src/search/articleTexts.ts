/**
 * Article bodies as plain text, for snippets and phrase checks: the index's postings hold no text,
 * so the worker reads it for the hits of the page shown. From the snippet store when the bundle has
 * one (`BundleSnippetTexts`: the indexed text by short id, files of about 24 KiB), else from the
 * month files (up to 1.5 MiB of JSON each, whose HTML bodies are turned into text here). Both are
 * saved on the device with the edition, so this works offline. A file is fetched once and kept (a
 * bounded number of them), and concurrent callers share one fetch, as the reader's bundle loader does.
 */
import type { BundleManifest, BundleMonthFile, BundleSnippetTexts, BundleTextsFile } from '../core/format';
import { htmlToPlainText } from '../core/htmlToPlainText';

/** Fetches a bundle file's text by name; rejects when it cannot. */
export type FetchBundleText = (file: string) => Promise<string>;

/** Month files kept in memory; a page of hits rarely spans more months than this. */
const MAX_MONTH_FILES = 64;
/** Files of the snippet store kept in memory (about 24 KiB each): the texts of a few pages of hits. */
const MAX_TEXT_FILES = 256;

/** An article as the search knows it: its short id in the index (when known), its id and date. */
export interface TextOf {
  shortId?: number;
  id: string;
  date: string;
}

export interface ArticleTexts {
  /** The plain text of an article's body; null when its file cannot be read or does not hold it. */
  bodyText(manifest: BundleManifest, article: TextOf): Promise<string | null>;
}

/** A loader that keeps at most `max` results, the least recently used let go first; a failed load is forgotten. */
function boundedCache<T>(max: number, load: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const files = new Map<string, Promise<T>>();
  return (file) => {
    const cached = files.get(file);
    if (cached) {
      // Most recently used last, so the oldest is the one let go.
      files.delete(file);
      files.set(file, cached);
      return cached;
    }
    const loading = load(file);
    // A failed read is forgotten, so that the next search tries again.
    loading.catch(() => files.delete(file));
    files.set(file, loading);
    if (files.size > max) files.delete(files.keys().next().value!);
    return loading;
  };
}

/** The file of the snippet store that holds `shortId`, and the id's place in it. */
function textsFileOf(store: BundleSnippetTexts, shortId: number): { file: string; from: number } | undefined {
  let lo = 0;
  let hi = store.from.length - 1;
  if (hi < 0 || shortId < store.from[0]!) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (store.from[mid]! <= shortId) lo = mid;
    else hi = mid - 1;
  }
  return { file: store.files[lo]!, from: store.from[lo]! };
}

export function createArticleTexts(fetchText: FetchBundleText): ArticleTexts {
  /** By month file: each article's body, its HTML until first asked for and then its text. */
  const monthFile = boundedCache(MAX_MONTH_FILES, async (file) => {
    const month = JSON.parse(await fetchText(file)) as BundleMonthFile;
    return new Map(month.articles.map((a) => [a.id, { html: a.body } as { html: string; text?: string }]));
  });
  const textsFile = boundedCache(MAX_TEXT_FILES, async (file) => JSON.parse(await fetchText(file)) as BundleTextsFile);

  async function fromMonthFiles(manifest: BundleManifest, { id, date }: TextOf): Promise<string | null> {
    // The month is the date's first seven characters (see `monthKey`).
    const month = manifest.months.find((m) => m.month === date.slice(0, 7));
    for (const file of month?.files ?? []) {
      let bodies: Map<string, { html: string; text?: string }>;
      try {
        bodies = await monthFile(file);
      } catch {
        return null;
      }
      const body = bodies.get(id);
      if (body !== undefined) return (body.text ??= htmlToPlainText(body.html));
    }
    return null;
  }

  return {
    async bodyText(manifest, article) {
      const store = manifest.index.texts;
      if (!store || article.shortId === undefined) return fromMonthFiles(manifest, article);
      const at = textsFileOf(store, article.shortId);
      if (!at) return null;
      try {
        return (await textsFile(at.file)).texts[article.shortId - at.from] ?? null;
      } catch {
        return null;
      }
    },
  };
}
