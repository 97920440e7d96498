/**
 * A small stop-word guess of a text's language, for a dump that carries no
 * lang attribute: it decides how slash dates read and which function words
 * mark prose. Only the languages whose stop words are listed can be named.
 */

/** The most frequent short function words of each language, none shared with another list's top words. */
const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'are', 'this', 'have', 'from', 'it', 'on', 'by'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'ein', 'eine', 'auch', 'von', 'dem', 'zu'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec'],
  es: ['el', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'con', 'una', 'para', 'es', 'se', 'lo', 'como', 'más'],
  it: ['il', 'di', 'che', 'e', 'della', 'per', 'non', 'sono', 'gli', 'del', 'nel', 'alla', 'anche', 'una', 'con', 'è'],
  pt: ['o', 'os', 'de', 'que', 'não', 'do', 'da', 'em', 'um', 'para', 'com', 'uma', 'no', 'na', 'mais', 'foi'],
  nl: ['de', 'het', 'een', 'van', 'en', 'dat', 'niet', 'zijn', 'op', 'voor', 'met', 'ook', 'maar', 'wordt', 'aan', 'bij'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'że', 'do', 'jest', 'to', 'jak', 'po', 'od', 'za', 'oraz', 'przez'],
};

const WORD_SETS = Object.entries(STOP_WORDS).map(([language, words]) => [language, new Set(words)] as const);

/** Fewer counted words than this say nothing about a language. */
const MIN_HITS = 5;

/**
 * The language of `text` as a BCP 47 primary tag (`en`, `de`…), `ja`/`zh`/`ko`
 * when that script dominates, or null when the text is too short or in a
 * language not listed.
 */
export function guessLanguage(text: string): string | null {
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && (kana + han + hangul) / letters > 0.3) {
    if (hangul > kana + han) return 'ko';
    return kana > 0 ? 'ja' : 'zh';
  }
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [language, words] of WORD_SETS) if (words.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = MIN_HITS - 1;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}
