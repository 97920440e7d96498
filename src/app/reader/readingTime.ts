/**
 * An article's reading time: words at an adult's silent reading pace, and for Chinese and
 * Japanese, which are written without spaces, characters at theirs. Rates from
 * Trauzettel-Klosinski et al., "Standardized assessment of reading performance" (IReST, 2012):
 * English 228 words a minute; Chinese 255 and Japanese 357 characters a minute (300 taken for both).
 */
import { htmlToPlainText } from '../../core/htmlToPlainText';

export const WORDS_PER_MINUTE = 228;
export const CJK_CHARACTERS_PER_MINUTE = 300;

const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Whole minutes to read `text`, at least 1. */
export function readingMinutes(text: string): number {
  const characters = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + characters / CJK_CHARACTERS_PER_MINUTE));
}

/** "4 min read" for an article's sanitised body HTML. */
export function describeReadingTime(bodyHtml: string): string {
  return `${readingMinutes(htmlToPlainText(bodyHtml))} min read`;
}
