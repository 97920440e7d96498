import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articlePath,
  categoryPath,
  decodeParam,
  hasSearchFilters,
  monthFromParams,
  monthPath,
  pagedPath,
  pagesFromQuery,
  searchFromQuery,
  searchPath,
  tagPath,
  yearFromParam,
  yearPath,
  type SearchLocation,
} from './routePaths';

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

  it('names a later page in the query, page 1 by the bare path', () => {
    expect(monthPath('2017-09', 2)).toBe('/archive/2017/09?page=2');
    expect(monthPath('2017-09', 1)).toBe('/archive/2017/09');
  });

  it('is read back by monthFromParams and pagesFromQuery', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 500 }), (year, month, page) => {
        const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
        const url = new URL(monthPath(key, page), 'http://reader');
        const [, , y, m] = url.pathname.split('/');
        expect(monthFromParams(y, m)).toBe(key);
        expect(pagesFromQuery(url.searchParams.get('page') ?? undefined)).toBe(page);
      }),
    );
  });
});

describe('yearPath', () => {
  it('builds /archive/YYYY, read back by yearFromParam', () => {
    expect(yearPath(2017)).toBe('/archive/2017');
    expect(yearFromParam(yearPath(987).split('/')[2])).toBe(987);
  });
});

describe('yearFromParam', () => {
  it('reads four digits and nothing else', () => {
    expect(yearFromParam('2017')).toBe(2017);
    for (const value of [undefined, '', '17', '20177', '2017x', 'page']) expect(yearFromParam(value)).toBeUndefined();
  });
});

describe('pagedPath', () => {
  it('adds ?page= for pages after the first', () => {
    expect(pagedPath('/tags', 3)).toBe('/tags?page=3');
    expect(pagedPath('/categories/middle-east', 1)).toBe('/categories/middle-east');
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

  it('collapses runs of spaces in the words', () => {
    expect(searchPath({ q: 'peace   corps' })).toBe('/search?q=peace%20corps');
  });

  it('writes the filters, the order and the page after the words, in a fixed order', () => {
    expect(
      searchPath({ page: 3, sort: 'newest', to: '2018-02', from: '2017-11', outlet: 'Arab News', category: 'middle-east', q: 'Albu Kamal' }),
    ).toBe('/search?q=Albu%20Kamal&category=middle-east&outlet=Arab%20News&from=2017-11&to=2018-02&sort=newest&page=3');
  });

  it('browses by filters alone', () => {
    expect(searchPath({ q: '', category: 'accessibility' })).toBe('/search?category=accessibility');
  });

  it('leaves out the order the words would get anyway, and page 1', () => {
    expect(searchPath({ q: 'accessibility', sort: 'relevance', page: 1 })).toBe('/search?q=accessibility');
    expect(searchPath({ q: '', outlet: 'Digital.gov', sort: 'newest' })).toBe('/search?outlet=Digital.gov');
    expect(searchPath({ q: 'accessibility', sort: 'newest' })).toBe('/search?q=accessibility&sort=newest');
  });

  it('percent-encodes what a URL cannot hold as it is', () => {
    expect(searchPath({ q: 'R&D 100% “open”', outlet: 'A/B' })).toBe('/search?q=R%26D%20100%25%20%E2%80%9Copen%E2%80%9D&outlet=A%2FB');
  });
});

describe('searchFromQuery', () => {
  it('reads the words, filters, order and page of a search URL', () => {
    expect(
      searchFromQuery({ q: ' Albu  Kamal ', category: 'middle-east', outlet: 'Arab News', from: '2017-11', to: '2018-02', sort: 'newest', page: '2' }),
    ).toEqual({ q: 'Albu Kamal', category: 'middle-east', outlet: 'Arab News', from: '2017-11', to: '2018-02', sort: 'newest', page: 2 });
  });

  it('reads a bare search page as no words and no filters', () => {
    expect(searchFromQuery({})).toEqual({ q: '' });
  });

  it('drops months, orders and pages it cannot read', () => {
    expect(searchFromQuery({ q: 'x', from: '2017-13', to: 'last year', sort: 'oldest', page: 'all', category: ' ' })).toEqual({ q: 'x' });
  });

  it('turns a range given backwards round', () => {
    expect(searchFromQuery({ from: '2018-02', to: '2017-11' })).toMatchObject({ from: '2017-11', to: '2018-02' });
  });

  it('takes the first of repeated parameters', () => {
    expect(searchFromQuery({ q: ['raqqa', 'mosul'] })).toEqual({ q: 'raqqa' });
  });

  it('reads back every search URL it is given as the same search', () => {
    const month = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((w) => w.trim() === w && !/\s/.test(w));
    const search = fc.record(
      {
        q: fc.array(word, { maxLength: 3 }).map((words) => words.join(' ')),
        category: word,
        outlet: word,
        from: month,
        to: month,
        sort: fc.constantFrom('relevance' as const, 'newest' as const),
        page: fc.integer({ min: 2, max: 50 }),
      },
      { requiredKeys: ['q'] },
    ).map((s): SearchLocation => (s.from && s.to && s.from > s.to ? { ...s, from: s.to, to: s.from } : s));
    fc.assert(
      fc.property(search, (s) => {
        const path = searchPath(s);
        const url = new URL(path, 'https://archive.example');
        const parsed = searchFromQuery(Object.fromEntries(url.searchParams));
        expect(url.pathname).toBe('/search');
        expect(searchPath(parsed)).toBe(path);
      }),
    );
  });
});

describe('hasSearchFilters', () => {
  it('counts category, outlet and months as filters, but not the words or the order', () => {
    expect(hasSearchFilters({ sort: 'newest' })).toBe(false);
    expect(hasSearchFilters({ category: 'uncategorised' })).toBe(true);
    expect(hasSearchFilters({ to: '2017-11' })).toBe(true);
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
