import { A } from '@solidjs/router';
import { formatLongDate } from '../formatDate';
import { ABOUT_PATH } from '../routePaths';
import { ManifestSlot } from './ManifestSlot';
import { OfflineStatus } from './OfflineStatus';

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
            <OfflineStatus variant="footer" />
          </>
        )}
      </ManifestSlot>
      <p>
        <A href={ABOUT_PATH}>About this archive and its storage on this device</A>
      </p>
    </footer>
  );
}
