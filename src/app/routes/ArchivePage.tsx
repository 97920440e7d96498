import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getArchiveYears } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { formatArticleCount } from '../formatArticleCount';
import { MonthCountList } from '../components/MonthCountList';
import { ARCHIVE_PATH, yearPath } from '../routePaths';

/** Every year with its count and a link to its page; the months of the newest years inline. */
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
                <A href={yearPath(year.year)}>{year.year}</A> <span class="count">{formatArticleCount(year.count)}</span>
              </h2>
              <Show
                when={year.months}
                fallback={
                  <p class="year__more">
                    <A href={yearPath(year.year)}>
                      {year.monthCount} {year.monthCount === 1 ? 'month' : 'months'}
                      <span class="visually-hidden"> of {year.year}</span>
                    </A>
                  </p>
                }
              >
                {(months) => <MonthCountList year={year.year} months={months()} />}
              </Show>
            </section>
          )}
        </For>
      </Show>
    </>
  );
}

export const archiveRoute = {
  path: ARCHIVE_PATH,
  component: ArchivePage,
  preload: () => void getArchiveYears(),
} satisfies RouteDefinition;
