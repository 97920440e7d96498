import { describe, expect, it } from 'vitest';
import { addressLookups, parseArticleAddress } from './articleAddress';

describe('parseArticleAddress', () => {
  it('reads the reader’s own address of an article, relative or absolute, under any base path', () => {
    const abuKamal = { kind: 'reader', month: '2017-11', slug: 'abu-kamal-grasping-defeat-from-the-jaws-of-victory' };
    expect(parseArticleAddress('/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory')).toEqual(abuKamal);
    expect(parseArticleAddress('articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory/')).toEqual(abuKamal);
    expect(parseArticleAddress(' https://news.example.org/archive/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory?x=1#top ')).toEqual(abuKamal);
    expect(parseArticleAddress('/articles/2017/11/caf%C3%A9-n%C3%BA%C3%B1ez')).toEqual({ kind: 'reader', month: '2017-11', slug: 'café-núñez' });
  });

  it('reads an original address with or without its scheme, www, trailing slash, query string and fragment', () => {
    const arabNews = { kind: 'original', site: 'arabnews.com', path: '/node/1191671/middle-east', query: '' };
    expect(parseArticleAddress('http://www.arabnews.com/node/1191671/middle-east')).toEqual(arabNews);
    expect(parseArticleAddress('arabnews.com/node/1191671/middle-east/')).toEqual(arabNews);
    expect(parseArticleAddress('https://WWW.ArabNews.com/node/1191671/middle-east#comments')).toEqual(arabNews);
    expect(parseArticleAddress('www.arabnews.com/node/1191671/middle-east?utm_source=feed')).toEqual({ ...arabNews, query: '?utm_source=feed' });
  });

  it('reads words, a bare site and a month as no address', () => {
    expect(parseArticleAddress('albu kamal')).toBeUndefined();
    expect(parseArticleAddress('digital.gov')).toBeUndefined();
    expect(parseArticleAddress('https://digital.gov/')).toBeUndefined();
    expect(parseArticleAddress('U.S.')).toBeUndefined();
    expect(parseArticleAddress('/articles/2017/13/x')).toBeUndefined();
    expect(parseArticleAddress('2017/11')).toBeUndefined();
  });
});

describe('addressLookups', () => {
  it('tries the query string first, then without it, each with its escapes both ways', () => {
    const address = parseArticleAddress('https://www.gsa.gov/blog/2018/12/17/Looking-Back-at-our-“Tour-of-Duty”?utm_source=x');
    if (address?.kind !== 'original') throw new Error('not read as an original address');
    expect(addressLookups(address)).toEqual([
      'gsa.gov/blog/2018/12/17/Looking-Back-at-our-“Tour-of-Duty”?utm_source=x',
      'gsa.gov/blog/2018/12/17/Looking-Back-at-our-%E2%80%9CTour-of-Duty%E2%80%9D?utm_source=x',
      'gsa.gov/blog/2018/12/17/Looking-Back-at-our-“Tour-of-Duty”',
      'gsa.gov/blog/2018/12/17/Looking-Back-at-our-%E2%80%9CTour-of-Duty%E2%80%9D',
    ]);
  });
});
