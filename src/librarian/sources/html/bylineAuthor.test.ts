import { describe, expect, it } from 'vitest';
import { bylineAuthor } from './bylineAuthor';

describe('bylineAuthor', () => {
  it('keeps the name without the date, time and words glued to it', () => {
    expect(bylineAuthor('By GILLIAN MOHNEY March 11, 2015 3:46 PM')).toBe('GILLIAN MOHNEY');
    expect(bylineAuthor('VON MORITZ GATHMANN am 21. April 2020')).toBe('MORITZ GATHMANN');
    expect(bylineAuthor('Nicole Collignon22. Februar 2020')).toBe('Nicole Collignon');
    expect(bylineAuthor('von Ulrike 18.10.2019 16:06 Uhr')).toBe('Ulrike');
  });

  it('finds the name after a date or a label', () => {
    expect(bylineAuthor('Posted on September 21, 2020 by Adi Tzlil')).toBe('Adi Tzlil');
    expect(bylineAuthor('29. Juni 2017, 23:39 · von Tobi')).toBe('Tobi');
    expect(bylineAuthor('Datum: 19.11.2021 Autor: Fritz ImhofQuelle: Livenet')).toBe('Fritz Imhof');
    expect(bylineAuthor('Veröffentlicht von Cem Basman')).toBe('Cem Basman');
  });

  it('keeps particles that are part of a name', () => {
    expect(bylineAuthor('Par Loïc Le Clerc')).toBe('Loïc Le Clerc');
  });

  it('gives no name for a byline that is only a date or a label, or the site’s name', () => {
    expect(bylineAuthor('Donnerstag, 4. November 2021')).toBeNull();
    expect(bylineAuthor('Veröffentlicht am')).toBeNull();
    expect(bylineAuthor('unocero - Alberto Ávila', (name) => name === 'unocero')).toBe('Alberto Ávila');
    expect(bylineAuthor('STERN.de', (name) => name === 'STERN.de')).toBeNull();
  });
});
