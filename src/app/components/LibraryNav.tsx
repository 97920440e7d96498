import { A } from '@solidjs/router';
import { HISTORY_PATH, SAVED_PATH } from '../routePaths';

/** Between the reader's two lists: saved articles and history (the current one marked). */
export function LibraryNav() {
  return (
    <nav class="library-nav" aria-label="Your library">
      <A href={SAVED_PATH}>Saved articles</A>
      <A href={HISTORY_PATH}>History</A>
    </nav>
  );
}
