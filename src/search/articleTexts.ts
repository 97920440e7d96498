/**
 * Article bodies as plain text, for snippets: the index stores no bodies, so the worker reads the
 * month file(s) of each hit on the page asked for. They are precached with the app, so this works
 * offline. A file is fetched once and kept (a bounded number of them), and concurrent callers share
 * one fetch, as the reader's bundle loader does.
 */
import type { BundleManifest, BundleMonthFile } from '../core/format';
import { htmlToPlainText } from '../core/htmlToPlainText';

/** Fetches a bundle file's text by name; rejects when it cannot. */
export type FetchBundleText = (file: string) => Promise<string>;

/** Month files kept in memory; a page of hits rarely spans more months than this. */
const MAX_FILES = 64;

export interface ArticleTexts {
  /** The plain text of an article's body; null when its file cannot be read or does not hold it. */
  bodyText(manifest: BundleManifest, id: string, date: string): Promise<string | null>;
}

export function createArticleTexts(fetchText: FetchBundleText): ArticleTexts {
  /** By file: each article's body, its HTML until first asked for and then its text. */
  const files = new Map<string, Promise<Map<string, { html: string; text?: string }>>>();

  function load(file: string): Promise<Map<string, { html: string; text?: string }>> {
    const cached = files.get(file);
    if (cached) {
      // Most recently used last, so the oldest is the one let go.
      files.delete(file);
      files.set(file, cached);
      return cached;
    }
    const loading = fetchText(file).then((text) => {
      const month = JSON.parse(text) as BundleMonthFile;
      return new Map(month.articles.map((a) => [a.id, { html: a.body }]));
    });
    // A failed read is forgotten, so that the next search tries again.
    loading.catch(() => files.delete(file));
    files.set(file, loading);
    if (files.size > MAX_FILES) files.delete(files.keys().next().value!);
    return loading;
  }

  return {
    async bodyText(manifest, id, date) {
      // The month is the date's first seven characters (see `monthKey`).
      const month = manifest.months.find((m) => m.month === date.slice(0, 7));
      for (const file of month?.files ?? []) {
        let bodies: Map<string, { html: string; text?: string }>;
        try {
          bodies = await load(file);
        } catch {
          return null;
        }
        const body = bodies.get(id);
        if (body !== undefined) return (body.text ??= htmlToPlainText(body.html));
      }
      return null;
    },
  };
}
