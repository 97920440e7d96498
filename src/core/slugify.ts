/**
 * A lowercase ASCII slug: diacritics folded, apostrophes dropped, everything else that is not a
 * letter or digit becomes one hyphen. Scripts without a Latin form (Arabic, CJK) are kept as they
 * are so that such titles still get a readable, unique slug.
 */
export function slugify(text: string, maxLength = 80): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded;
  const cut = folded.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
