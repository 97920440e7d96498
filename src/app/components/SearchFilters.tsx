import { A } from '@solidjs/router';
import { createUniqueId, For, Show, untrack } from 'solid-js';
import type { BundleManifest } from '../../core/format';
import type { MonthKey } from '../../core/types';
import { findCategory, listCategories } from '../archive/archiveQueries';
import { describeFilters } from '../describeSearch';
import { formatShortMonth } from '../formatDate';
import { defaultSearchSort, hasSearchFilters, searchFilters, searchPath, type SearchFilters as Filters, type SearchLocation } from '../routePaths';

/** One labelled `<select>`; the empty value means "any". */
function FilterSelect(props: {
  label: string;
  value: string | undefined;
  anyLabel?: string;
  options: { value: string; label: string; disabled?: boolean }[];
  onChange: (value: string | undefined) => void;
  wide?: boolean;
}) {
  const id = createUniqueId();
  return (
    <div class="search-filters__field" classList={{ 'search-filters__field--wide': props.wide }}>
      <label for={id}>{props.label}</label>
      <select id={id} onChange={(event) => props.onChange(event.currentTarget.value || undefined)}>
        <Show when={props.anyLabel}>
          <option value="" selected={!props.value}>
            {props.anyLabel}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value} disabled={option.disabled}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/**
 * Category, outlet, month range and order of a search. Each change is handed over at once (the
 * page puts it in the URL); the month lists only offer months the archive holds, and "to" never
 * before "from".
 */
export function SearchFilters(props: { manifest: BundleManifest; search: SearchLocation; onChange: (filters: Filters) => void }) {
  const months = (): MonthKey[] => props.manifest.months.map((m) => m.month).sort();
  const change = (patch: Filters) => props.onChange({ ...searchFilters(props.search), ...patch });
  const categoryName = (slug: string) => findCategory(props.manifest, slug)?.label.name ?? slug;
  const summary = () => describeFilters(props.search, categoryName).join(', ');
  return (
    <details class="search-filters" open={untrack(() => hasSearchFilters(props.search) || props.search.sort !== undefined)}>
      <summary>
        Filters and order<Show when={summary()}>{(s) => <span class="search-filters__summary">: {s()}</span>}</Show>
      </summary>
      <div class="search-filters__grid">
        <FilterSelect
          label="Category"
          wide
          anyLabel="All categories"
          value={props.search.category}
          options={listCategories(props.manifest).map((c) => ({ value: c.slug, label: `${c.name} (${c.count.toLocaleString('en-GB')})` }))}
          onChange={(category) => change({ category })}
        />
        <FilterSelect
          label="Outlet"
          wide
          anyLabel="All outlets"
          value={props.search.outlet}
          options={props.manifest.outlets.map((o) => ({ value: o.name, label: `${o.name} (${o.count.toLocaleString('en-GB')})` }))}
          onChange={(outlet) => change({ outlet })}
        />
        <FilterSelect
          label="From"
          anyLabel="The first month"
          value={props.search.from}
          options={months()
            .filter((m) => !props.search.to || m <= props.search.to)
            .map((m) => ({ value: m, label: formatShortMonth(m) }))}
          onChange={(from) => change({ from })}
        />
        <FilterSelect
          label="To"
          anyLabel="The latest month"
          value={props.search.to}
          options={months()
            .filter((m) => !props.search.from || m >= props.search.from)
            .map((m) => ({ value: m, label: formatShortMonth(m) }))}
          onChange={(to) => change({ to })}
        />
        <FilterSelect
          label="Order"
          wide
          value={props.search.sort ?? defaultSearchSort(props.search.q)}
          options={[
            // Without words there is nothing to rank by.
            { value: 'relevance', label: 'Best match first', disabled: !props.search.q },
            { value: 'newest', label: 'Newest first' },
          ]}
          onChange={(sort) => change({ sort: sort === 'newest' || sort === 'relevance' ? sort : undefined })}
        />
      </div>
      <Show when={hasSearchFilters(props.search)}>
        <p class="search-filters__clear">
          <A href={searchPath({ q: props.search.q, ...(props.search.sort && { sort: props.search.sort }) })}>Clear filters</A>
        </p>
      </Show>
    </details>
  );
}
