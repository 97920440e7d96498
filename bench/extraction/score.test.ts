import { describe, expect, it } from 'vitest';
import type { EvalPage } from './evalSet';
import { addScore, emptyTotals, figures, refusalKind, scorePage, titleKey } from './score';

const page: EvalPage = {
  url: 'https://example.org/a',
  file: 'a.html',
  half: 'dev',
  with: ['first   sentence', 'second sentence'],
  without: ['Impressum', 'Newsletter'],
  title: '„Wir sind da“ – sagt sie',
  author: 'Anna Muster, Ben Beispiel',
  date: '2021-03-04',
};

describe('scorePage', () => {
  it('counts snippets found and missing with white space collapsed', () => {
    const score = scorePage(page, { title: null, date: null, author: null, body: 'The first sentence.\nImpressum', refused: null });
    expect(score.missingWith).toEqual(['second sentence']);
    expect(score.foundWithout).toEqual(['Impressum']);
    const totals = emptyTotals();
    addScore(totals, score);
    expect([totals.tp, totals.fn, totals.fp, totals.tn]).toEqual([1, 1, 1, 1]);
    expect(figures(totals).f1).toBeCloseTo(0.5);
  });

  it('takes a title in other quotes and dashes, an author list in another order, and a date-time on the same day', () => {
    const score = scorePage(page, {
      title: '"Wir sind da" - sagt sie.',
      date: '2021-03-04T23:10:00+01:00',
      author: 'Ben Beispiel and Anna Muster',
      body: '',
      refused: null,
    });
    expect([score.titleRight, score.dateRight, score.authorRight]).toEqual([true, true, true]);
  });

  it('scores a wrong title, another day and a missing author as wrong, and unstated fields as not counted', () => {
    const wrong = scorePage(page, { title: 'Photo: Anna Muster', date: '2021-03-05', author: null, body: '', refused: null });
    expect([wrong.titleRight, wrong.dateRight, wrong.authorRight]).toEqual([false, false, false]);
    const unstated = scorePage({ ...page, title: null, date: null, author: null }, { title: 'x', date: null, author: null, body: '', refused: null });
    expect([unstated.titleRight, unstated.dateRight, unstated.authorRight]).toEqual([null, null, null]);
  });
});

describe('refusalKind', () => {
  it('drops the file name and the details of one page', () => {
    expect(refusalKind('a.html: no publication date found (pass --date YYYY-MM-DD)')).toBe('no publication date found');
    expect(titleKey('  Hello, World!  ')).toBe('hello, world');
  });
});
