import { bandKeys, jaccard, minHashSignature, shingles } from './minHash';

/**
 * Texts whose 4-word shingle sets overlap at least this much are near-identical; with agreeing
 * titles and dates (see sameArticle.ts) they are one article. Measured in bench/duplicates.ts.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/**
 * Finds near-duplicate texts: MinHash signatures bucketed by LSH bands propose candidates, and
 * the exact Jaccard similarity of the shingle sets confirms them, so a match is never a guess.
 */
/** A text's shingles and MinHash signature, computed once and used to look up and to add. */
export interface Fingerprint {
  set: Set<number>;
  bands: string[];
}

export function fingerprint(text: string): Fingerprint {
  const set = shingles(text);
  return { set, bands: bandKeys(minHashSignature(set)) };
}

export class DuplicateFinder<K> {
  private readonly buckets = new Map<string, K[]>();
  private readonly sets = new Map<K, Set<number>>();

  /** Adds a text (or its fingerprint) under a key. */
  add(key: K, text: string | Fingerprint): void {
    const print = typeof text === 'string' ? fingerprint(text) : text;
    this.sets.set(key, print.set);
    for (const band of print.bands) {
      const list = this.buckets.get(band);
      if (list) list.push(key);
      else this.buckets.set(band, [key]);
    }
  }

  /** The best match for a text among those added, with its similarity, if any reaches the threshold. */
  find(text: string | Fingerprint): { key: K; similarity: number } | undefined {
    return this.findAll(text)[0];
  }

  /**
   * Every text added whose similarity reaches `threshold`, most similar first, so that a caller can take the first that also passes its own checks.
   */
  findAll(text: string | Fingerprint, threshold = NEAR_DUPLICATE_THRESHOLD): { key: K; similarity: number }[] {
    const print = typeof text === 'string' ? fingerprint(text) : text;
    const seen = new Set<K>();
    const found: { key: K; similarity: number }[] = [];
    for (const band of print.bands) {
      for (const key of this.buckets.get(band) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        const similarity = jaccard(print.set, this.sets.get(key)!);
        if (similarity >= threshold) found.push({ key, similarity });
      }
    }
    // A stable sort: equally similar texts stay in the order the bands met them, as find() always did.
    return found.sort((a, b) => b.similarity - a.similarity);
  }
}
