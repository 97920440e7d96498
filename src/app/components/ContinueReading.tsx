import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { library, loadLibrary } from '../reader/library';
import { continueReading, describeReading } from '../reader/libraryLists';
import type { ReturnState } from '../reader/lastView';
import { articlePath, HISTORY_PATH } from '../routePaths';

const RETURN: ReturnState = { readerPlace: true };

/** The home page's "Continue reading": the last article begun and not finished, opened at the reader's place. */
export function ContinueReading() {
  void loadLibrary();
  const entry = () => continueReading(Object.values(library.reading));
  return (
    <Show when={entry()}>
      {(e) => (
        <section class="continue-reading" aria-labelledby="continue-heading">
          <h2 id="continue-heading">Continue reading</h2>
          <p class="continue-reading__title" dir="auto">
            <A href={articlePath(e().date, e().slug)} state={RETURN}>
              {e().title}
            </A>
          </p>
          <p class="meta">
            <span>{describeReading(e())}</span>
            <span class="meta__sep" aria-hidden="true">·</span>
            <A href={HISTORY_PATH}>History</A>
          </p>
        </section>
      )}
    </Show>
  );
}
