/**
 * The extraction development set (`../shared/corpora/extraction-eval`): 884 real saved pages with
 * the snippets their main text must and must not contain, and their title, author and date. Every
 * fifth page (in the order of `evaldata.json`) is the check half: never tuned on, printed apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA_DIR } from '../../src/librarian/testing/tempArchive';

export const EVAL_DIR = path.join(CORPORA_DIR, 'extraction-eval');

export type Half = 'dev' | 'check';

export interface EvalPage {
  /** The page's original address (the key in evaldata.json). */
  url: string;
  /** File name under pages/. */
  file: string;
  half: Half;
  with: string[];
  without: string[];
  /** Null when the set gives none; '' is never kept (it means "names none"). */
  title: string | null;
  author: string | null;
  /** YYYY-MM-DD, or null when the page states none. */
  date: string | null;
}

interface RawEntry {
  file: string;
  with?: string[];
  without?: string[];
  title?: string | null;
  author?: string | string[] | null;
  date?: string | null;
}

function stated(value: string | string[] | null | undefined): string | null {
  const text = Array.isArray(value) ? value.join('; ') : value;
  return text && text.trim() !== '' ? text.trim() : null;
}

/** The pages that exist on disk, in the set's order, each with its half. */
export function loadEvalSet(): EvalPage[] {
  const raw = JSON.parse(readFileSync(path.join(EVAL_DIR, 'evaldata.json'), 'utf8')) as Record<string, RawEntry>;
  const pages: EvalPage[] = [];
  for (const [url, entry] of Object.entries(raw)) {
    if (!existsSync(path.join(EVAL_DIR, 'pages', entry.file))) continue;
    pages.push({
      url,
      file: entry.file,
      half: pages.length % 5 === 4 ? 'check' : 'dev',
      with: entry.with ?? [],
      without: entry.without ?? [],
      title: stated(entry.title),
      author: stated(entry.author),
      date: stated(entry.date)?.slice(0, 10) ?? null,
    });
  }
  return pages;
}
