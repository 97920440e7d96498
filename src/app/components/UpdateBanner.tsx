import { Show } from 'solid-js';
import { updateHeadline } from '../pwa/editionUpdate';
import { applyUpdate, deferUpdate, updateDeferred, updateWaiting, updating } from '../pwa/serviceWorkerState';
import { StorageChoice } from './StorageChoice';
import { StorageNotice } from './StorageNotice';

/**
 * Notices under the header: a new version (app or archive edition) installed and waiting, once it
 * is known what it brings (kept in view as the page scrolls: styles.css), storage running out,
 * and, before the first save on a slow or metered connection, the reader's choice of what to store. The prompt never takes focus; "Later" hands
 * focus back to the page, since the button it was on goes away.
 */
export function UpdateBanner() {
  const later = () => {
    deferUpdate();
    document.getElementById('main')?.focus();
  };
  return (
    <>
      <Show when={updateWaiting() && !updateDeferred() && updateHeadline()}>
        {(headline) => (
          <div class="update-banner" role="status">
            <p>{updating() ? 'Updating…' : `${headline()}.`}</p>
            <div class="update-banner__actions">
              <button type="button" class="button" disabled={updating()} onClick={() => applyUpdate()}>
                Update now
              </button>
              <button type="button" class="button button--quiet" disabled={updating()} onClick={later}>
                Later
              </button>
            </div>
          </div>
        )}
      </Show>
      <StorageNotice class="storage-notice--banner" />
      <StorageChoice />
    </>
  );
}
