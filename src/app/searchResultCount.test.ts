import { describe, expect, it } from 'vitest';
import { searchResultAnnouncement, searchResultCount, searchResultSpan } from './searchResultCount';

const all = { mode: 'all' } as const;

describe('searchResultCount', () => {
  it('counts the articles a browse lets through', () => {
    expect(searchResultCount({ total: 2078, mode: 'browse' }, { q: '' })).toBe('2,078 articles');
    expect(searchResultCount({ total: 0, mode: 'browse' }, { q: '', outlet: 'Arab News', from: '2020-01' })).toBe('No articles match these filters');
  });

  it('says how many articles match the words', () => {
    expect(searchResultCount({ total: 12, ...all }, { q: 'accessibility' })).toBe('12 articles match “accessibility”');
    expect(searchResultCount({ total: 1, ...all }, { q: 'Hmeimim' })).toBe('1 article matches “Hmeimim”');
  });

  it('says when nothing matches, and whether filters were in the way', () => {
    expect(searchResultCount({ total: 0, ...all }, { q: 'xyzzy' })).toBe('No articles match “xyzzy”');
    expect(searchResultCount({ total: 0, mode: 'any' }, { q: 'xyzzy', category: 'middle-east' })).toBe('No articles match “xyzzy” with these filters');
  });

  it('says that no article has every word, and how many have some, in the words as typed', () => {
    expect(searchResultCount({ total: 21, mode: 'any' }, { q: 'taylor swift concert' })).toBe('No article has all of “taylor swift concert”; 21 have some of these words');
    expect(searchResultCount({ total: 1, mode: 'any' }, { q: 'Hmeimim FoodKeeper', from: '2017-11' })).toBe(
      'No article has all of “Hmeimim FoodKeeper” with these filters; 1 has some of these words',
    );
  });

  it('says how many articles were checked for a phrase when not all could be', () => {
    expect(searchResultCount({ total: 170, ...all, phraseCheck: { candidates: 1967, checked: 200 } }, { q: '"of the"' })).toBe(
      '170 articles match “of the”; the phrase was looked for in the best 200 of the 1,967 articles with these words',
    );
    expect(searchResultCount({ total: 0, ...all, phraseCheck: { candidates: 1967, checked: 200 } }, { q: '"the of"' })).toBe(
      'No articles match “the of”; the phrase was looked for in the best 200 of the 1,967 articles with these words',
    );
    expect(searchResultCount({ total: 9, ...all, phraseCheck: { candidates: 1967, checked: 200 } }, { q: '"of the" web', sort: 'newest' })).toBe(
      '9 articles match “"of the" web”; the phrase was looked for in the newest 200 of the 1,967 articles with these words',
    );
    expect(searchResultCount({ total: 25, ...all, phraseCheck: { candidates: 66, checked: 66 } }, { q: '"web design standards"' })).toBe('25 articles match “web design standards”');
  });

  it('names the article found at a pasted address', () => {
    expect(searchResultCount({ total: 1, mode: 'address' }, { q: 'arabnews.com/node/1191671/middle-east' })).toBe('The article at this address');
    expect(searchResultCount({ total: 2, mode: 'address' }, { q: 'example.org/a' })).toBe('2 articles at this address');
  });
});

describe('searchResultAnnouncement', () => {
  it('says the results line, the any-word fallback included', () => {
    expect(searchResultAnnouncement({ total: 3, mode: 'any'}, { q: 'raqqa hmeimim' })).toBe('No article has all of “raqqa hmeimim”; 3 have some of these words.');
    expect(searchResultAnnouncement({ total: 3, mode: 'all'}, { q: 'raqqa' })).toBe('3 articles match “raqqa”.');
  });
});

describe('searchResultSpan', () => {
  it('shows one more step of 20 with each "Show more", up to 100', () => {
    expect(searchResultSpan(1, 20, 100)).toEqual({ offset: 0, limit: 20 });
    expect(searchResultSpan(5, 20, 100)).toEqual({ offset: 0, limit: 100 });
  });

  it('starts the next hundred afresh past 100, so that no page renders more', () => {
    expect(searchResultSpan(6, 20, 100)).toEqual({ offset: 100, limit: 20 });
    expect(searchResultSpan(10, 20, 100)).toEqual({ offset: 100, limit: 100 });
    expect(searchResultSpan(11, 20, 100)).toEqual({ offset: 200, limit: 20 });
  });

  it('reads a page below 1 as the first', () => {
    expect(searchResultSpan(0, 20, 100)).toEqual({ offset: 0, limit: 20 });
  });
});
