import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Article } from '../src/core/types';
import { articlePath } from '../src/app/routePaths';

/** One article of the archive as the sweep needs it. */
export interface SweptArticle {
  path: string;
  title: string;
  body: string;
}

/** Every article of the archive in `archive/articles/*.json` (the default archive the build bundles). */
export function readArchiveArticles(dir = path.resolve('archive/articles')): Article[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}-\d{2}\.json$/.test(name))
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { articles: Article[] }).articles);
}

/** The in-app address of an article (`/articles/YYYY/MM/slug`), as the app's links write it. */
export function sweptArticle(article: Article): SweptArticle {
  return { path: articlePath(article.date, article.slug), title: article.title, body: article.body };
}

/**
 * An address reduced to what tells two spellings of one page apart: no scheme, no `www.`, no
 * trailing slash, no fragment. `http://www.digitalgov.gov/x/` and `https://digitalgov.gov/x`
 * are one page.
 */
export function comparableUrl(address: string): string | undefined {
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.host.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return undefined;
  }
}

/** What the page reports about one article after it opened. */
export interface ArticleReport {
  path: string;
  /** Set when the article did not open (its heading never appeared). */
  notOpened?: string;
  /** Document scrollWidth and clientWidth. */
  scrollWidth: number;
  clientWidth: number;
  /** Body elements sticking out of the viewport outside a scroll container: `tag.class (left–right px)`. */
  wide: string[];
  /** Pictures still broken once every picture had its chance to load: their `src`. */
  broken: string[];
  /** The body's visible text outside code blocks (`pre`, `code`) and visually hidden words. */
  text: string;
  /** Absolute addresses of the body's links (the placeholders' "View the original" left out). */
  hrefs: string[];
  /** Milliseconds from the click to the article on screen, then to its pictures settled, then to the end of the checks. */
  ms: { open: number; pictures: number; checks: number };
}

/**
 * Opens each article by clicking a link to it (the router navigates, no page load), waits for its
 * heading and for its pictures to load or fail, and reports what {@link ArticleReport} holds.
 * Runs in the page: it must not use anything from this module's scope.
 */
export async function sweepInPage(page: Page, batch: { path: string; title: string }[]): Promise<ArticleReport[]> {
  return page.evaluate(async (articles) => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const until = async (condition: () => boolean, ms: number) => {
      const end = performance.now() + ms;
      while (!condition()) {
        if (performance.now() > end) return false;
        await sleep(4);
      }
      return true;
    };
    const reports = [];
    for (const article of articles) {
      const t0 = performance.now();
      const link = document.createElement('a');
      link.href = article.path;
      document.body.append(link);
      link.click();
      link.remove();
      const body = () => document.querySelector<HTMLElement>('main .article__body');
      const opened = await until(
        () => location.pathname === article.path && squash(document.querySelector('main h1')?.textContent) === squash(article.title) && body() !== null,
        15_000,
      );
      const element = body();
      const report = {
        path: article.path,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        wide: [] as string[],
        broken: [] as string[],
        text: '',
        hrefs: [] as string[],
        ms: { open: performance.now() - t0, pictures: 0, checks: 0 },
      };
      if (!opened || !element) {
        reports.push({ ...report, notOpened: `heading "${squash(document.querySelector('main h1')?.textContent)}" at ${location.pathname}` });
        continue;
      }
      // Every picture gets its chance: lazy ones below the screen would otherwise never load (nor fail).
      const images = [...element.querySelectorAll('img')];
      for (const img of images) img.loading = 'eager';
      if (images.length > 0) {
        await until(() => images.every((img) => img.complete), 10_000);
        // A failed picture's `error` event comes a task after `complete`; the app replaces it then.
        await sleep(30);
      }
      await frame();
      report.ms.pictures = performance.now() - t0 - report.ms.open;
      report.scrollWidth = document.documentElement.scrollWidth;
      report.clientWidth = document.documentElement.clientWidth;
      report.broken = [...element.querySelectorAll('img')].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.currentSrc || img.src);

      const viewport = document.documentElement.clientWidth;
      const all = [...element.querySelectorAll<HTMLElement>('*')];
      const scrollers = new Set(all.filter((e) => getComputedStyle(e).overflowX !== 'visible'));
      const insideScroller = (e: Element) => {
        for (let a = e.parentElement; a && a !== element; a = a.parentElement) if (scrollers.has(a as HTMLElement)) return true;
        return false;
      };
      for (const e of all) {
        if (insideScroller(e)) continue;
        const rect = e.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        // Its box, or text running out of its box (a word too long for the line), past the screen.
        const contentRight = scrollers.has(e) ? rect.right : rect.left + Math.max(rect.width, e.scrollWidth);
        if (contentRight > viewport + 1 || rect.left < -1) {
          report.wide.push(`${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} (${Math.round(rect.left)}–${Math.round(rect.right)} px)`);
        }
      }

      const prose = element.cloneNode(true) as HTMLElement;
      for (const e of prose.querySelectorAll('pre, code, .visually-hidden')) e.remove();
      // Block boundaries as spaces, so that words of two paragraphs do not run together.
      for (const e of prose.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, figcaption, blockquote, br')) e.append(' ');
      report.text = squash(prose.textContent);
      report.hrefs = [...element.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => !a.closest('.image-placeholder')).map((a) => a.href);
      report.ms.checks = performance.now() - t0 - report.ms.open - report.ms.pictures;
      reports.push(report);
    }
    return reports;
  }, batch);
}

/** Kinds of source syntax that must never reach the reader as text, with how to find them. */
export const SYNTAX_LEFTOVERS: { kind: string; pattern: RegExp }[] = [
  // `[text](address)`, or what is left of one: `](`.
  { kind: 'Markdown link "](" in the text', pattern: /\]\(/ },
  { kind: 'Markdown emphasis "**…**" in the text', pattern: /\*\*[^*\s][^*]{0,200}?\*\*|\*{4,}/ },
  { kind: 'heading attribute "{#…}" in the text', pattern: /\{#[^}\s]*[^}]*\}/ },
  { kind: 'Hugo shortcode "{{<" or "{{%" in the text', pattern: /\{\{[<%]/ },
  { kind: 'template tag "{%" in the text', pattern: /\{%/ },
  { kind: 'HTML tag (e.g. "<img") shown as text', pattern: /<\/?(?:img|a|p|div|span|br|figure|iframe|table|strong|em)\b[^<>]{0,200}>?/i },
];

/** The leftover around a match, for a readable failure line. */
export function excerpt(text: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const start = Math.max(0, match.index - 30);
  const end = Math.min(text.length, match.index + match[0].length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
