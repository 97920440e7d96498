import { createResource, createSignal, Index, Show, Suspense } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import { formatArticleCount } from '../formatArticleCount';
import { formatBytes } from '../pwa/formatBytes';
import { offlineSave } from '../pwa/offlineSaving';
import { readStoredYears, setYearStored, type StoredYear } from '../pwa/storedYears';

function describeYear(y: StoredYear): string {
  if (y.removed) return `Removed (${formatBytes(y.bytes)})`;
  if (y.savedBytes >= y.bytes) return formatBytes(y.bytes);
  return `${formatBytes(y.savedBytes)} of ${formatBytes(y.bytes)}`;
}

/**
 * The articles stored on this device by year, with their sizes, and a button to remove a year
 * or add it back. Focus stays on the button pressed (its words change, it never goes away).
 */
export function StoredYears(props: { manifest: BundleManifest }) {
  const [busy, setBusy] = createSignal<string>();
  const [said, setSaid] = createSignal('');
  const [years, { refetch }] = createResource(
    () => ({ manifest: props.manifest, save: offlineSave() }),
    ({ manifest }) => readStoredYears(manifest),
  );
  const toggle = async (y: StoredYear) => {
    setBusy(y.year);
    try {
      await setYearStored(y.year, y.removed);
      setSaid(y.removed ? `${y.year} is being saved on this device again.` : `${y.year} was removed from this device.`);
      await refetch();
    } finally {
      setBusy(undefined);
    }
  };
  // A boundary of its own: the rest of the About page does not wait for the counts.
  return (
    <>
      <Suspense fallback={<p>Counting what is stored…</p>}>
        <Show when={years.latest} fallback={<p>Counting what is stored…</p>}>
          {(list) => (
            <table class="stored-years">
              <caption class="visually-hidden">Articles stored on this device, by year</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col">Stored</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {/* Rows kept by place, so that the button pressed stays (with focus) when the counts come again. */}
                <Index each={list()}>
                  {(y) => (
                    <tr>
                      <th scope="row">
                        {y().year} <span class="muted">({formatArticleCount(y().articles)})</span>
                      </th>
                      <td>{describeYear(y())}</td>
                      <td>
                        <button type="button" class="button button--quiet" aria-disabled={busy() !== undefined} onClick={() => busy() === undefined && void toggle(y())}>
                          {y().removed ? 'Add' : 'Remove'}
                          <span class="visually-hidden"> {y().year}</span>
                        </button>
                      </td>
                    </tr>
                  )}
                </Index>
              </tbody>
            </table>
          )}
        </Show>
      </Suspense>
      <p role="status">{said()}</p>
    </>
  );
}
