import { A, createAsync, type RouteDefinition } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getCategories } from '../archive/archiveData';
import { PageHeading } from '../components/PageHeading';
import { categoryPath } from '../routePaths';

function CategoriesPage() {
  const categories = createAsync(() => getCategories());
  return (
    <>
      <PageHeading title="Categories" />
      <Show when={categories()?.length} fallback={<p>No article has a category yet.</p>}>
        <ul class="category-list">
          <For each={categories()}>
            {(category) => (
              <li>
                <A href={categoryPath(category.slug)}>{category.name}</A>
                <span class="count">
                  {category.count.toLocaleString('en-GB')} {category.count === 1 ? 'article' : 'articles'}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

export const categoriesRoute = {
  path: '/categories',
  component: CategoriesPage,
  preload: () => void getCategories(),
} satisfies RouteDefinition;
