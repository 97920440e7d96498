/**
 * The terms a query may ask the index for, so that the on-demand index (`termIndex.ts`) can load
 * them before the query runs: every term of every word of the query as typed and as each alias
 * spells it, the joined forms of neighbouring words, each with the prefix and typo tolerance the
 * search may use on it (the most of the search's and of its corrections': see `suggestQueries`).
 */
import { fuzzyDistance } from '../core/searchOptions';
import { isUnspaced } from '../core/searchTerms';
import { joinedVariants, parseQuery } from './compileQuery';
import { expandAliases } from './expandAliases';
import { suggestionDistance } from './suggestQueries';
import type { TermNeed } from './termIndex';

/** What `q` (with the archive's `aliases`) may need of the index; `typing` as `isTyping(q)`. */
export function termNeeds(q: string, aliases: readonly (readonly string[])[], typing: boolean): TermNeed[] {
  const needs = new Map<string, TermNeed>();
  const need = (term: string, prefix: boolean) => {
    const fuzzy = Math.max(fuzzyDistance(term), suggestionDistance(term));
    const seen = needs.get(term);
    if (seen) {
      seen.prefix ||= prefix;
      seen.fuzzy = Math.max(seen.fuzzy, fuzzy);
    } else needs.set(term, { term, prefix, fuzzy });
  };
  for (const text of expandAliases(q, aliases)) {
    const words = parseQuery(text);
    for (const [i, word] of words.entries()) {
      for (const terms of word) {
        for (const [j, term] of terms.entries()) need(term, isUnspaced(term) || (typing && i === words.length - 1 && j === terms.length - 1));
      }
    }
    for (const joined of joinedVariants(words)) need(joined.joined, typing && joined.last);
  }
  return [...needs.values()];
}
