import { Show } from 'solid-js';
import { storageLow, storageUse } from '../pwa/storageStatus';
import { describeStorageShortage } from '../pwa/storageUse';

/** Says that the device is (almost) out of storage for this app, and that reading goes on. */
export function StorageNotice(props: { class?: string }) {
  return (
    <Show when={storageLow()}>
      <p class={`storage-notice ${props.class ?? ''}`.trim()} role="status">
        {describeStorageShortage(storageUse())}
      </p>
    </Show>
  );
}
