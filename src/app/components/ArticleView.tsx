import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { ArticlePage } from '../archive/archiveData';
import { createArticleLinks } from '../articleBody/createArticleLinks';
import { formatMonth } from '../formatDate';
import { categoryPath, monthPath } from '../routePaths';
import { ArticleBody } from './ArticleBody';
import { ArticleLibraryBar } from './ArticleLibraryBar';
import { ArticleEnd, ReadingTime } from './ArticleEnd';
import { ArticleDate } from './ArticleDate';
import { LeavingArchiveDialog } from './LeavingArchiveDialog';
import { OriginalLinks } from './OriginalLinks';
import { PageHeading } from './PageHeading';
import { SourceLine } from './SourceLine';
import { TagList } from './TagList';

/**
 * The article page: category, title, byline and outlets, the body, then tags and originals. One
 * set of listeners serves every link in body and footer (in-app navigation, offline explanation).
 */
export function ArticleView(props: { page: ArticlePage }) {
  const article = () => props.page.article;
  const month = () => article().date.slice(0, 7);
  const links = createArticleLinks();
  return (
    <>
      <article class="article" on:click={links.onClick} on:pointerdown={links.onReach} on:focusin={links.onReach}>
        <header class="article__header">
          <Show when={props.page.category}>
            {(category) => (
              <p class="kicker">
                <A href={categoryPath(category().slug)}>{category().name}</A>
              </p>
            )}
          </Show>
          <PageHeading title={article().title} />
          <p class="byline">
            <Show when={article().author}>
              {(author) => (
                <>
                  By <span class="author">{author()}</span>
                  <span class="meta__sep" aria-hidden="true">·</span>
                </>
              )}
            </Show>
            <ArticleDate date={article().date} long />
            <ReadingTime body={article().body} />
          </p>
          <SourceLine sources={article().sources} />
          <ArticleLibraryBar page={props.page} />
        </header>
        <ArticleBody html={article().body} />
        <footer class="article__footer">
          <TagList tags={props.page.tags} />
          <OriginalLinks sources={article().sources} />
          <p class="more-link">
            More from <A href={monthPath(month())}>{formatMonth(month())}</A>
            <Show when={props.page.category}>
              {(category) => (
                <>
                  {' '}
                  or in <A href={categoryPath(category().slug)}>{category().name}</A>
                </>
              )}
            </Show>
            .
          </p>
          <ArticleEnd article={article()} />
        </footer>
      </article>
      <LeavingArchiveDialog link={links.leaving()} onClose={links.closeLeaving} />
    </>
  );
}
