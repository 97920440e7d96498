import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArchiveMonthFile } from '../../core/format';
import { CJK_CHARACTERS_PER_MINUTE, describeReadingTime, readingMinutes, WORDS_PER_MINUTE } from './readingTime';

describe('readingMinutes', () => {
  it('counts words at the reading pace, the longest archived article (8,600 words) in about 38 minutes', () => {
    const month = JSON.parse(readFileSync('archive/articles/2013-07.json', 'utf8')) as ArchiveMonthFile;
    const article = month.articles.find((a) => a.slug === 'digital-metrics-for-federal-agencies')!;
    const minutes = Number(/^(\d+) min read$/.exec(describeReadingTime(article.body))![1]);
    expect(minutes).toBeGreaterThanOrEqual(Math.floor(8000 / WORDS_PER_MINUTE));
    expect(minutes).toBeLessThanOrEqual(Math.ceil(9000 / WORDS_PER_MINUTE));
  });

  it('counts Japanese by characters, not by the few space-separated runs', () => {
    const text = readFileSync('src/librarian/extract/testing/japanese.txt', 'utf8');
    const characters = text.match(/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/gu)!.length;
    // Ten of these pages: 2,220 characters, about 7 minutes; counted as words (runs between
    // spaces) they would make a few dozen words, under a minute.
    expect(characters * 10).toBe(2220);
    expect(text.repeat(10).split(/\s+/).length).toBeLessThan(WORDS_PER_MINUTE);
    // The dates' numerals count as words: a little over the characters' 7.4 minutes.
    expect(readingMinutes(text.repeat(10))).toBeGreaterThanOrEqual(Math.round((characters * 10) / CJK_CHARACTERS_PER_MINUTE));
    expect(readingMinutes(text.repeat(10))).toBeLessThanOrEqual(8);
  });

  it('says at least one minute, for a short note too', () => {
    expect(readingMinutes('Offline, every article stays readable.')).toBe(1);
    expect(readingMinutes('')).toBe(1);
  });
});
