import { createAsync, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { getYearPage } from '../archive/archiveData';
import { Breadcrumb } from '../components/Breadcrumb';
import { MonthCountList } from '../components/MonthCountList';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { PageHeading } from '../components/PageHeading';
import { PeriodPager } from '../components/PeriodPager';
import { formatArticleCount } from '../formatArticleCount';
import { ARCHIVE_PATH, yearFromParam, yearPath } from '../routePaths';

/** `/archive/2017`: the year's months with their counts, January first, and the years either side. */
function YearPage(props: RouteSectionProps) {
  const year = () => yearFromParam(props.params.year);
  const summary = createAsync(() => getYearPage(year()));
  const yearLink = (y: number | undefined) => (y === undefined ? undefined : { href: yearPath(y), label: String(y) });
  return (
    <Show
      when={summary()}
      fallback={
        <NotFound title="No articles for this year" links={WAYS_BACK}>
          <p>The archive holds no articles for {year() ?? 'this address'}. The archive page lists the years it has.</p>
        </NotFound>
      }
    >
      {(y) => (
        <>
          <Breadcrumb links={[{ href: ARCHIVE_PATH, label: 'Archive' }]} />
          <PageHeading title={String(y().year)} />
          <p class="lede">
            {formatArticleCount(y().count)} in {y().months.length} {y().months.length === 1 ? 'month' : 'months'}.
          </p>
          <MonthCountList year={y().year} months={y().months} />
          <PeriodPager label="Other years" older={yearLink(y().older)} newer={yearLink(y().newer)} all={{ href: ARCHIVE_PATH, label: 'All years' }} />
        </>
      )}
    </Show>
  );
}

export const yearRoute = {
  path: '/archive/:year',
  component: YearPage,
  preload: ({ params }) => void getYearPage(yearFromParam(params.year)),
} satisfies RouteDefinition;
