import { createEffect, createSignal, Show } from 'solid-js';
import { copyText } from '../articleBody/copyText';

/**
 * Says that a link leads outside the archive and needs a connection, with its address to copy
 * for later. A modal `<dialog>`: the browser moves focus into it, keeps it there and closes it on
 * Escape; on close, focus goes back to the link.
 */
export function LeavingArchiveDialog(props: { link: HTMLAnchorElement | undefined; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  let address!: HTMLParagraphElement;
  const [copied, setCopied] = createSignal<boolean>();
  const href = () => props.link?.href ?? '';
  createEffect(() => {
    if (props.link && !dialog.open) {
      setCopied(undefined);
      dialog.showModal();
    } else if (!props.link && dialog.open) dialog.close();
  });
  const closed = () => {
    props.link?.focus();
    props.onClose();
  };
  return (
    <dialog ref={dialog} class="leaving-dialog" aria-labelledby="leaving-dialog-title" onClose={closed}>
      <h2 id="leaving-dialog-title">This page is outside the archive</h2>
      <p>The link leads to a page on the web, which needs a connection. This device seems to be offline; the archive itself stays readable.</p>
      <p class="leaving-dialog__address" ref={address}>
        {href()}
      </p>
      <p class="leaving-dialog__status" role="status">
        <Show when={copied() !== undefined}>{copied() ? 'Address copied.' : 'The address is selected: copy it from here.'}</Show>
      </p>
      <div class="leaving-dialog__actions">
        <button type="button" class="button" onClick={async () => setCopied(await copyText(href(), address))}>
          Copy address
        </button>
        <button type="button" class="button button--quiet" onClick={() => dialog.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
