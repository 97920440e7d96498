import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, type JSX } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import { getManifest } from '../archive/archiveData';

/**
 * Renders from the manifest outside the page's boundaries (header, footer): until it loads, or
 * if it cannot, the fallback stands in and the page's own error message explains.
 */
export function ManifestSlot(props: { fallback: JSX.Element; children: (manifest: BundleManifest) => JSX.Element }) {
  const manifest = createAsync(() => getManifest());
  return (
    <ErrorBoundary fallback={props.fallback}>
      <Suspense fallback={props.fallback}>
        <Show when={manifest()} fallback={props.fallback}>
          {(m) => props.children(m())}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
