/**
 * Terms of a sorted list within an edit distance of a term: what `SearchableMap#fuzzyGet` finds
 * in MiniSearch's radix tree, found in a layer's dictionary (a plain sorted array, as the bundle
 * ships it) without building a tree. The walk shares the work of a common prefix as the tree
 * does: terms are visited in order, the rows of the edit-distance table for the prefix a term
 * shares with the one before are kept, and once every entry of a row exceeds the distance, every
 * term with that prefix is skipped at once (found by binary search).
 */

/** The first index of `sorted` whose term is not less than `key` (UTF-16 code unit order). */
export function lowerBound(sorted: readonly string[], key: string, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest string greater than every string that starts with `prefix`. */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The terms of `sorted` (sorted by UTF-16 code unit, as `Array#sort` sorts strings) at most
 * `maxDistance` insertions, deletions or substitutions of a UTF-16 code unit away from `term`
 * (Levenshtein distance, as MiniSearch's fuzzy search counts), with their distances.
 */
export function termsWithin(sorted: readonly string[], term: string, maxDistance: number): Map<string, number> {
  const found = new Map<string, number>();
  const n = term.length;
  // rows[d]: the table's row after the first d letters of the candidate.
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)];
  let previous = '';
  let i = 0;
  while (i < sorted.length) {
    const candidate = sorted[i]!;
    let shared = 0;
    const limit = Math.min(previous.length, candidate.length, rows.length - 1);
    while (shared < limit && previous.charCodeAt(shared) === candidate.charCodeAt(shared)) shared++;
    let pruneAt = -1;
    for (let d = shared + 1; d <= candidate.length; d++) {
      const above = rows[d - 1]!;
      const row = (rows[d] ??= new Int32Array(n + 1));
      row[0] = d;
      let min = d;
      const code = candidate.charCodeAt(d - 1);
      for (let j = 1; j <= n; j++) {
        const cost = term.charCodeAt(j - 1) === code ? 0 : 1;
        const value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
        row[j] = value;
        if (value < min) min = value;
      }
      if (min > maxDistance) {
        pruneAt = d;
        break;
      }
    }
    if (pruneAt >= 0) {
      // No term starting with these letters can come within the distance.
      previous = candidate.slice(0, pruneAt);
      rows.length = pruneAt;
      i = lowerBound(sorted, afterPrefix(previous), i + 1);
      continue;
    }
    rows.length = candidate.length + 1;
    const distance = rows[candidate.length]![n]!;
    if (distance <= maxDistance) found.set(candidate, distance);
    previous = candidate;
    i++;
  }
  return found;
}
