import type { RouteDefinition } from '@solidjs/router';
import { createMemo, Show, untrack } from 'solid-js';
import { LibraryList } from '../components/LibraryList';
import { LibraryNav } from '../components/LibraryNav';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { formatArticleCount } from '../formatArticleCount';
import { library, loadLibrary } from '../reader/library';
import { newestSavedFirst } from '../reader/libraryLists';
import { SAVED_PATH } from '../routePaths';

/**
 * `/saved`: the articles saved on this device, the most recently saved first. The list is the one
 * found on arrival: an article unsaved here keeps its place (its Save toggle off), so that focus
 * and the reader's place stay put, and saving it again is one tap.
 */
function SavedPage() {
  void loadLibrary();
  const saved = createMemo(() => (library.loaded ? untrack(() => newestSavedFirst(Object.values(library.saved))) : undefined));
  return (
    <>
      <PageHeading title="Saved articles" />
      <LibraryNav />
      <Show when={saved()} fallback={<LoadingState />}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<p class="lede">No saved articles yet. Save an article from its page or from any list, and it is kept here, offline too.</p>}
          >
            <p class="lede">
              {formatArticleCount(list().length)} saved on this device, the most recently saved first. Each stays readable offline, and from the copy kept here if a
              new edition withdraws it.
            </p>
            <LibraryList refs={list()} path={SAVED_PATH} checkWithdrawn />
          </Show>
        )}
      </Show>
    </>
  );
}

export const savedRoute = {
  path: SAVED_PATH,
  component: SavedPage,
  preload: () => void loadLibrary(),
} satisfies RouteDefinition;
