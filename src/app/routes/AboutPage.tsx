import { createAsync, type RouteDefinition } from '@solidjs/router';
import { createResource, createSignal, onMount, Show } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import { getManifest } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { formatArticleCount } from '../formatArticleCount';
import { formatLongDate } from '../formatDate';
import { ABOUT_PATH } from '../routePaths';
import { describeOfflineSave } from '../pwa/describeOfflineSave';
import { offlineSave, updateDownload } from '../pwa/offlineSaving';
import { supportsOffline } from '../pwa/registerServiceWorker';
import { refreshStorageStatus, storageUse } from '../pwa/storageStatus';
import { describeStorageUse } from '../pwa/storageUse';
import { KeepOnDevice } from '../components/KeepOnDevice';
import { ReaderDataSection } from '../components/ReaderDataSection';
import { ReaderChoices } from '../components/ReaderChoices';
import { describeSavedImages } from '../pwa/describeSavedImages';
import { loadTextOnly, savedBytes, setTextOnly, textOnly } from '../pwa/keepTextOnly';

/**
 * How much of the saved archive is images, and the reader's "Keep text only" choice: when on, no
 * image is saved on this device (those saved are deleted) and articles show placeholders offline.
 */
function ImagesOnDevice(props: { manifest: BundleManifest }) {
  const [busy, setBusy] = createSignal(false);
  onMount(() => void loadTextOnly());
  // Counted again as the save goes on and when the choice changes.
  const [bytes] = createResource(
    () => ({ manifest: props.manifest, textOnly: textOnly(), save: offlineSave() }),
    ({ manifest }) => savedBytes(manifest),
  );
  const choose = async (on: boolean) => {
    setBusy(true);
    try {
      await setTextOnly(on);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p aria-live="polite">
        <Show when={bytes.latest} fallback="Counting what is saved…">
          {/* In JSX, so that it follows the choice and the counts (a bare string would be computed once). */}
          {(b) => <>{describeSavedImages(b(), textOnly() === true)}</>}
        </Show>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={textOnly() === true}
            disabled={textOnly() === undefined || busy()}
            onChange={(event) => void choose(event.currentTarget.checked)}
          />{' '}
          Keep text only: save no images on this device
        </label>
      </p>
    </>
  );
}

/**
 * The archive's edition, and what this device holds of it. Storage running out is told by the
 * notice under the header, as on every page.
 */
function AboutPage() {
  const manifest = createAsync(() => getManifest());
  onMount(() => void refreshStorageStatus());
  return (
    <>
      <PageHeading title="About this archive" />
      <Show when={manifest()}>
        {(m) => (
          <dl class="about-facts">
            <dt>Archive</dt>
            <dd dir="auto">{m().name}</dd>
            <dt>Edition</dt>
            <dd>
              <code>{m().edition.slice(0, 12)}</code>, built <time datetime={m().builtAt}>{formatLongDate(m().builtAt)}</time>
            </dd>
            <dt>Articles</dt>
            <dd>{formatArticleCount(m().articleCount)}</dd>
          </dl>
        )}
      </Show>
      <section aria-labelledby="about-device-heading">
        <h2 id="about-device-heading">On this device</h2>
        <p>
          {supportsOffline()
            ? (describeOfflineSave(offlineSave()) ?? 'Not saved for offline yet: it is saved in the background while you read online.')
            : 'This browser cannot save the archive for offline reading.'}
        </p>
        <Show when={updateDownload()}>{(percent) => <p>Downloading a new edition: {percent()}%</p>}</Show>
        <Show when={supportsOffline() && manifest()}>{(m) => <ImagesOnDevice manifest={m()} />}</Show>
        <p>
          <Show when={storageUse()} fallback="This browser does not say how much storage the archive takes.">
            {(use) => <>{`Storage: ${describeStorageUse(use())} by this app on this device.`}</>}
          </Show>
        </p>
        <KeepOnDevice />
      </section>
      <ReaderDataSection />
      <ReaderChoices />
    </>
  );
}

export const aboutRoute = {
  path: ABOUT_PATH,
  component: AboutPage,
  preload: () => void getManifest(),
} satisfies RouteDefinition;
