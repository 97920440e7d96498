import { describe, expect, it } from 'vitest';
import {
  articleToReopen,
  continueReading,
  describeReading,
  historyOverflow,
  listItemFromRef,
  movedEntry,
  newestSavedFirst,
  openedEntry,
  placeToRestore,
  READ_AT,
  REOPEN_WITHIN_MS,
  refFromListItem,
  scrollFraction,
  scrollTopFor,
  unreadEntry,
} from './libraryLists';
import type { ArticleRef, ReadingEntry } from './readerDb';

const caliphate: ArticleRef = {
  id: 'cb516818631099df',
  slug: 'the-end-of-the-caliphate',
  month: '2017-11',
  title: 'The End of the Caliphate?',
  date: '2017-11-10',
  summary: 'The fall of Albu Kamal',
  outlets: ['Syrian Civil War Map'],
  category: null,
};
const abuKamal: ArticleRef = { ...caliphate, id: 'd706b67fbbf8f2c9', slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory', title: 'Abu Kamal: Grasping Defeat from the Jaws of Victory' };
const entry = (ref: ArticleRef, lastReadAt: number, position: number, read = false): ReadingEntry => ({ ...ref, firstReadAt: 1, lastReadAt, position, read });

describe('refFromListItem / listItemFromRef', () => {
  it('keeps what a list shows and the month of the address', () => {
    const item = { id: abuKamal.id, title: abuKamal.title, date: '2017-11-09T10:00:00+03:00', slug: abuKamal.slug, summary: 's', outlets: ['Arab News'], category: { slug: 'blog', name: 'Blog' } };
    expect(refFromListItem(item).month).toBe('2017-11');
    expect(listItemFromRef(refFromListItem(item))).toEqual(item);
  });

  it('lists a reference of version 1 (no summary, outlets or category)', () => {
    const { summary: _s, outlets: _o, category: _c, ...v1 } = caliphate;
    expect(listItemFromRef(v1)).toMatchObject({ summary: '', outlets: [], category: null });
  });
});

describe('openedEntry and movedEntry', () => {
  it('starts an entry at the top, unread, and keeps the place of one opened again', () => {
    const first = openedEntry(undefined, caliphate, 100);
    expect(first).toMatchObject({ firstReadAt: 100, lastReadAt: 100, position: 0, read: false });
    const again = openedEntry(movedEntry(first, 0.4, 150), { ...caliphate, title: 'The End of the Caliphate? (corrected)' }, 200);
    expect(again).toMatchObject({ firstReadAt: 100, lastReadAt: 200, position: 0.4, read: false, title: 'The End of the Caliphate? (corrected)' });
  });

  it('marks an article read once its end is in view, and read stays read when the reader scrolls back up', () => {
    const e = openedEntry(undefined, caliphate, 1);
    expect(movedEntry(e, READ_AT - 0.01, 2).read).toBe(false);
    const read = movedEntry(e, READ_AT, 2);
    expect(read.read).toBe(true);
    expect(movedEntry(read, 0.1, 3)).toMatchObject({ read: true, position: 0.1 });
  });

  it('keeps a place between 0 and 1', () => {
    const e = openedEntry(undefined, caliphate, 1);
    expect(movedEntry(e, 1.3, 2).position).toBe(1);
    expect(movedEntry(e, -0.2, 2).position).toBe(0);
  });

  it('marks unread back at the top', () => {
    expect(unreadEntry(entry(caliphate, 5, 1, true))).toMatchObject({ read: false, position: 0 });
  });
});

describe('placeToRestore', () => {
  it('puts a reader returning to an article back at their place, read or not', () => {
    expect(placeToRestore(entry(caliphate, 1, 0.5), 'return')).toBe(0.5);
    expect(placeToRestore(entry(caliphate, 1, 1, true), 'return')).toBe(1);
  });

  it('continues an article begun from a link, and opens a finished one at the top', () => {
    expect(placeToRestore(entry(caliphate, 1, 0.5), 'link')).toBe(0.5);
    expect(placeToRestore(entry(caliphate, 1, 1, true), 'link')).toBeUndefined();
  });

  it('leaves an article not begun at the top', () => {
    expect(placeToRestore(undefined, 'return')).toBeUndefined();
    expect(placeToRestore(entry(caliphate, 1, 0.01), 'return')).toBeUndefined();
  });
});

describe('scrollFraction and scrollTopFor', () => {
  const m = { bodyTop: 400, bodyHeight: 20_400, viewportHeight: 844 };

  it('is 0 at the body top, 1 with its end in view, and each is the other inverted', () => {
    expect(scrollFraction(0, m)).toBe(0);
    expect(scrollFraction(400, m)).toBe(0);
    expect(scrollFraction(400 + 20_400 - 844, m)).toBe(1);
    expect(scrollFraction(30_000, m)).toBe(1);
    for (const f of [0, 0.25, 0.5, 0.97]) expect(scrollFraction(scrollTopFor(f, m), m)).toBeCloseTo(f, 3);
  });

  it('means the same part of the text at another text size', () => {
    const half = scrollFraction(scrollTopFor(0.5, m), m);
    const larger = { bodyTop: 480, bodyHeight: 30_600, viewportHeight: 844 };
    expect(scrollFraction(scrollTopFor(half, larger), larger)).toBeCloseTo(0.5, 3);
  });

  it('counts a body that fits in the window as read once it is in view', () => {
    const short = { bodyTop: 300, bodyHeight: 400, viewportHeight: 844 };
    expect(scrollFraction(0, short)).toBe(1);
    expect(scrollFraction(0, { ...short, bodyTop: 600 })).toBe(0);
  });
});

describe('continueReading', () => {
  it('offers the last article begun and not finished', () => {
    const list = [entry(caliphate, 10, 0.5), entry(abuKamal, 20, 1, true), entry({ ...caliphate, id: 'x' }, 30, 0)];
    expect(continueReading(list)?.id).toBe(caliphate.id);
    expect(continueReading([entry(abuKamal, 20, 1, true)])).toBeUndefined();
  });
});

describe('historyOverflow', () => {
  it('forgets the least recently opened beyond the limit', () => {
    const list = [1, 5, 3, 4, 2].map((t) => entry({ ...caliphate, id: `a${t}` }, t, 0));
    expect(historyOverflow(list, 3)).toEqual(['a2', 'a1']);
    expect(historyOverflow(list, 5)).toEqual([]);
  });
});

describe('newestSavedFirst', () => {
  it('orders by the time saved, most recent first', () => {
    expect(newestSavedFirst([{ ...caliphate, savedAt: 1 }, { ...abuKamal, savedAt: 2 }]).map((s) => s.id)).toEqual([abuKamal.id, caliphate.id]);
  });
});

describe('describeReading', () => {
  it('says read, how far, or nothing', () => {
    expect(describeReading(entry(caliphate, 1, 0.45))).toBe('45% read');
    expect(describeReading(entry(caliphate, 1, 0.999))).toBe('99% read');
    expect(describeReading(entry(caliphate, 1, 1, true))).toBe('Read');
    expect(describeReading(entry(caliphate, 1, 0))).toBeUndefined();
    expect(describeReading(undefined)).toBeUndefined();
  });
});

describe('articleToReopen', () => {
  const now = 1_800_000_000_000;
  const start = { standalone: true, path: '/', navigation: 'navigate', now };
  const last = { path: '/articles/2017/11/the-end-of-the-caliphate', at: now - 60_000 };

  it('reopens the article the installed app was put away in less than a day ago', () => {
    expect(articleToReopen(last, start)).toBe(last.path);
  });

  it('does not in a browser tab, from a link into the app, on a reload, after a day, or from another page', () => {
    expect(articleToReopen(last, { ...start, standalone: false })).toBeUndefined();
    expect(articleToReopen(last, { ...start, path: '/search' })).toBeUndefined();
    expect(articleToReopen(last, { ...start, navigation: 'reload' })).toBeUndefined();
    expect(articleToReopen({ ...last, at: now - REOPEN_WITHIN_MS }, start)).toBeUndefined();
    expect(articleToReopen({ ...last, path: '/saved' }, start)).toBeUndefined();
    expect(articleToReopen(undefined, start)).toBeUndefined();
  });
});
