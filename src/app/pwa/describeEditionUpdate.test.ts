import { describe, expect, it } from 'vitest';
import { describeEditionUpdate } from './describeEditionUpdate';

const saved = { edition: 'a1b2c3', articleCount: 2083 };

describe('describeEditionUpdate', () => {
  it('counts the new articles of a new edition', () => {
    expect(describeEditionUpdate(saved, { edition: 'd4e5f6', articleCount: 2084 })).toBe('New edition available: 1 new article');
    expect(describeEditionUpdate(saved, { edition: 'd4e5f6', articleCount: 3083 })).toBe('New edition available: 1,000 new articles');
  });

  it('says when the new edition has fewer articles, or the same number changed', () => {
    expect(describeEditionUpdate(saved, { edition: 'd4e5f6', articleCount: 2081 })).toBe('New edition available: 2 fewer articles');
    expect(describeEditionUpdate(saved, { edition: 'd4e5f6', articleCount: 2083 })).toBe('New edition available: articles updated');
  });

  it('speaks of the app when the edition is the same', () => {
    expect(describeEditionUpdate(saved, { ...saved })).toBe('A new version of the app is available');
  });

  it('stays vague when an edition could not be read', () => {
    expect(describeEditionUpdate(saved, undefined)).toBe('A new version is available');
    expect(describeEditionUpdate(undefined, saved)).toBe('A new version is available');
  });
});
