import { describe, expect, it } from 'vitest';
import { findDates } from './findDates';

const NOW = new Date('2024-06-01T00:00:00Z');
const days = (line: string, language: string | null = null) => findDates(line, language, NOW).map((found) => found.iso);

describe('findDates', () => {
  it.each([
    ['By Jane Doe | November 17, 2017', 'en', '2017-11-17'],
    ['Veröffentlicht am 3. Februar 2022 von Anna Keller', 'de', '2022-02-03'],
    ['Publicado el 14 de enero de 2020', 'es', '2020-01-14'],
    ['Marie Merlet | lundi 9 décembre 2019', 'fr', '2019-12-09'],
    ['Pubblicato il 19 Febbraio 2020', 'it', '2020-02-19'],
    ['27.01.2020 Soziales & Gesundheit', 'de', '2020-01-27'],
    ['2020-01-27', null, '2020-01-27'],
    ['2021年3月3日', 'ja', '2021-03-03'],
    ['Swantje Schemmerling | 06.11.23', 'de', '2023-11-06'],
    ['opublikowano 3 lutego 2022', 'pl', '2022-02-03'],
  ])('finds the day in %j', (line, language, day) => {
    expect(days(line, language)).toEqual([day]);
  });

  it('reads a slash date month-first in English and day-first in other languages', () => {
    expect(days('03/05/2022', 'en')).toEqual(['2022-03-05']);
    expect(days('03/05/2022', 'pt')).toEqual(['2022-05-03']);
  });

  it('keeps the time of day written right after the date', () => {
    expect(days('Published: November 10, 2017, 9:52 am', 'en')).toEqual(['2017-11-10T09:52:00']);
    expect(days('Jean Dupont | lundi 9 décembre 2019 à 09h08', 'fr')).toEqual(['2019-12-09T09:08:00']);
  });

  it('ignores dates in the future, before 1800, impossible days and durations', () => {
    expect(days('Event on 12 March 2031', 'en')).toEqual([]);
    expect(days('Founded 4 July 1776', 'en')).toEqual([]);
    expect(days('31.02.2020', 'de')).toEqual([]);
    expect(days('The bridge closes for six weeks', 'en')).toEqual([]);
  });

  it('returns every date of a line in order', () => {
    expect(days('Updated 30 March 2021, published 28 March 2021', 'en')).toEqual(['2021-03-30', '2021-03-28']);
  });
});

describe('findDates on dates as innerText glues them', () => {
  it('reads the first of two dates printed side by side without a space (the second is glued to its year)', () => {
    expect(days('Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko', 'de')).toEqual(['2019-02-10']);
  });

  it('reads a two-digit year after an apostrophe', () => {
    expect(days('veröffentlicht am 14 Feb ’20 | Kategorien: Social Media', 'de')).toEqual(['2020-02-14']);
  });
});

describe('findDates on spaced, glued and abbreviated shapes', () => {
  it('reads a dotted date with spaces after its dots', () => {
    expect(days('18. 05. 2014 22:38', 'de')).toEqual(['2014-05-18T22:38:00']);
  });

  it('reads a numeric date whose year has a second date or the time glued onto it', () => {
    expect(days('17/11/201917/11/2019 ~ Jane Doe', 'de')).toEqual(['2019-11-17']);
    expect(days('19.2.202016:20', 'fi')).toEqual(['2020-02-19T16:20:00']);
  });

  it('reads an abbreviated month between dots with a two-digit year', () => {
    expect(days('Autor: Jane Doe, Datum: 03.Mär.19', 'de')).toEqual(['2019-03-03']);
  });

  it('reads a two-digit day glued onto the year after a month name', () => {
    expect(days('Apr 042013', 'en')).toEqual(['2013-04-04']);
  });
});

describe('findDates in Cyrillic', () => {
  it('reads Russian and Ukrainian month names in the genitive', () => {
    expect(days('15 августа 2016, 13:43', 'ru')).toEqual(['2016-08-15T13:43:00']);
    expect(days('5 травня 2020', 'uk')).toEqual(['2020-05-05']);
  });
});
