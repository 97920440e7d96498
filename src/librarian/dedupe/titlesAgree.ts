/**
 * Whether two titles name the same story. Near-identical text alone is not enough to merge two
 * articles: posts built from one template (an event announcement, a job notice, a release note)
 * share most of their words and differ in what matters, and their titles say so. A republished
 * article keeps its title, give or take the site's name, a prefix or a changed word.
 */

/** Below this share of common title trigrams, two titles name different stories (see bench/duplicates.ts). */
export const TITLE_AGREEMENT = 0.5;

/** A title as compared: lowercase, marks off (any script), punctuation and spacing as one space. */
function titleForm(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Character trigrams, which work alike for spaced scripts and for Chinese or Japanese. */
function trigrams(text: string): Set<string> {
  const chars = Array.from(` ${text} `);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/**
 * How much two titles overlap, 0–1: the share of the shorter title's trigrams found in the
 * longer one, so that a site name added to one title ("… | Arab News") does not count against it.
 */
export function titleSimilarity(a: string, b: string): number {
  const [x, y] = [titleForm(a), titleForm(b)];
  if (x === y) return 1;
  if (x === '' || y === '') return 0;
  const [small, large] = [trigrams(x), trigrams(y)].sort((p, q) => p.size - q.size) as [Set<string>, Set<string>];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return common / small.size;
}

/** The numbers a title states (a year, an edition, a count), as written. */
function numbersIn(title: string): Set<string> {
  return new Set(titleForm(title).match(/\p{N}+/gu) ?? []);
}

/**
 * True when two titles name the same story: they overlap at least {@link TITLE_AGREEMENT}, and
 * when both state numbers, they state the same ones ("Annual Report 2019" is not "… 2020").
 */
export function titlesAgree(a: string, b: string): boolean {
  if (titleSimilarity(a, b) < TITLE_AGREEMENT) return false;
  const [x, y] = [numbersIn(a), numbersIn(b)];
  return x.size === 0 || y.size === 0 || (x.size === y.size && [...x].every((n) => y.has(n)));
}
