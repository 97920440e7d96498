import { createAsync, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { getArticle } from '../archive/archiveData';
import { ArticleView } from '../components/ArticleView';
import { NotFound, WAYS_BACK, type NotFoundLink } from '../components/NotFound';
import { SavedCopyView } from '../components/SavedCopyView';
import { formatMonth } from '../formatDate';
import { decodeParam, monthFromParams, monthPath } from '../routePaths';

function ArticlePage(props: RouteSectionProps) {
  const month = () => monthFromParams(props.params.year, props.params.month);
  const page = createAsync(() => getArticle(month(), decodeParam(props.params.slug)));
  const waysBack = (): NotFoundLink[] => {
    const m = month();
    return m ? [{ href: monthPath(m), label: `Articles of ${formatMonth(m)}` }, ...WAYS_BACK] : WAYS_BACK;
  };
  return (
    <Show
      when={page()}
      fallback={
        <SavedCopyView
          month={month()}
          slug={decodeParam(props.params.slug)}
          fallback={
            <NotFound title="Article not found" links={waysBack()}>
              <p>There is no article at this address. The link may be mistyped or the article filed under another month; search finds it by its title.</p>
            </NotFound>
          }
        />
      }
    >
      {(p) => <ArticleView page={p()} />}
    </Show>
  );
}

export const articleRoute = {
  path: '/articles/:year/:month/:slug',
  component: ArticlePage,
  preload: ({ params }) => void getArticle(monthFromParams(params.year, params.month), decodeParam(params.slug)),
} satisfies RouteDefinition;
