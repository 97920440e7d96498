import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { searchIndexOptions, type SearchDocument } from '../core/searchOptions';
import { parseQuery } from './compileQuery';
import { suggestionDistance, suggestQueries } from './suggestQueries';

describe('suggestionDistance', () => {
  it('allows one change in a short word and two in a long one, none in two letters', () => {
    expect([suggestionDistance('is'), suggestionDistance('gsx'), suggestionDistance('tols'), suggestionDistance('vizualization')]).toEqual([0, 1, 1, 2]);
  });
});

describe('suggestQueries', () => {
  // Titles of real Digital.gov posts.
  const titles = [
    'Tell Compelling Stories with Data Visualization',
    'Data Visualization Tools for Government',
    'GSA Launches New Tools',
    'How GSA Uses Data',
    'Visualizations of Federal Spending',
  ];
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(
    titles.map((title, i) => ({ id: String(i), title, summary: '', body: '', author: '', outlets: '', category: '', tags: '', urls: '', date: '2016-01-01', slug: String(i), categorySlug: i < 2 ? 'data' : '' })),
  );

  it('replaces each unknown word by the nearest known one, the most used first', () => {
    expect(suggestQueries(index, parseQuery('gsx'), undefined, 3)).toEqual(['gsa']);
    expect(suggestQueries(index, parseQuery('data vizualization tols'), undefined, 3)).toEqual(['data visualization tools']);
  });

  it('offers only corrections that find something under the filters', () => {
    const inData = (r: SearchResult) => r.categorySlug === 'data';
    expect(suggestQueries(index, parseQuery('gsx tols'), inData, 3)).toEqual([]);
    expect(suggestQueries(index, parseQuery('gsx tols'), undefined, 3)).toEqual(['gsa tools']);
  });

  it('offers nothing when every word is known', () => {
    expect(suggestQueries(index, parseQuery('gsa spending'), undefined, 3)).toEqual([]);
  });
});
