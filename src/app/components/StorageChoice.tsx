import { Show } from 'solid-js';
import { chooseSave } from '../pwa/offlineSaving';
import { describeSaveChoice, saveChoice } from '../pwa/storageChoice';
import { formatBytes } from '../pwa/formatBytes';

/**
 * Before the first full save on a slow or metered connection: how much saving the archive
 * stores, and the reader's choice of save now, text only or later. Once chosen the buttons go,
 * so focus moves to the page.
 */
export function StorageChoice() {
  const choose = (choice: 'now' | 'text only' | 'later') => {
    void chooseSave(choice);
    document.getElementById('main')?.focus();
  };
  return (
    <Show when={saveChoice()}>
      {(choice) => (
        <div class="storage-choice" role="status">
          <p>{describeSaveChoice(choice())}</p>
          <div class="storage-choice__actions">
            <button type="button" class="button" onClick={() => choose('now')}>
              Save now
            </button>
            <Show when={choice().imageBytes > 0}>
              <button type="button" class="button button--quiet" onClick={() => choose('text only')}>
                Text only ({formatBytes(choice().textBytes)})
              </button>
            </Show>
            <button type="button" class="button button--quiet" onClick={() => choose('later')}>
              Later
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
