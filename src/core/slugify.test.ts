import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSlug, slugify, slugOrFallback } from './slugify';
import { validateArchiveMeta } from './validateArchive';
import { ARCHIVE_FORMAT } from './format';

describe('slugify', () => {
  it('turns a real headline into a lowercase hyphenated slug', () => {
    expect(slugify('Abu Kamal: Grasping Defeat from the Jaws of Victory')).toBe('abu-kamal-grasping-defeat-from-the-jaws-of-victory');
  });

  it('folds diacritics on Latin letters and drops apostrophes', () => {
    expect(slugify('Ricardo Núñez’s “caliphate”')).toBe('ricardo-nunezs-caliphate');
    // The dotless ı is a letter of its own, not an i with a diacritic.
    expect(slugify('İstanbul’da Çarşı')).toBe('istanbulda-carsı');
  });

  it('keeps scripts without a Latin form', () => {
    expect(slugify('داعش في البوكمال')).toBe('داعش-في-البوكمال');
  });

  it('keeps Japanese voicing marks, the prolonged sound mark and the iteration mark', () => {
    expect(slugify('機動戦士ガンダム、40周年')).toBe('機動戦士ガンダム-40周年');
    expect(slugify('ラーメン店が人々に人気')).toBe('ラーメン店が人々に人気');
    // Half-width katakana with a separate voicing mark is the same word.
    expect(slugify('ｶﾞﾝﾀﾞﾑ')).toBe('ガンダム');
  });

  it('gives a slug to Chinese, Arabic with vowel signs, Cyrillic, Greek, Hindi and Korean titles', () => {
    expect(slugify('北京举行新闻发布会')).toBe('北京举行新闻发布会');
    expect(slugify('مُحَمَّد يزور القاهرة')).toBe('مُحَمَّد-يزور-القاهرة');
    expect(slugify('Йошкар-Ола: новости дня')).toBe('йошкар-ола-новости-дня');
    expect(slugify('Ελληνικά Νέα: Αθήνα')).toBe('ελληνικά-νέα-αθήνα');
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
    expect(slugify('한국어 뉴스')).toBe('한국어-뉴스');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Daesh in desperate attempt to save Albu Kamal, last Syrian bastion', 30);
    expect(slug).toBe('daesh-in-desperate-attempt-to');
  });

  it('gives nothing for text without a letter or digit', () => {
    expect(slugify('___')).toBe('');
    expect(slugify('★ — ★')).toBe('');
  });

  it('always yields a slug the archive validator accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120, unit: 'binary' })), (text) => {
        const slug = slugify(text);
        expect(slug === '' || isSlug(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(80);
        expect(slugify(slug)).toBe(slug);
        expect(slug.normalize('NFC')).toBe(slug);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isSlug', () => {
  it('accepts exactly what slugify leaves unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (text) => {
        expect(isSlug(text)).toBe(text !== '' && slugify(text, Infinity) === text);
      }),
    );
    expect(['ガンダム', 'ラーメン', '人々', 'اَلْعَرَبِيَّة', 'ελληνικά', 'abu-kamal-2'].every(isSlug)).toBe(true);
    expect(['', 'Abu-Kamal', 'abu--kamal', '-abu', 'nu\u0301n\u0303ez', 'カ\u3099'].some(isSlug)).toBe(false);
  });
});

describe('slugOrFallback', () => {
  it('gives a label with no letter or digit a stable slug the validator accepts', () => {
    const slug = slugOrFallback('___', 'label');
    expect(slug).toMatch(/^label-[0-9a-f]{10}$/);
    expect(slugOrFallback('___', 'label')).toBe(slug);
    expect(slugOrFallback('★', 'label')).not.toBe(slug);
    const meta = { format: ARCHIVE_FORMAT, name: 'Archive', description: '', categories: [{ slug, name: '___' }], tags: [], aliases: [] };
    expect(validateArchiveMeta('archive.json', meta)).toEqual([]);
  });

  it('keeps the plain slug when there is one', () => {
    expect(slugOrFallback('Middle East', 'label')).toBe('middle-east');
  });
});
