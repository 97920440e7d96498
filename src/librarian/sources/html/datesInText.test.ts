import { describe, expect, it } from 'vitest';
import { datesInText } from './datesInText';

const days = (text: string, language: string | null = null) => datesInText(text, language).map((date) => date.day);

describe('datesInText', () => {
  it('finds dates written with month names in several languages, in the order they stand', () => {
    expect(days('Posted on September 17, 2019 · 18. Mai 2014 · 30 septembre 2018 · 18 de mayo de 2014 · Jan. 18, 2019')).toEqual([
      '2019-09-17', '2014-05-18', '2018-09-30', '2014-05-18', '2019-01-18',
    ]);
  });

  it('reads dotted numeric dates day first, with a two-digit year too', () => {
    expect(days('Geschrieben von Cooper am 25.08.2015 22:30 · macbacchi 28.09.19 12:44')).toEqual(['2015-08-25', '2019-09-28']);
  });

  it('reads slash dates by the page’s language: day first in German, month first in US English', () => {
    expect(days('03/04/2020', 'de')).toEqual(['2020-04-03']);
    expect(days('03/04/2020', 'en-US')).toEqual(['2020-03-04']);
    expect(days('31/08/2019', 'en-US')).toEqual(['2019-08-31']);
  });

  it('finds ISO and East Asian dates, and no date inside a longer number', () => {
    expect(days('Glossar zur Corona-Pandemie 2020-04-26 · 2012年6月4日 · ID 120150311')).toEqual(['2020-04-26', '2012-06-04']);
  });

  it('tells where each date stands', () => {
    expect(datesInText('von Tobi am 29. Juni 2017')).toEqual([{ day: '2017-06-29', index: 12, end: 25 }]);
  });

  it('reads a date line set with bars between day, month and year', () => {
    expect(days('Newsletter - 26 | 01 | 2022 Schweiz | Praxis', 'de')).toEqual(['2022-01-26']);
    expect(days('Ausgabe 3 | 12 | 2022', 'de')).toEqual(['2022-12-03']);
  });
});
