import { describe, expect, it } from 'vitest';
import {
  ANY_WORDS_NOTICE,
  FIRST_RERUN_MS,
  MAX_RERUN_MS,
  rerunDelay,
  searchProgress,
  searchResultAnnouncement,
  searchResultCount,
} from './searchResultCount';

const whole = { searched: 2078, articleCount: 2078 };

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
    expect(searchResultAnnouncement({ total: 3, mode: 'any', ...whole }, { q: 'raqqa hmeimim' })).toBe(`3 articles match “raqqa hmeimim”. ${ANY_WORDS_NOTICE}`);
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
