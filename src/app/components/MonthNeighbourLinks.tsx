import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import type { MonthKey } from '../../core/types';
import { archiveFiles, loadManifest } from '../archive/archiveData';
import { formatMonth } from '../formatDate';
import { monthNeighbours, type MonthNeighbours } from '../reader/monthNeighbours';
import { articlePath } from '../routePaths';

/**
 * The newer and older articles of the same month, at an article's end (read from the month's
 * listing files: `reader/monthNeighbours.ts`). Nothing is shown while they load or if they cannot.
 */
export function MonthNeighbourLinks(props: { month: MonthKey; slug: string }) {
  const [neighbours] = createResource(
    () => ({ month: props.month, slug: props.slug }),
    async ({ month, slug }): Promise<MonthNeighbours> => monthNeighbours(await loadManifest(), archiveFiles, month, slug).catch(() => ({})),
  );
  return (
    <Show when={neighbours.latest && (neighbours.latest.newer || neighbours.latest.older) ? neighbours.latest : undefined}>
      {(n) => (
        <nav class="month-neighbours" aria-label={`More of ${formatMonth(props.month)}`}>
          <ul>
            <Show when={n().newer}>
              {(item) => (
                <li>
                  <span class="month-neighbours__label">Newer</span>
                  <A href={articlePath(props.month, item().slug)}>{item().title}</A>
                </li>
              )}
            </Show>
            <Show when={n().older}>
              {(item) => (
                <li>
                  <span class="month-neighbours__label">Older</span>
                  <A href={articlePath(props.month, item().slug)}>{item().title}</A>
                </li>
              )}
            </Show>
          </ul>
        </nav>
      )}
    </Show>
  );
}
