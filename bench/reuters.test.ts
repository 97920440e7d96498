import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT } from '../src/core/format';
import { monthKey } from '../src/core/monthKey';
import type { Article } from '../src/core/types';
import { validateArchiveMonth } from '../src/core/validateArchive';
import { parseReutersSgml, readReuters, REUTERS_DIR, type ReutersCorpus, reutersDate, reutersParagraphs } from './reuters';

describe('reutersDate', () => {
  it('reads the wire timestamp as local time, zone unknown', () => {
    expect(reutersDate('26-FEB-1987 15:01:01.79')).toBe('1987-02-26T15:01:01');
    expect(reutersDate(' 5-MAR-1987 09:18:59.46')).toBe('1987-03-05T09:18:59');
  });

  it('keeps the day when the time is garbled, and refuses a day that does not exist', () => {
    // reut2-017.sgm NEWID=17192 really says this.
    expect(reutersDate('31-MAR-1987 605:12:19.12')).toBe('1987-03-31');
    expect(reutersDate('31-APR-1987 10:00:00.00')).toBeNull();
    expect(reutersDate('sometime in 1987')).toBeNull();
  });
});

describe('reutersParagraphs', () => {
  it('starts a paragraph at each indented line and drops the sign-off and control characters', () => {
    const body = 'Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means the temporao will be late.\n Reuter\n\u0003';
    expect(reutersParagraphs(body)).toEqual(['Showers continued throughout the week in the Bahia cocoa zone.', 'The dry period means the temporao will be late.']);
  });
});

describe('parseReutersSgml', () => {
  it('names the file and story of a date it cannot read', () => {
    const sgml = '<REUTERS NEWID="7"><DATE>yesterday</DATE><TEXT><TITLE>T</TITLE><BODY>b</BODY></TEXT></REUTERS>';
    expect(() => parseReutersSgml(sgml, 'reut2-000.sgm')).toThrow('reuters: reut2-000.sgm NEWID=7: DATE "yesterday" is no date like 26-FEB-1987 15:01:01.79');
  });
});

describe.skipIf(!existsSync(REUTERS_DIR))('readReuters on ../shared/corpora/reuters21578', () => {
  let corpus: ReutersCorpus;
  beforeAll(async () => {
    corpus = await readReuters();
  }, 60_000);

  it('keeps every story with a title and a body, and counts those left out', () => {
    expect(corpus.stories).toBe(21_578);
    expect(corpus.articles.length + corpus.withoutTitle + corpus.withoutBody).toBe(corpus.stories);
    // The README: "about 19,000 documents have a title and a body".
    expect(corpus.articles.length).toBeGreaterThan(18_500);
    expect(corpus.articles.length).toBeLessThan(19_500);
  });

  it('reads the first story of reut2-000.sgm as the wire sent it', () => {
    const first = corpus.articles[0]!;
    expect(first).toMatchObject({
      title: 'BAHIA COCOA REVIEW',
      slug: 'bahia-cocoa-review',
      date: '1987-02-26T15:01:01',
      category: 'cocoa',
      sources: [{ outlet: 'Reuters', url: null }],
      author: null,
    });
    expect(first.body.startsWith('<p>Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought')).toBe(true);
    expect(first.body).toContain('</p>\n<p>The dry period means the temporao will be late this year.</p>');
    expect(first.body).not.toMatch(/Reuter\s*<\/p>$/);
    expect(first.summary).toMatch(/^Showers continued throughout the week/);
  });

  it('names categories from the collection’s notes, and leaves stories without TOPICS uncategorised', () => {
    expect(corpus.categories).toContainEqual({ slug: 'crude', name: 'Crude Oil' });
    expect(corpus.categories).toContainEqual({ slug: 'money-fx', name: 'Money/Foreign Exchange' });
    const uncategorised = corpus.articles.filter((a) => a.category === null).length;
    expect(uncategorised).toBeGreaterThan(1000);
    expect(uncategorised).toBeLessThan(corpus.articles.length / 2);
  });

  it('reads reut2-017.sgm, whose bytes are Latin-1, without replacement characters', () => {
    expect(corpus.articles.some((a) => a.body.includes('\uFFFD'))).toBe(false);
  });

  it('makes articles that pass the archive validator, ids unique across months and slugs within each', () => {
    const months = new Map<string, Article[]>();
    for (const a of corpus.articles) months.set(monthKey(a.date), [...(months.get(monthKey(a.date)) ?? []), a]);
    const knownIds = new Map<string, string>();
    const problems = [...months].flatMap(([month, articles]) =>
      validateArchiveMonth(`articles/${month}.json`, { format: ARCHIVE_FORMAT, month, articles }, { categories: corpus.categories, tags: [] }, knownIds),
    );
    expect(problems).toEqual([]);
    expect(knownIds.size).toBe(corpus.articles.length);
  });
});
