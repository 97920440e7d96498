import { createEffect, Show } from 'solid-js';
import type { ArticlePage } from '../archive/archiveData';
import { createReadingPlace } from '../reader/createReadingPlace';
import { isSaved, markUnread, readingOf, refreshCopy, toggleSaved } from '../reader/library';
import { describeReading, refFromPage } from '../reader/libraryLists';

/**
 * On the article page: Save (with a copy of the article, so that it stays readable once an
 * edition withdraws it), how far it was read with Mark unread, and the tracking of the reader's
 * place in its body (see `createReadingPlace`).
 */
export function ArticleLibraryBar(props: { page: ArticlePage }) {
  let bar: HTMLDivElement | undefined;
  const ref = () => refFromPage(props.page);
  const id = () => props.page.article.id;
  createReadingPlace(ref, () => bar?.closest('article')?.querySelector<HTMLElement>('.article__body') ?? undefined);
  // A saved article opened again: its copy follows the edition (a correction, a new image).
  createEffect(() => void refreshCopy(props.page));
  return (
    <div class="library-marks library-marks--article" ref={bar}>
      <button type="button" class="save-toggle" aria-label="Save this article" aria-pressed={isSaved(id())} onClick={() => void toggleSaved(ref(), props.page)}>
        Save
      </button>
      <Show when={describeReading(readingOf(id()))}>{(text) => <span class="reading-mark">{text()}</span>}</Show>
      <Show when={readingOf(id())?.read}>
        <button type="button" class="link-button" onClick={() => void markUnread(id())}>
          Mark unread
        </button>
      </Show>
    </div>
  );
}
