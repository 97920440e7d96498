import { Show } from 'solid-js';
import { applyUpdate, updateWaiting } from '../pwa/registerServiceWorker';

/** Offers the new version (app and archive edition) once the service worker has it installed. */
export function UpdateBanner() {
  return (
    <Show when={updateWaiting()}>
      <div class="update-banner" role="status">
        <p>A new edition of the archive is ready.</p>
        <button type="button" class="button" onClick={() => applyUpdate()}>
          Reload to update
        </button>
      </div>
    </Show>
  );
}
