import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { searchIndexOptions, type SearchDocument } from '../core/searchOptions';
import { COMPILED_QUERY_OPTIONS, compileQuery, editDistance, isTyping, joinedVariants, parseQuery, termQuery } from './compileQuery';

describe('parseQuery', () => {
  it('gives each word typed its forms, leaving out lone punctuation', () => {
    expect(parseQuery('al-Abadi — Iran’s')).toEqual([[['al', 'abadi'], ['alabadi']], [['iran']]]);
  });

  it('ignores what follows a pasted paragraph’s sixteenth word', () => {
    expect(parseQuery('word '.repeat(40))).toHaveLength(16);
  });
});

describe('isTyping', () => {
  it('is true until the query ends with a space', () => {
    expect(isTyping('syrian ar')).toBe(true);
    expect(isTyping('syrian army ')).toBe(false);
    expect(isTyping('')).toBe(false);
  });
});

describe('termQuery', () => {
  it('tolerates no typo up to four letters, one up to seven, two beyond', () => {
    expect(termQuery('isis', false).fuzzy).toBe(0);
    expect(termQuery('daesh', false).fuzzy).toBe(1);
    expect(termQuery('hezbolah', false).fuzzy).toBe(2);
  });

  it('completes the word being typed from two letters on, and Japanese or Chinese words always', () => {
    expect(termQuery('ac', true).prefix).toBe(true);
    expect(termQuery('a', true).prefix).toBe(false);
    expect(termQuery('accessib', false).prefix).toBe(false);
    expect(termQuery('東京', false)).toMatchObject({ prefix: true, fuzzy: 0 });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('hezbolah', 'hezbollah')).toBe(1);
    expect(editDistance('gsx', 'gsa')).toBe(1);
    expect(editDistance('kamal', 'kamal')).toBe(0);
    expect(editDistance('', 'isis')).toBe(4);
  });
});

describe('compileQuery', () => {
  it('requires every word, each in any of its forms, and completes only the last', () => {
    expect(compileQuery(parseQuery('al-Abadi ira'), 'AND', { typing: true })).toEqual({
      combineWith: 'AND',
      queries: [
        {
          combineWith: 'OR',
          queries: [
            {
              combineWith: 'AND',
              queries: [
                { queries: ['al'], prefix: false, fuzzy: 0 },
                { queries: ['abadi'], prefix: false, fuzzy: 1 },
              ],
            },
            { queries: ['alabadi'], prefix: false, fuzzy: 1 },
          ],
        },
        { queries: ['ira'], prefix: true, fuzzy: 0 },
      ],
    });
  });
});

describe('joinedVariants', () => {
  it('writes each pair of neighbouring plain words as one', () => {
    expect(joinedVariants(parseQuery('albu kamal town')).map((v) => v.joined)).toEqual(['albukamal', 'kamaltown']);
    expect(joinedVariants(parseQuery('albu kamal'))[0]).toEqual({ words: [[['albukamal']]], joined: 'albukamal', last: true });
  });

  it('leaves hyphenated words and words of scripts without spaces alone', () => {
    expect(joinedVariants(parseQuery('al-Abadi said'))).toEqual([]);
    expect(joinedVariants(parseQuery('東京 都庁'))).toEqual([]);
  });
});

/*
 * An index over short names, not articles: the archive has nothing in Japanese, Chinese or Arabic,
 * so this is where those scripts are searched end to end with the shared options.
 */
describe('compiled queries over the shared index options', () => {
  const names: Pick<SearchDocument, 'id' | 'title'>[] = [
    { id: 'tokyo-city-hall', title: '東京都庁' },
    { id: 'islamic-state-ja', title: 'イスラム国' },
    { id: 'islamic-state-zh', title: '伊斯兰国' },
    { id: 'albu-kamal-ar', title: 'البوكمال' },
    { id: 'abu-kamal-ar', title: 'أبو كمال' },
    { id: 'deir-ez-zor-ar', title: 'دير الزور' },
    { id: 'al-bukamal', title: 'Al-Bukamal' },
    { id: 'abadi', title: 'Haider al-Abadi' },
    // Sentences written for these tests, not articles.
    { id: 'camera', title: '新しいデジタルカメラを買った' },
    { id: 'fuji-tv', title: 'フジテレビの番組を見た' },
    { id: 'router', title: 'Wi-Fi対応のルーター' },
    // Real Japanese text: NHK News Web Easy's "about" line (../shared/corpora/extraction-eval).
    { id: 'nhk-easy', title: '「ＮＥＷＳ ＷＥＢ ＥＡＳＹ」は外国人の皆さんや、小学生・中学生の皆さんのために、わかりやすいことばでニュースを伝えるウェブサイトです。' },
  ];
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(names.map((n) => ({ ...n, summary: '', body: '', author: '', outlets: '', category: '', tags: '', urls: '', date: '2017-11-10', slug: n.id, categorySlug: '' })));
  const find = (q: string) => index.search(compileQuery(parseQuery(q), 'AND', { typing: isTyping(q) }), COMPILED_QUERY_OPTIONS).map((r) => r.id as string);

  it('finds Japanese and Chinese names by their words, and by a word cut differently', () => {
    expect(find('イスラム国')).toEqual(['islamic-state-ja']);
    expect(find('伊斯兰国')).toEqual(['islamic-state-zh']);
    // "東京都" is cut 東京 + 都, the title 東京 + 都庁: Chinese and Japanese words are prefixes.
    expect(find('東京都')).toEqual(['tokyo-city-hall']);
  });

  it('finds a katakana word inside the longer katakana compounds, as a kanji word inside kanji ones', () => {
    expect(find('カメラ')).toEqual(['camera']);
    expect(find('デジタルカメラ')).toEqual(['camera']);
    expect(find('テレビ')).toEqual(['fuji-tv']);
    expect(find('フジテレビ')).toEqual(['fuji-tv']);
    // The segmenter cuts 外国人 into 外国 + 人; ウェブサイト is one word of its dictionary.
    expect(find('外国')).toEqual(['nhk-easy']);
    expect(find('ウェブサイト')).toEqual(['nhk-easy']);
  });

  it('finds a hyphenated word written against Japanese by its joined form and as typed', () => {
    expect(find('wifi')).toEqual(['router']);
    expect(find('Wi-Fi')).toEqual(['router']);
    expect(find('wi fi')).toEqual(['router']);
  });

  it('finds an Arabic name with or without the article, and whatever its hamza', () => {
    expect(find('البوكمال')).toEqual(['albu-kamal-ar']);
    expect(find('بوكمال')).toEqual(['albu-kamal-ar']);
    expect(find('ابو كمال')).toEqual(['abu-kamal-ar']);
    expect(find('الزور')).toEqual(['deir-ez-zor-ar']);
    expect(find('زور')).toEqual(['deir-ez-zor-ar']);
  });

  it('finds hyphenated names spelt with a space, a hyphen or none', () => {
    expect(find('al-Abadi')).toEqual(['abadi']);
    expect(find('al abadi')).toEqual(['abadi']);
    expect(find('alabadi')).toEqual(['abadi']);
    expect(find('Abadi')).toEqual(['abadi']);
    expect(find('Al Bukamal ')).toEqual(['al-bukamal']);
    expect(find('albukamal')).toEqual(['al-bukamal']);
  });
});
