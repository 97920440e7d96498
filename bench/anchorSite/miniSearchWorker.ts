/**
 * The naive MiniSearch anchor's worker: one MiniSearch index over every article (our options and
 * documents), fetched as one JSON file and loaded with `loadJSON` before the first answer.
 */
import MiniSearch from 'minisearch';
import { defaultSearchOptions, searchIndexOptions, type StoredFields } from '../../src/core/searchOptions';
import { PAGE_SIZE, serveSearch } from './protocol';

let index: Promise<MiniSearch> | undefined;

serveSearch(async (q) => {
  const loaded = await (index ??= fetch('/index.json')
    .then((response) => response.text())
    .then((json) => MiniSearch.loadJSON(json, searchIndexOptions)));
  const results = loaded.search(q, defaultSearchOptions);
  return {
    total: results.length,
    hits: results.slice(0, PAGE_SIZE).map((r) => {
      const stored = r as unknown as StoredFields;
      return { title: stored.title, date: stored.date, snippet: stored.outlets };
    }),
  };
});
