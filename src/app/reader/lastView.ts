/**
 * The article the reader was in when the app was last put away (hidden or closed), so that the
 * installed app can reopen it (`reopenLastArticle`). Kept in localStorage, not in the reader's
 * database: it must be read synchronously, before the router reads the address, and it is a
 * pointer into the history (which holds the place), not data of its own.
 */
import { articleToReopen, type LastView } from './libraryLists';

const KEY = 'reader.lastView';

/** The app is being put away on this article (`path` relative to the router's base). */
export function rememberLastView(path: string, at = Date.now()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ path, at } satisfies LastView));
  } catch {
    // Storage refused (private mode, full): the app opens at home, as before.
  }
}

/** The reader left the article for another page: the app should not reopen it. */
export function forgetLastView(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

function readLastView(): LastView | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LastView> | null;
    return typeof value?.path === 'string' && typeof value.at === 'number' ? { path: value.path, at: value.at } : undefined;
  } catch {
    return undefined;
  }
}

/** `location.state` of a page reached by returning to it: the reader's place in it is restored. */
export interface ReturnState {
  readerPlace: true;
}

export function isReturnState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<ReturnState>).readerPlace === true;
}

/**
 * Started as an installed app at its start address, less than a day after it was put away on an
 * article: goes to that article (its place restored) before the router reads the address.
 */
export function reopenLastArticle(base: string): void {
  try {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const target = articleToReopen(readLastView(), {
      standalone: matchMedia('(display-mode: standalone)').matches,
      path: location.pathname.slice(base.length) || '/',
      navigation: navigation?.type,
      now: Date.now(),
    });
    if (target) history.replaceState({ readerPlace: true } satisfies ReturnState, '', `${base}${target}`);
  } catch (error) {
    console.warn(`reader data: could not reopen the last article (${String(error)})`);
  }
}
