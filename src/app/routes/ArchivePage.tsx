import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getArchiveYears } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { formatArticleCount } from '../formatArticleCount';
import { formatMonthName } from '../formatDate';
import { monthPath } from '../routePaths';

function ArchivePage() {
  const years = createAsync(() => getArchiveYears());
  return (
    <>
      <PageHeading title="Archive" />
      <Show when={years()?.length} fallback={<p>The archive has no articles yet.</p>}>
        <For each={years()}>
          {(year) => (
            <section class="year" aria-labelledby={`year-${year.year}`}>
              <h2 id={`year-${year.year}`}>
                {year.year} <span class="count">{formatArticleCount(year.count)}</span>
              </h2>
              <ul class="month-list">
                <For each={year.months}>
                  {(m) => (
                    <li>
                      <A href={monthPath(m.month)}>
                        {formatMonthName(m.month)}
                        <span class="visually-hidden"> {year.year}</span>
                      </A>
                      <span class="count">{formatArticleCount(m.count)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </>
  );
}

export const archiveRoute = {
  path: '/archive',
  component: ArchivePage,
  preload: () => void getArchiveYears(),
} satisfies RouteDefinition;
