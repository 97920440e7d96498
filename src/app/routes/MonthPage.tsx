import { createAsync, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { getMonthPage } from '../archive/archiveData';
import { parseMonthKey } from '../../core/monthKey';
import type { MonthKey } from '../../core/types';
import { Breadcrumb } from '../components/Breadcrumb';
import { ListingView } from '../components/ListingView';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { PeriodPager } from '../components/PeriodPager';
import { formatArticleCount } from '../formatArticleCount';
import { formatMonth } from '../formatDate';
import { ARCHIVE_PATH, monthFromParams, monthPath, pagesFromQuery, yearPath } from '../routePaths';
import { usePageParam } from './pageParam';

const monthLink = (month: MonthKey | undefined) => (month === undefined ? undefined : { href: monthPath(month), label: formatMonth(month) });

/** A month's articles, a page of them at a time (`?page=2`), with its year above and its neighbours below. */
function MonthPage(props: RouteSectionProps) {
  const month = () => monthFromParams(props.params.year, props.params.month);
  const page = usePageParam();
  const data = createAsync(() => getMonthPage(month(), page()));
  const asked = () => {
    const m = month();
    return m ? formatMonth(m) : 'this address';
  };
  // Nothing until the page is loaded (the route's boundary shows the loading state), so that the
  // not-found view is not built and thrown away on every opening.
  return (
    <Show when={data()}>
      {(loaded) => (
        <Show
          when={loaded().page}
          fallback={
            <NotFound title="No articles for this month" links={WAYS_BACK}>
              <p>The archive holds no articles for {asked()}. The list of months shows which ones it has.</p>
            </NotFound>
          }
        >
          {(p) => {
            const name = () => formatMonth(p().month);
            const year = () => parseMonthKey(p().month).year;
            const href = (n: number) => monthPath(p().month, n);
            return (
              <ListingView
                title={name()}
                lede={`${formatArticleCount(p().span.total)}, newest first.`}
                span={p().span}
                items={p().items}
                href={href}
                before={
                  <Breadcrumb
                    links={[
                      { href: ARCHIVE_PATH, label: 'Archive' },
                      { href: yearPath(year()), label: String(year()) },
                    ]}
                  />
                }
                after={
                  <PeriodPager
                    label="Other months"
                    older={monthLink(p().older)}
                    newer={monthLink(p().newer)}
                    all={{ href: yearPath(year()), label: `Months of ${year()}` }}
                  />
                }
              />
            );
          }}
        </Show>
      )}
    </Show>
  );
}

export const monthRoute = {
  path: '/archive/:year/:month',
  component: MonthPage,
  preload: ({ params, location }) => void getMonthPage(monthFromParams(params.year, params.month), pagesFromQuery(location.query.page)),
} satisfies RouteDefinition;
