import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getLabelIndex } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { TagLink } from '../components/TagLink';
import { formatArticleCount } from '../formatArticleCount';
import { categoryPath } from '../routePaths';

/** Every category, one per line, then every tag as a wrapped list (an archive may have fifty). */
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
      <Show when={index()?.tags.length}>
        <section class="tag-index" aria-labelledby="tag-index-heading">
          <h2 id="tag-index-heading">Tags</h2>
          <ul class="tag-list">
            <For each={index()?.tags}>
              {(tag) => (
                <li>
                  <TagLink tag={tag} count={tag.count} />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}

export const categoriesRoute = {
  path: '/categories',
  component: CategoriesPage,
  preload: () => void getLabelIndex(),
} satisfies RouteDefinition;
