import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recentSearchKey } from '../archive/recentSearches';
import { describeReaderData, parseReaderData, READER_DATA_FORMAT, readerDataFile, readerDataFileName, ReaderDataError } from './readerData';

/** Files in `testing/`: an export of real articles of the archive (November 2017), and that file broken in one way each. */
const fixture = (name: string) => readFileSync(path.resolve('src/app/reader/testing', name), 'utf8');
const parse = (name: string) => parseReaderData(fixture(name), name);
const errorOf = (name: string) => {
  try {
    parse(name);
  } catch (error) {
    expect(error).toBeInstanceOf(ReaderDataError);
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
};

describe('parseReaderData', () => {
  it('reads an exported file whole: saved articles and their copies, history, settings, searches', () => {
    const data = parse('reader-data.json');
    expect(data.saved.map((s) => s.title)).toEqual(['Daesh in desperate attempt to save Albu Kamal, last Syrian bastion', 'Abu Kamal: Grasping Defeat from the Jaws of Victory']);
    expect(data.copies.map((c) => c.page.article.slug)).toEqual(['abu-kamal-grasping-defeat-from-the-jaws-of-victory', 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion']);
    expect(data.copies[1]!.page.category).toEqual({ slug: 'middle-east', name: 'Middle East' });
    expect(data.history.map((h) => [h.slug, h.position, h.read])).toEqual([
      ['the-end-of-the-caliphate', 0.5, false],
      ['abu-kamal-grasping-defeat-from-the-jaws-of-victory', 1, true],
    ]);
    expect(data.settings).toEqual({ reader: { textSize: 1, theme: 'dark' } });
    expect(data.searches.map((s) => s.search)).toEqual([{ q: 'albu kamal', category: 'middle-east' }, { q: 'Hezbolah' }]);
    expect(data.searches[0]!.key).toBe(recentSearchKey({ q: 'albu kamal', category: 'middle-east' }));
  });

  it('reads back what it writes', () => {
    const data = parse('reader-data.json');
    const file = readerDataFile(data, new Date('2026-12-02T10:00:00Z'));
    expect(file.format).toBe(READER_DATA_FORMAT);
    expect(parseReaderData(JSON.stringify(file), 'again.json')).toEqual(data);
  });

  it('names the record and the field of a place out of range', () => {
    expect(errorOf('bad-position.json')).toBe(
      'reader data: bad-position.json: history[0] ("The End of the Caliphate?"): position: must be a number from 0 to 1 (found 1.5)',
    );
  });

  it('refuses a month that is no month', () => {
    expect(errorOf('bad-month.json')).toBe(
      'reader data: bad-month.json: saved[1] ("Abu Kamal: Grasping Defeat from the Jaws of Victory"): month: must be a month as YYYY-MM (found "2017-13")',
    );
  });

  it('refuses a copy of an article that is not saved', () => {
    expect(errorOf('copy-not-saved.json')).toBe('reader data: copy-not-saved.json: copies[0]: id: no saved article has the id d706b67fbbf8f2c9');
  });

  it('refuses an article saved twice', () => {
    expect(errorOf('saved-twice.json')).toBe('reader data: saved-twice.json: saved[2]: id: 1bbdae91240001de is listed twice (also saved[0])');
  });

  it('refuses a theme the app does not have', () => {
    expect(errorOf('bad-theme.json')).toBe('reader data: bad-theme.json: settings.reader: theme: must be one of "system", "light", "dark" (found "sepia")');
  });

  it('refuses a file of a newer format, saying what to do', () => {
    expect(errorOf('newer-format.json')).toBe(
      'reader data: newer-format.json: format news-reader-data/2 is not one this app reads (it reads news-reader-data/1); update the app and try again',
    );
  });

  it('refuses a file cut off in the middle', () => {
    expect(errorOf('cut-off.json')).toMatch(/^reader data: cut-off\.json: not JSON \(.+\); choose a file this app exported$/);
  });

  it('refuses JSON that is not reader data (an archive file)', () => {
    expect(errorOf('not-reader-data.json')).toBe(
      'reader data: not-reader-data.json: not a file of reader data (it has no "format": "news-reader-data/1"); choose a file this app exported',
    );
  });

  it('refuses a copy whose article is not the saved one, naming the place inside the copy', () => {
    const data = JSON.parse(fixture('reader-data.json')) as { copies: { page: { article: { sources: unknown } } }[] };
    data.copies[0]!.page.article.sources = [{ outlet: 'Arab News', url: 42 }];
    expect(() => parseReaderData(JSON.stringify(data), 'edited.json')).toThrow(
      'reader data: edited.json: copies[0]: page: article: sources[0]: url: must be text (found 42)',
    );
  });
});

describe('describeReaderData', () => {
  it('says what a file holds', () => {
    expect(describeReaderData(parse('reader-data.json'))).toBe('2 saved articles, 2 articles in the history, your settings and 2 recent searches');
    expect(describeReaderData({ saved: [], copies: [], history: [], settings: {}, searches: [] })).toBe(
      '0 saved articles, 0 articles in the history and 0 recent searches',
    );
  });
});

describe('readerDataFileName', () => {
  it('dates the file', () => {
    expect(readerDataFileName(new Date('2026-12-02T23:59:00Z'))).toBe('reader-data-2026-12-02.json');
  });
});
