import { describe, expect, it } from 'vitest';
import { normalizeQuery, shouldAdoptUrlQuery } from './searchText';

describe('normalizeQuery', () => {
  it('trims and collapses white space', () => {
    expect(normalizeQuery('  Albu \t Kamal\n')).toBe('Albu Kamal');
  });
});

describe('shouldAdoptUrlQuery', () => {
  it('takes words the reader navigated to (back, forward, a link)', () => {
    expect(shouldAdoptUrlQuery('raqqa', 'mosul', undefined)).toBe(true);
    expect(shouldAdoptUrlQuery('', 'mosul', undefined)).toBe(true);
  });

  it('leaves the box alone when the URL catches up with words it sent while the reader typed on', () => {
    expect(shouldAdoptUrlQuery('acc', 'accessib', 'acc')).toBe(false);
  });

  it('leaves the box alone when it already says the same, trailing space and all', () => {
    expect(shouldAdoptUrlQuery('peace corps', 'peace corps ', undefined)).toBe(false);
  });

  it('takes other words even after the box has sent some', () => {
    expect(shouldAdoptUrlQuery('accessibility', 'acc', 'acc')).toBe(true);
  });
});
