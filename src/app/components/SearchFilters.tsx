import { A } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For, Show, untrack } from 'solid-js';
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

/** Counts in the option labels: one formatter, not one per `toLocaleString` call. */
const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

/** The options of one month list: the archive's months, oldest first, none before `from` nor after `to`. */
function monthOptions(months: MonthKey[], labels: Map<MonthKey, string>, bounds: { from?: MonthKey; to?: MonthKey }) {
  return months.filter((m) => (!bounds.from || m >= bounds.from) && (!bounds.to || m <= bounds.to)).map((m) => ({ value: m, label: labels.get(m)! }));
}

/**
 * Category, outlet, month range and order of a search. Each change is handed over at once (the
 * page puts it in the URL); the month lists only offer months the archive holds, and "to" never
 * before "from".
 *
 * The lists are built when the reader first opens the filters (they are in a closed `<details>`
 * unless the search has filters): at 10,000 articles, 76 categories and 157 months twice took
 * 99–176 ms of the first render at 4× CPU, for lists nobody had asked to see.
 */
export function SearchFilters(props: { manifest: BundleManifest; search: SearchLocation; onChange: (filters: Filters) => void }) {
  const [opened, setOpened] = createSignal(untrack(() => hasSearchFilters(props.search) || props.search.sort !== undefined));
  const months = createMemo((): MonthKey[] => props.manifest.months.map((m) => m.month).sort());
  const monthLabels = createMemo(() => new Map(months().map((m) => [m, formatShortMonth(m)])));
  const change = (patch: Filters) => props.onChange({ ...searchFilters(props.search), ...patch });
  const categoryName = (slug: string) => findCategory(props.manifest, slug)?.label.name ?? slug;
  const summary = () => describeFilters(props.search, categoryName).join(', ');
  return (
    <details class="search-filters" open={untrack(opened)} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>
        Filters and order<Show when={summary()}>{(s) => <span class="search-filters__summary">: {s()}</span>}</Show>
      </summary>
      <Show when={opened()}>
        <div class="search-filters__grid">
          <FilterSelect
            label="Category"
            wide
            anyLabel="All categories"
            value={props.search.category}
            options={listCategories(props.manifest).map((c) => ({ value: c.slug, label: `${c.name} (${COUNT_FORMAT.format(c.count)})` }))}
            onChange={(category) => change({ category })}
          />
          <FilterSelect
            label="Outlet"
            wide
            anyLabel="All outlets"
            value={props.search.outlet}
            options={props.manifest.outlets.map((o) => ({ value: o.name, label: `${o.name} (${COUNT_FORMAT.format(o.count)})` }))}
            onChange={(outlet) => change({ outlet })}
          />
          <FilterSelect
            label="From"
            anyLabel="The first month"
            value={props.search.from}
            options={monthOptions(months(), monthLabels(), { to: props.search.to })}
            onChange={(from) => change({ from })}
          />
          <FilterSelect
            label="To"
            anyLabel="The latest month"
            value={props.search.to}
            options={monthOptions(months(), monthLabels(), { from: props.search.from })}
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
      </Show>
      <Show when={hasSearchFilters(props.search)}>
        <p class="search-filters__clear">
          <A href={searchPath({ q: props.search.q, ...(props.search.sort && { sort: props.search.sort }) })}>Clear filters</A>
        </p>
      </Show>
    </details>
  );
}
