import { Show } from 'solid-js';
import type { ArticleListItem } from '../archive/archiveQueries';
import { isSaved, markUnread, readingOf, toggleSaved, withdrawnState } from '../reader/library';
import { describeReading, refFromListItem } from '../reader/libraryLists';

/**
 * Under an article in a list: its Save toggle, how far it was read ("Read", "45% read") with Mark
 * unread, and, on the reader's own lists, whether a new edition withdrew it. Reads the one shared
 * library store by id (no database read per item); the changes are said by `announce`.
 */
export function LibraryMarks(props: { item: ArticleListItem }) {
  const entry = () => readingOf(props.item.id);
  return (
    <div class="library-marks">
      <button
        type="button"
        class="save-toggle"
        aria-label={`Save: ${props.item.title}`}
        aria-pressed={isSaved(props.item.id)}
        onClick={() => void toggleSaved(refFromListItem(props.item))}
      >
        Save
      </button>
      <Show when={describeReading(entry())}>{(text) => <span class="reading-mark">{text()}</span>}</Show>
      <Show when={entry()?.read}>
        <button type="button" class="link-button" aria-label={`Mark unread: ${props.item.title}`} onClick={() => void markUnread(props.item.id)}>
          Mark unread
        </button>
      </Show>
      <Show when={withdrawnState(props.item.id)}>
        {(state) => <span class="withdrawn-mark">{state() === 'copy' ? 'Withdrawn from the archive: your saved copy opens' : 'Withdrawn from the archive'}</span>}
      </Show>
    </div>
  );
}
