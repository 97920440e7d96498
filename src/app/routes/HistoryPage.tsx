import type { RouteDefinition } from '@solidjs/router';
import { createMemo, createSignal, Show, untrack } from 'solid-js';
import { LibraryList } from '../components/LibraryList';
import { LibraryNav } from '../components/LibraryNav';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { formatArticleCount } from '../formatArticleCount';
import { focusPageHeading } from '../focusHeadingOnNavigate';
import { announce } from '../reader/announce';
import { clearHistory, library, loadLibrary } from '../reader/library';
import { HISTORY_LIMIT, newestReadFirst } from '../reader/libraryLists';
import { HISTORY_PATH } from '../routePaths';

/** Clear, asked twice: it forgets every article read and the place in each. */
function ClearHistory(props: { count: number; onCleared: () => void }) {
  const [asking, setAsking] = createSignal(false);
  let confirm: HTMLButtonElement | undefined;
  let start: HTMLButtonElement | undefined;
  const ask = () => {
    setAsking(true);
    confirm?.focus();
  };
  const cancel = () => {
    setAsking(false);
    start?.focus();
  };
  const clear = async () => {
    if (await clearHistory()) {
      announce('History cleared.');
      props.onCleared();
      // The buttons go with the list: focus goes back to the top of the page.
      focusPageHeading();
    }
  };
  return (
    <div class="library-clear">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="button button--quiet" ref={start} onClick={ask}>
            Clear history
          </button>
        }
      >
        <p role="group" aria-label="Clear history">
          Forget {formatArticleCount(props.count)} and your place in each?{' '}
          <button type="button" class="button" ref={confirm} onClick={() => void clear()}>
            Clear
          </button>{' '}
          <button type="button" class="button button--quiet" onClick={cancel}>
            Cancel
          </button>
        </p>
      </Show>
    </div>
  );
}

/**
 * `/history`: the articles opened on this device, the most recently opened first, each with how
 * far it was read; Clear forgets them all. As on the saved page, the list is the one found on
 * arrival (an article marked unread here stays in its place).
 */
function HistoryPage() {
  void loadLibrary();
  const [cleared, setCleared] = createSignal(false);
  const history = createMemo(() => (cleared() ? [] : library.loaded ? untrack(() => newestReadFirst(Object.values(library.reading))) : undefined));
  return (
    <>
      <PageHeading title="History" />
      <LibraryNav />
      <Show when={history()} fallback={<LoadingState />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="lede">No history. Articles you open are listed here, with your place in each.</p>}>
            <p class="lede">
              {formatArticleCount(list().length)} opened on this device, the most recent first (the last {HISTORY_LIMIT.toLocaleString('en-GB')} are kept). Each
              opens where you left it.
            </p>
            <ClearHistory count={list().length} onCleared={() => setCleared(true)} />
            <LibraryList refs={list()} path={HISTORY_PATH} />
          </Show>
        )}
      </Show>
    </>
  );
}

export const historyRoute = {
  path: HISTORY_PATH,
  component: HistoryPage,
  preload: () => void loadLibrary(),
} satisfies RouteDefinition;
