/**
 * A lowercase slug in any script: compatibility forms unified (full-width `Ａ` → `a`, `ﬁ` → `fi`),
 * diacritics folded on Latin letters (`Núñez` → `nunez`), apostrophes dropped, everything that
 * is not a letter, digit or mark becomes one hyphen, and the result is NFC.
 *
 * Other scripts keep their marks, because there they are part of the letter: the voicing mark
 * of `ガ` (ガンダム must not become カンタム), Arabic vowel signs, Devanagari vowels. Letters
 * that are modifiers, like the Japanese prolonged sound mark `ー` and the iteration mark `々`,
 * are letters. A slug is valid exactly when slugify leaves it as it is ({@link isSlug}).
 */
export function slugify(text: string, maxLength = 80): string {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    // Lowercasing can itself decompose (İ → i + U+0307), so decompose again before folding.
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    // A mark with no letter or digit to sit on would start a segment with nothing visible.
    .replace(/(?<![\p{L}\p{N}\p{M}])\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded;
  // Never cut a character in two (a surrogate pair), nor end on a hyphen.
  let cut = folded.slice(0, maxLength);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** True for a slug as {@link slugify} makes them: non-empty, and unchanged by slugify. */
export function isSlug(value: string): boolean {
  return value !== '' && slugify(value, Number.POSITIVE_INFINITY) === value;
}

/**
 * The slug of a label or title, or, when the text has no letter or digit (`___`, `★`), a stable
 * stand-in derived from the text itself: `label-3f9a0c2e71`. The same text always gets the same
 * slug, so re-importing never adds a second label.
 */
export function slugOrFallback(text: string, prefix: string, maxLength = 80): string {
  return slugify(text, maxLength) || `${slugify(prefix) || 'x'}-${shortHash(text)}`;
}

/**
 * Ten hex digits of a 53-bit string hash (cyrb53, public domain): pure, so that src/core stays
 * free of node:crypto; plenty to keep a handful of label names apart.
 */
function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0').slice(-10);
}
