import { createAsync } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { getManifest } from './archive/archiveData';

/** Shown until the manifest names the archive, or when it cannot be loaded. */
export const DEFAULT_SITE_NAME = 'News archive';

/**
 * Keeps `document.title` as "<page> · <archive name>" (just the archive name when the page
 * gives none), so that history, tabs and screen readers name each page.
 */
export function useDocumentTitle(pageTitle: () => string | undefined): void {
  const manifest = createAsync(() => getManifest());
  createEffect(() => {
    let siteName = DEFAULT_SITE_NAME;
    try {
      siteName = manifest()?.name ?? DEFAULT_SITE_NAME;
    } catch {
      // The page's error boundary reports a manifest that failed to load; keep the default name.
    }
    const title = pageTitle();
    document.title = title ? `${title} · ${siteName}` : siteName;
  });
}
