import { describe, expect, it } from 'vitest';
import { describeFilters, describeSearch } from './describeSearch';

const names: Record<string, string> = { 'middle-east': 'Middle East', uncategorised: 'Uncategorised' };
const categoryName = (slug: string) => names[slug] ?? slug;

describe('describeSearch', () => {
  it('quotes the words', () => {
    expect(describeSearch({ q: 'accessibility' }, categoryName)).toBe('“accessibility”');
  });

  it('names the category, outlet, months and an order other than the default', () => {
    expect(
      describeSearch({ q: 'Albu Kamal', category: 'middle-east', outlet: 'Arab News', from: '2017-11', to: '2018-02', sort: 'newest' }, categoryName),
    ).toBe('“Albu Kamal” · Middle East · Arab News · November 2017 to February 2018 · newest first');
  });

  it('calls a search without words all articles', () => {
    expect(describeSearch({ q: '', category: 'uncategorised' }, categoryName)).toBe('All articles · Uncategorised');
  });
});

describe('describeFilters', () => {
  it('names one month once, and open-ended ranges by their one end', () => {
    expect(describeFilters({ from: '2017-11', to: '2017-11' }, categoryName)).toEqual(['November 2017']);
    expect(describeFilters({ from: '2017-11' }, categoryName)).toEqual(['from November 2017']);
    expect(describeFilters({ to: '2017-11' }, categoryName)).toEqual(['until November 2017']);
  });

  it('says nothing of the default order', () => {
    expect(describeFilters({ q: '', sort: 'newest' }, categoryName)).toEqual([]);
    expect(describeFilters({ q: 'raqqa', sort: 'relevance' }, categoryName)).toEqual([]);
  });
});
