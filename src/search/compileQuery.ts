/**
 * A reader's words → a MiniSearch query tree. MiniSearch would cut and fold a query string with
 * the index's own `tokenize`/`processTerm`, but it treats every term it gets as one more word to
 * match; here each typed word stays one word, matched by any of its forms (`wordForms`), and each
 * term gets its own prefix and typo settings.
 */
import type { Query, QueryCombination } from 'minisearch';
import { fuzzyDistance, MIN_PREFIX_LENGTH } from '../core/searchOptions';
import { findWords, isUnspaced, wordForms } from '../core/searchTerms';

/** A word of a query: the alternatives it may be found by, each a list of terms all required. */
export type QueryWord = string[][];

/** Beyond this many words (a pasted paragraph) the rest of a query is ignored. */
export const MAX_QUERY_WORDS = 16;

/** The words of a query, each with its forms; words with no terms (lone punctuation) are left out. */
export function parseQuery(text: string): QueryWord[] {
  return findWords(text)
    .map((w) => wordForms(w.text))
    .filter((forms) => forms.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

/**
 * True when the reader is still typing the last word: the query does not end with a space. A word
 * that is finished ("army ") is not completed as a prefix ("armyworm").
 */
export function isTyping(text: string): boolean {
  return text.length > 0 && !/\s$/u.test(text);
}

/** Options under which every leaf of a compiled query is taken as the one term it holds. */
export const COMPILED_QUERY_OPTIONS = {
  tokenize: (text: string) => [text],
  processTerm: (term: string) => term,
} as const;

/** How a query's terms are matched beyond the exact term. */
export interface TermRules {
  /** True when the reader is still typing the last word (see {@link isTyping}). */
  typing: boolean;
  /** Typos tolerated in a term; `fuzzyDistance` unless the caller knows better. */
  distance?: (term: string) => number;
}

/**
 * One term: completed as a prefix when it ends the word being typed (and always for words of
 * scripts without spaces, whose segmentation the index and the query may not share); tolerant of
 * typos by its length (see `fuzzyDistance`).
 */
export function termQuery(term: string, prefix: boolean, distance: (term: string) => number = fuzzyDistance): QueryCombination {
  const unspaced = isUnspaced(term);
  const fuzzy = distance(term);
  const query: QueryCombination = {
    queries: [term],
    prefix: unspaced || (prefix && term.length >= MIN_PREFIX_LENGTH),
    fuzzy,
  };
  if (fuzzy >= 2) query.boostDocument = closerFirst(term);
  return query;
}

/** How much each further typo counts against a term found by typo tolerance. */
export const FURTHER_TYPO_WEIGHT = 0.3;

/**
 * MiniSearch scores a term two typos away almost as high as one a single typo away ("calipate":
 * `climate` 7/9, `caliphate` 8/9 of the typo weight), so that a common word beats the one meant;
 * this counts each typo beyond the first {@link FURTHER_TYPO_WEIGHT} against the match.
 */
function closerFirst(term: string): (id: unknown, matched: string) => number {
  const weights = new Map<string, number>();
  return (_id, matched) => {
    let weight = weights.get(matched);
    if (weight === undefined) {
      const typos = matched.startsWith(term) ? 0 : editDistance(term, matched);
      weight = typos > 1 ? FURTHER_TYPO_WEIGHT ** (typos - 1) : 1;
      weights.set(matched, weight);
    }
    return weight;
  };
}

/** Levenshtein distance: the letters to insert, delete or change to turn one term into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** One word: any of its forms, each form all of its terms; `prefix` for the word being typed. */
export function wordQuery(word: QueryWord, prefix: boolean, distance?: (term: string) => number): Query {
  const forms = word.map((terms): Query => {
    const leaves = terms.map((t, i) => termQuery(t, prefix && i === terms.length - 1, distance));
    return leaves.length === 1 ? leaves[0]! : { combineWith: 'AND', queries: leaves };
  });
  return forms.length === 1 ? forms[0]! : { combineWith: 'OR', queries: forms };
}

/** The whole query: every word (`AND`) or any word (`OR`); the last word a prefix when typing. */
export function compileQuery(words: readonly QueryWord[], combineWith: 'AND' | 'OR', rules: TermRules): QueryCombination {
  return {
    combineWith,
    queries: words.map((w, i) => wordQuery(w, rules.typing && i === words.length - 1, rules.distance)),
  };
}

/** The single term of a plain word (one form of one term) of a script with spaces, if it is one. */
function plainTerm(word: QueryWord | undefined): string | undefined {
  const only = word?.length === 1 && word[0]!.length === 1 ? word[0]![0] : undefined;
  return only !== undefined && !isUnspaced(only) ? only : undefined;
}

/**
 * The query with two neighbouring words written as one ("albu kamal" → "albukamal", "web site" →
 * "website"), once for each pair of plain words; the caller keeps those whose joined term the
 * index knows. The index has the joined form of every hyphenated word ("Al-Bukamal"), so this is
 * how words spaced in the query find words hyphenated in the text.
 */
export function joinedVariants(words: readonly QueryWord[]): { words: QueryWord[]; joined: string; last: boolean }[] {
  const variants: { words: QueryWord[]; joined: string; last: boolean }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = plainTerm(words[i]);
    const b = plainTerm(words[i + 1]);
    if (a === undefined || b === undefined) continue;
    const joined = a + b;
    variants.push({ words: [...words.slice(0, i), [[joined]], ...words.slice(i + 2)], joined, last: i + 2 === words.length });
  }
  return variants;
}
