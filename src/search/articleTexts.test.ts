import { describe, expect, it, vi } from 'vitest';
import { manifest, monthFiles } from '../app/archive/testing/bundleFixture';
import { createArticleTexts } from './articleTexts';

function fixtureFetch() {
  return vi.fn(async (file: string) => {
    const data = monthFiles[file];
    if (!data) throw new Error(`no file ${file}`);
    return JSON.stringify(data);
  });
}

describe('createArticleTexts', () => {
  it('reads an article’s body as text from its month file, looking through every part of the month', async () => {
    const fetchText = fixtureFetch();
    const texts = createArticleTexts(fetchText);
    // The Arab News article is in the second file of November 2017.
    expect(await texts.bodyText(manifest, { id: '1bbdae91240001de', date: '2017-11-10' })).toMatch(/^BEIRUT: Daesh terrorists conducted a blistering counterattack/);
    expect(fetchText.mock.calls.map(([f]) => f)).toEqual(['month-2017-11.f5b9aa08a336.json', 'month-2017-11-2.cefa4d874a09.json']);
  });

  it('fetches a file once for concurrent and later callers', async () => {
    const fetchText = fixtureFetch();
    const texts = createArticleTexts(fetchText);
    await Promise.all([texts.bodyText(manifest, { id: 'cb516818631099df', date: '2017-11-25' }), texts.bodyText(manifest, { id: 'd706b67fbbf8f2c9', date: '2017-11-17' })]);
    await texts.bodyText(manifest, { id: 'cb516818631099df', date: '2017-11-25' });
    expect(fetchText).toHaveBeenCalledTimes(1);
  });

  it('gives null for an unreadable file and tries it again next time', async () => {
    const fetchText = fixtureFetch();
    fetchText.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const texts = createArticleTexts(fetchText);
    expect(await texts.bodyText(manifest, { id: 'b6892ddb34eea98f', date: '2018-01-30T09:30:00-04:00' })).toBeNull();
    expect(await texts.bodyText(manifest, { id: 'b6892ddb34eea98f', date: '2018-01-30T09:30:00-04:00' })).toMatch(/^For the past couple of years, the Peace Corps/);
  });

  it('gives null for an article its month does not hold', async () => {
    const texts = createArticleTexts(fixtureFetch());
    expect(await texts.bodyText(manifest, { id: '0000000000000000', date: '2017-09-01' })).toBeNull();
    expect(await texts.bodyText(manifest, { id: '0000000000000000', date: '1999-01-01' })).toBeNull();
  });
});
