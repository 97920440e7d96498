import { NEAR_DUPLICATE_THRESHOLD } from './DuplicateFinder';
import { titlesAgree } from './titlesAgree';

/** What the merge rule looks at in each of two records. */
export interface MergeCandidate {
  title: string;
  /** ISO 8601, or null when unknown. */
  date: string | null;
}

/** Two dates further apart than this belong to two articles, however alike their texts. */
const MAX_DAYS_APART = 366;

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

/**
 * Whether two records at different (or unknown) addresses are one article published twice: their
 * texts near-identical (`similarity`, the Jaccard overlap of their shingles, at least
 * {@link NEAR_DUPLICATE_THRESHOLD}), their titles agreeing, and, when both are dated, published
 * within a year of each other. Template-built posts (a yearly notice, an event page) share most
 * of their words but not their titles or years. See bench/duplicates.ts for the measurements.
 */
export function sameArticle(a: MergeCandidate, b: MergeCandidate, similarity: number, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  if (similarity < threshold) return false;
  if (!titlesAgree(a.title, b.title)) return false;
  return !a.date || !b.date || !(daysApart(a.date, b.date) > MAX_DAYS_APART);
}
