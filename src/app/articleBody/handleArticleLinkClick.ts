import { classifyLink } from './classifyLink';

/** What a click on an article's link may lead to. */
export interface ArticleLinkActions {
  /** Client-side navigation to an in-app path (the router's `navigate`). */
  navigate(path: string): void;
  seemsOffline(): boolean;
  /** Explains that the link leaves the archive and needs a connection. */
  showLeaving(link: HTMLAnchorElement): void;
}

/**
 * The article's one click listener (event delegation over body and footer): an in-app link
 * (marked `data-app-path` by `prepareArticleBody`) navigates inside the app without a page load;
 * a link to the web, while offline, opens the explanation instead of the browser's error page.
 * Everything else, and a click with a modifier on an in-app link (new tab, new window), is left
 * to the browser.
 */
export function handleArticleLinkClick(event: MouseEvent, actions: ArticleLinkActions): void {
  if (event.defaultPrevented || event.button !== 0) return;
  const target = event.target as Partial<Element> | null;
  const link = typeof target?.closest === 'function' ? (target.closest('a[href]') as HTMLAnchorElement | null) : null;
  if (!link) return;
  const appPath = link.getAttribute('data-app-path');
  if (appPath !== null) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    actions.navigate(appPath);
    return;
  }
  if (classifyLink(link.getAttribute('href') ?? '') === 'external' && actions.seemsOffline()) {
    event.preventDefault();
    actions.showLeaving(link);
  }
}
