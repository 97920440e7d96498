/**
 * "Did you mean": when no article has every word of a query, the query with its unknown words
 * replaced by the nearest spellings the index knows, each suggestion checked to find something
 * under the same filters. MiniSearch's `autoSuggest` offers phrases of terms that occur together
 * in one article ("gs gsa" for "gsx"), which reads oddly as a correction; this keeps one word for
 * one word.
 */
import type { SearchableIndex } from './indexParts';
import type { SearchResult } from 'minisearch';
import type { SearchDocument } from '../core/searchOptions';
import { isUnspaced } from '../core/searchTerms';
import { COMPILED_QUERY_OPTIONS, compileQuery, editDistance, type QueryWord } from './compileQuery';

/**
 * Letters a correction may change: one in a word of three to five letters (where the search itself
 * tolerates none up to four), two beyond (as the search; more would be slow and far-fetched).
 */
export function suggestionDistance(term: string): number {
  const length = [...term].length;
  return length <= 2 || isUnspaced(term) ? 0 : length <= 5 ? 1 : 2;
}

type Filter = ((result: SearchResult) => boolean) | undefined;

const exact = { ...COMPILED_QUERY_OPTIONS, prefix: false, fuzzy: false };

function finds(index: SearchableIndex, words: readonly QueryWord[], filter: Filter): boolean {
  return index.search(compileQuery(words, 'AND', { typing: false, distance: () => 0 }), { ...exact, filter }).length > 0;
}

/** Terms of the index near `term`, closest first, then those in the most articles. */
function nearTerms(index: SearchableIndex, term: string, filter: Filter): string[] {
  const distance = suggestionDistance(term);
  if (distance === 0) return [];
  const articles = new Map<string, number>();
  for (const result of index.search({ queries: [term], fuzzy: distance, prefix: false }, { ...COMPILED_QUERY_OPTIONS, filter })) {
    for (const t of result.terms) articles.set(t, (articles.get(t) ?? 0) + 1);
  }
  return [...articles]
    .filter(([t]) => t !== term)
    .map(([t, count]) => ({ t, count, edits: editDistance(term, t) }))
    .sort((a, b) => a.edits - b.edits || b.count - a.count || a.t.localeCompare(b.t))
    .map((c) => c.t);
}

/**
 * Up to `max` corrections of a query's words (as folded terms joined by spaces), each finding at
 * least one article under `filter`; none when every word is already known.
 */
export function suggestQueries(index: SearchableIndex, words: readonly QueryWord[], filter: Filter, max: number): string[] {
  // For each word: itself when the index has it, else its nearest spellings (a plain word only).
  const choices = words.map((word): QueryWord[] => {
    if (finds(index, [word], filter)) return [word];
    const only = word.length === 1 && word[0]!.length === 1 ? word[0]![0]! : undefined;
    const near = only === undefined ? [] : nearTerms(index, only, filter).slice(0, max);
    return near.length > 0 ? near.map((t) => [[t]]) : [word];
  });
  if (choices.every((c, i) => c[0] === words[i])) return [];

  // The best spelling of every word, then the next best of each word in turn.
  const candidates: QueryWord[][] = [choices.map((c) => c[0]!)];
  for (let rank = 1; rank < max; rank++) {
    for (const [i, c] of choices.entries()) {
      if (c[rank]) candidates.push(candidates[0]!.map((w, j) => (j === i ? c[rank]! : w)));
    }
  }
  const out: string[] = [];
  for (const candidate of candidates) {
    if (out.length >= max) break;
    const text = candidate.map((w) => w[0]!.join('-')).join(' ');
    if (!out.includes(text) && finds(index, candidate, filter)) out.push(text);
  }
  return out;
}
