import { createAsync, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { getMonthPage } from '../archive/archiveData';
import { ArticleList } from '../components/ArticleList';
import { MonthPager } from '../components/MonthPager';
import { NotFound, WAYS_BACK } from '../components/NotFound';
import { PageHeading } from '../components/PageHeading';
import { formatMonth } from '../formatDate';
import { monthFromParams } from '../routePaths';

function MonthPage(props: RouteSectionProps) {
  const month = () => monthFromParams(props.params.year, props.params.month);
  const page = createAsync(() => getMonthPage(month()));
  const asked = () => {
    const m = month();
    return m ? formatMonth(m) : 'this address';
  };
  return (
    <Show
      when={page()}
      fallback={
        <NotFound title="No articles for this month" links={WAYS_BACK}>
          <p>The archive holds no articles for {asked()}. The list of months shows which ones it has.</p>
        </NotFound>
      }
    >
      {(p) => (
        <>
          <PageHeading title={formatMonth(p().month)} />
          <p class="lede">
            {p().items.length} {p().items.length === 1 ? 'article' : 'articles'}, newest first.
          </p>
          <ArticleList items={p().items} showSummary />
          <MonthPager older={p().older} newer={p().newer} />
        </>
      )}
    </Show>
  );
}

export const monthRoute = {
  path: '/archive/:year/:month',
  component: MonthPage,
  preload: ({ params }) => void getMonthPage(monthFromParams(params.year, params.month)),
} satisfies RouteDefinition;
