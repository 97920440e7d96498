import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getLabelIndex } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { TagCloud } from '../components/TagCloud';
import { formatArticleCount } from '../formatArticleCount';
import { categoryPath, TAGS_PATH } from '../routePaths';

/**
 * Every category, one per line, then the most used tags as a wrapped list, with a link to every
 * tag (an archive of 100,000 articles may have thousands) when there are more.
 */
function CategoriesPage() {
  const index = createAsync(() => getLabelIndex());
  return (
    <>
      <PageHeading title="Categories" />
      <Show when={index()?.categories.length} fallback={<p>No article has a category yet.</p>}>
        <ul class="category-list">
          <For each={index()?.categories}>
            {(category) => (
              <li>
                <A href={categoryPath(category.slug)}>{category.name}</A>
                <span class="count">{formatArticleCount(category.count)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={index()}>
        {(i) => (
          <Show when={i().tags.length}>
            <section class="tag-index" aria-labelledby="tag-index-heading">
              <h2 id="tag-index-heading">{i().tags.length < i().tagCount ? 'Most used tags' : 'Tags'}</h2>
              <TagCloud tags={i().tags} />
              <Show when={i().tags.length < i().tagCount}>
                <p class="tag-index__all">
                  <A href={TAGS_PATH}>All {i().tagCount.toLocaleString('en-GB')} tags, A to Z</A>
                </p>
              </Show>
            </section>
          </Show>
        )}
      </Show>
    </>
  );
}

export const categoriesRoute = {
  path: '/categories',
  component: CategoriesPage,
  preload: () => void getLabelIndex(),
} satisfies RouteDefinition;
