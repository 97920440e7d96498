import { describe, expect, it } from 'vitest';
import { ANY_WORDS_NOTICE, searchResultAnnouncement, searchResultCount } from './searchResultCount';

describe('searchResultCount', () => {
  it('counts the articles a browse lets through', () => {
    expect(searchResultCount({ total: 2078 }, { q: '' })).toBe('2,078 articles');
    expect(searchResultCount({ total: 0 }, { q: '', outlet: 'Arab News', from: '2020-01' })).toBe('No articles match these filters');
  });

  it('says how many articles match the words', () => {
    expect(searchResultCount({ total: 12 }, { q: 'accessibility' })).toBe('12 articles match “accessibility”');
    expect(searchResultCount({ total: 1 }, { q: 'Hmeimim' })).toBe('1 article matches “Hmeimim”');
  });

  it('says when nothing matches, and whether filters were in the way', () => {
    expect(searchResultCount({ total: 0 }, { q: 'xyzzy' })).toBe('No articles match “xyzzy”');
    expect(searchResultCount({ total: 0 }, { q: 'xyzzy', category: 'middle-east' })).toBe('No articles match “xyzzy” with these filters');
  });
});

describe('searchResultAnnouncement', () => {
  it('adds that the words were combined with OR', () => {
    expect(searchResultAnnouncement({ total: 3, mode: 'any' }, { q: 'raqqa hmeimim' })).toBe(`3 articles match “raqqa hmeimim”. ${ANY_WORDS_NOTICE}`);
    expect(searchResultAnnouncement({ total: 3, mode: 'all' }, { q: 'raqqa' })).toBe('3 articles match “raqqa”.');
  });
});
