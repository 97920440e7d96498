import { A } from '@solidjs/router';
import { createResource, For, Show, Suspense } from 'solid-js';
import type { BundleListingItem } from '../../core/format';
import type { MonthKey } from '../../core/types';
import { archiveFiles, loadManifest } from '../archive/archiveData';
import { formatMonth } from '../formatDate';
import { monthNeighbours, type MonthNeighbours } from '../reader/monthNeighbours';
import { articlePath } from '../routePaths';

function neighbourLinks(n: MonthNeighbours): { label: string; item: BundleListingItem }[] {
  return [
    { label: 'Newer', item: n.newer },
    { label: 'Older', item: n.older },
  ].filter((link): link is { label: string; item: BundleListingItem } => link.item !== undefined);
}

/**
 * The newer and older articles of the same month, at an article's end (read from the month's
 * listing files: `reader/monthNeighbours.ts`). Nothing is shown while they load or if they cannot.
 */
export function MonthNeighbourLinks(props: { month: MonthKey; slug: string }) {
  const [neighbours] = createResource(
    () => ({ month: props.month, slug: props.slug }),
    async ({ month, slug }): Promise<MonthNeighbours> => monthNeighbours(await loadManifest(), archiveFiles, month, slug).catch(() => ({})),
  );
  // A boundary of its own: the article is painted without waiting for its neighbours.
  return (
    <Suspense>
      <Show when={neighbours.latest && (neighbours.latest.newer || neighbours.latest.older) ? neighbours.latest : undefined}>
        {(n) => (
          <nav class="month-neighbours" aria-label={`More of ${formatMonth(props.month)}`}>
            <ul>
              <For each={neighbourLinks(n())}>
                {(link) => (
                  <li>
                    <span class="month-neighbours__label">{link.label}</span>
                    <A href={articlePath(props.month, link.item.slug)}>{link.item.title}</A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        )}
      </Show>
    </Suspense>
  );
}
