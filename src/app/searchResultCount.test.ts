import { describe, expect, it } from 'vitest';
import {
  FIRST_RERUN_MS,
  MAX_RERUN_MS,
  rerunDelay,
  searchProgress,
  searchResultAnnouncement,
  searchResultCount,
} from './searchResultCount';

const whole = { searched: 2078, articleCount: 2078 };

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
    expect(searchResultAnnouncement({ total: 3, mode: 'any', ...whole }, { q: 'raqqa hmeimim' })).toBe('No article has all of “raqqa hmeimim”; 3 have some of these words.');
    expect(searchResultAnnouncement({ total: 3, mode: 'all', ...whole }, { q: 'raqqa' })).toBe('3 articles match “raqqa”.');
  });

  it('announces nothing until the search has looked through every article', () => {
    expect(searchResultAnnouncement({ total: 1, mode: 'all', searched: 93, articleCount: 2078 }, { q: 'raqqa' })).toBe('');
  });
});

describe('searchProgress', () => {
  it('says how much of the archive a search looked through while the rest loads', () => {
    expect(searchProgress({ searched: 1234, articleCount: 10_000 })).toBe('Searched 1,234 of 10,000 articles — the rest are still loading');
    expect(searchProgress({ searched: 0, articleCount: 1 })).toBe('Searched 0 of 1 article — the rest are still loading');
  });

  it('says nothing once it looked through them all', () => {
    expect(searchProgress(whole)).toBeUndefined();
    expect(searchProgress({ searched: 0, articleCount: 0 })).toBeUndefined();
  });
});

describe('rerunDelay', () => {
  it('runs a partial search again soon while more of the index arrives', () => {
    expect(rerunDelay(undefined, 93)).toBe(FIRST_RERUN_MS);
    expect(rerunDelay({ searched: 93, delay: 1000 }, 1201)).toBe(FIRST_RERUN_MS);
  });

  it('waits twice as long each time nothing more was searched, up to a limit', () => {
    expect(rerunDelay({ searched: 93, delay: FIRST_RERUN_MS }, 93)).toBe(2 * FIRST_RERUN_MS);
    expect(rerunDelay({ searched: 93, delay: MAX_RERUN_MS }, 93)).toBe(MAX_RERUN_MS);
  });
});
