import { describe, expect, it } from 'vitest';
import { sameArticle } from './sameArticle';
import { titleSimilarity, titlesAgree } from './titlesAgree';

describe('titlesAgree', () => {
  it('agrees on one title with a site name added, or in other case and punctuation', () => {
    expect(titlesAgree('Floods force families from homes in the lower town', 'Floods force families from homes in the lower town | Regional Times')).toBe(true);
    expect(titlesAgree('Finding Post-award Balance With Quality Assurance', 'Finding post-award balance with quality assurance')).toBe(true);
    expect(titlesAgree('機動戦士ガンダム、放送開始から45周年', '機動戦士ガンダム 放送開始から45周年')).toBe(true);
  });

  it('disagrees on different titles, and on one title with other numbers', () => {
    expect(titleSimilarity('Join us for the spring meetup on plain language', 'Accessibility testing with screen readers: our October session')).toBeLessThan(0.3);
    expect(titlesAgree('Annual report on federal websites 2019', 'Annual report on federal websites 2020')).toBe(false);
  });
});

describe('sameArticle', () => {
  const courier = { title: 'Floods force families from homes in the lower town', date: '2022-11-16' };

  it('merges near-identical texts whose titles agree, dated within a year or undated', () => {
    expect(sameArticle(courier, { title: `${courier.title} | Regional Times`, date: '2022-11-17' }, 0.83)).toBe(true);
    expect(sameArticle(courier, { title: courier.title, date: null }, 0.83)).toBe(true);
  });

  it('keeps apart texts below the threshold, titles that disagree, and one title years apart', () => {
    expect(sameArticle(courier, { ...courier }, 0.7)).toBe(false);
    expect(sameArticle(courier, { title: 'Accessibility testing with screen readers', date: courier.date }, 0.95)).toBe(false);
    expect(sameArticle({ title: 'GTAC Diversity Scholarship', date: '2016-05-04' }, { title: 'GTAC Diversity Scholarship', date: '2017-05-22' }, 0.9)).toBe(false);
  });
});
