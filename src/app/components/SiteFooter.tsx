import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { formatLongDate } from '../formatDate';
import { offlineReady } from '../pwa/registerServiceWorker';
import { ABOUT_PATH } from '../routePaths';
import { ManifestSlot } from './ManifestSlot';

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <ManifestSlot fallback={<p>An offline news archive.</p>}>
        {(manifest) => (
          <>
            <p>{manifest.description}</p>
            <p>
              {manifest.articleCount.toLocaleString('en-GB')} {manifest.articleCount === 1 ? 'article' : 'articles'} · edition of{' '}
              <time datetime={manifest.builtAt}>{formatLongDate(manifest.builtAt)}</time>
            </p>
            <Show when={offlineReady()}>
              <p>Saved on this device: you can read and search it offline.</p>
            </Show>
          </>
        )}
      </ManifestSlot>
      <p>
        <A href={ABOUT_PATH}>About this archive and its storage on this device</A>
      </p>
    </footer>
  );
}
