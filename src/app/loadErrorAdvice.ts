import { SearchError } from '../search/client';
import { BundleLoadError } from './archive/bundleLoader';

/** What to tell a reader whose page (or search) could not load, in plain words. */
export function loadErrorAdvice(error: unknown): string {
  const failure = error instanceof BundleLoadError || error instanceof SearchError ? error.failure : undefined;
  if (failure === 'format') {
    return 'This copy of the archive was made for a newer version of the reader. Reload the page to update it.';
  }
  if (failure === 'offline' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return 'You seem to be offline, and this part of the archive has not been saved on this device yet. Connect to the internet and try again.';
  }
  return 'Part of the archive could not be loaded. Try again in a moment.';
}

/** The technical message, for the "details" disclosure. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
