/**
 * Query-side alias expansion: the archive lists spellings of one name (`["Albu Kamal", "Abu
 * Kamal", "Al-Bukamal"]`, `["ISIS", "Daesh", …]`), and a reader who types one should find the
 * articles that use another. The index stays as built; the query becomes "the query as typed, or
 * the query with that name spelt another way".
 */
import { findWords, wordForms } from '../core/searchTerms';

/**
 * Spellings shorter than this are neither looked for nor put in: "IS" (for Islamic State) is also
 * the English word, and searching for it would match nearly every article.
 */
const MIN_SPELLING_LENGTH = 3;

/** Enough for a query naming a few aliased things; beyond it the variants add little. */
const MAX_VARIANTS = 16;

/** The folded terms of a text, a hyphenated word as its parts ("Al-Bukamal" → `al bukamal`). */
function terms(text: string): string[] {
  return findWords(text).flatMap((w) => wordForms(w.text)[0] ?? []);
}

function indexOfRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The query followed by its variants with each aliased name spelt the other ways, as
 * space-separated folded terms; just `[query]` when it names nothing aliased.
 */
export function expandAliases(query: string, aliases: readonly (readonly string[])[]): string[] {
  const groups = aliases
    .map((group) =>
      group
        .map(terms)
        .filter((spelling) => spelling.join(' ').length >= MIN_SPELLING_LENGTH)
        // Longest first, so "islamic state" is found before a shorter spelling inside it.
        .sort((a, b) => b.length - a.length),
    )
    .filter((group) => group.length > 1);
  let variants: string[][] = [terms(query)];
  for (const group of groups) {
    const added: string[][] = [];
    for (const variant of variants) {
      for (const spelling of group) {
        const at = indexOfRun(variant, spelling);
        if (at < 0) continue;
        for (const other of group) {
          if (other !== spelling) added.push([...variant.slice(0, at), ...other, ...variant.slice(at + spelling.length)]);
        }
        break;
      }
    }
    variants = [...variants, ...added];
  }
  const seen = new Set<string>();
  const unique = [query, ...variants.slice(1).map((v) => v.join(' '))].filter((v) => {
    const key = terms(v).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.slice(0, MAX_VARIANTS);
}
