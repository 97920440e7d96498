import { describe, expect, it } from 'vitest';
import { articlePath, categoryPath, decodeParam, monthFromParams, monthPath, pagesFromQuery, searchPath, tagPath } from './routePaths';

describe('articlePath', () => {
  it('builds /articles/YYYY/MM/slug from the date as written', () => {
    expect(articlePath('2017-11-10T09:52:00+03:00', 'syrian-army-declares-victory-over-isis')).toBe('/articles/2017/11/syrian-army-declares-victory-over-isis');
  });

  it('percent-encodes a slug in a non-Latin script', () => {
    expect(articlePath('2017-11-10', 'البوكمال')).toBe('/articles/2017/11/%D8%A7%D9%84%D8%A8%D9%88%D9%83%D9%85%D8%A7%D9%84');
  });
});

describe('monthPath', () => {
  it('gives the month two digits', () => {
    expect(monthPath('2017-09')).toBe('/archive/2017/09');
  });
});

describe('categoryPath', () => {
  it('builds /categories/slug', () => {
    expect(categoryPath('middle-east')).toBe('/categories/middle-east');
  });
});

describe('tagPath', () => {
  it('builds /tags/slug', () => {
    expect(tagPath('customer-experience')).toBe('/tags/customer-experience');
  });
});

describe('pagesFromQuery', () => {
  it('reads a whole number of pages from ?page=', () => {
    expect(pagesFromQuery('3')).toBe(3);
    expect(pagesFromQuery(['2', '5'])).toBe(2);
  });

  it('falls back to one page for anything else', () => {
    for (const value of [undefined, '', '0', '-2', '1.5', 'all']) expect(pagesFromQuery(value)).toBe(1);
  });
});

describe('searchPath', () => {
  it('puts the trimmed query in the URL', () => {
    expect(searchPath('  Albu Kamal ')).toBe('/search?q=Albu%20Kamal');
  });

  it('leaves an empty query out', () => {
    expect(searchPath('   ')).toBe('/search');
  });
});

describe('monthFromParams', () => {
  it('reads a four-digit year and a two-digit month', () => {
    expect(monthFromParams('2017', '11')).toBe('2017-11');
  });

  it('rejects months that do not exist or are not written with two digits', () => {
    expect(monthFromParams('2017', '13')).toBeUndefined();
    expect(monthFromParams('2017', '00')).toBeUndefined();
    expect(monthFromParams('2017', '9')).toBeUndefined();
    expect(monthFromParams('17', '09')).toBeUndefined();
    expect(monthFromParams(undefined, '09')).toBeUndefined();
  });
});

describe('decodeParam', () => {
  it('decodes a percent-encoded param', () => {
    expect(decodeParam('%D8%A7%D9%84%D8%A8%D9%88%D9%83%D9%85%D8%A7%D9%84')).toBe('البوكمال');
  });

  it('returns a malformed param as it is', () => {
    expect(decodeParam('100%-victory')).toBe('100%-victory');
  });
});
