import { createResource, Show } from 'solid-js';
import { loadManifest } from '../archive/archiveData';
import { chooseSave } from '../pwa/offlineSaving';
import { supportsOffline } from '../pwa/registerServiceWorker';
import { saveDeferred } from '../pwa/storageChoice';
import { ReadingSettings } from './ReadingSettings';
import { StoredYears } from './StoredYears';

/**
 * The About page's section of the reader's choices: text size and theme, and what this device
 * stores, by year, and the save the reader put off ("later"; the choice itself is in the band
 * under the header, as on every page).
 */
export function ReaderChoices() {
  const [manifest] = createResource(() => loadManifest());
  return (
    <>
      <section aria-labelledby="about-reading-heading">
        <h2 id="about-reading-heading">Text and theme</h2>
        <ReadingSettings />
      </section>
      <Show when={supportsOffline()}>
        <section aria-labelledby="about-years-heading">
          <h2 id="about-years-heading">Stored by year</h2>
          <p>
            The articles of each year, as stored on this device. A year you remove is still in search and in the lists, but its articles open only with a connection. The
            search index and the images are not counted here.
          </p>
          <Show when={saveDeferred()}>
            <p>You chose to save the archive for offline reading later.</p>
            <p>
              <button type="button" class="button" onClick={() => void chooseSave('now')}>
                Save for offline now
              </button>
            </p>
          </Show>
          <Show when={manifest()}>{(m) => <StoredYears manifest={m()} />}</Show>
        </section>
      </Show>
    </>
  );
}
