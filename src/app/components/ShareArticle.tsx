import { createSignal, Show } from 'solid-js';
import type { Source } from '../../core/types';
import { copyText } from '../articleBody/copyText';
import { shareClipboardText, shareData, shareLinks } from '../reader/shareText';

/**
 * Share (the Web Share API, where the browser has it) and Copy link: the article's address in
 * this archive and the original's, shown as text too, so that a reader whose clipboard is refused
 * can select them by hand (`copyText` selects them then).
 */
export function ShareArticle(props: { title: string; sources: Source[] }) {
  const links = () => shareLinks(props.title, location.origin + location.pathname, props.sources);
  const [status, setStatus] = createSignal('');
  let addresses!: HTMLDivElement;
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const share = async () => {
    try {
      await navigator.share(shareData(links()));
    } catch (error) {
      // The reader closed the share sheet: nothing to say. Anything else: the copy fallback.
      if ((error as { name?: unknown }).name !== 'AbortError') await copy();
    }
  };
  const copy = async () => {
    setStatus('');
    const copied = await copyText(shareClipboardText(links()), addresses);
    setStatus(copied ? 'Link copied.' : 'Could not copy: the addresses above are selected; copy them from the menu.');
  };
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <div class="share__addresses" ref={addresses}>
        <p>
          In the archive: <span class="share__url">{links().inApp}</span>
        </p>
        <Show when={links().original}>
          {(original) => (
            <p>
              Original: <span class="share__url">{original()}</span>
            </p>
          )}
        </Show>
      </div>
      <div class="share__actions">
        <Show when={canShare}>
          <button type="button" class="button" onClick={() => void share()}>
            Share…
          </button>
        </Show>
        <button type="button" class={canShare ? 'button button--quiet' : 'button'} onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p class="share__status" role="status">
        {status()}
      </p>
    </section>
  );
}
