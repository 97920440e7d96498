import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';
import { ARCHIVE_FORMAT } from './format';
import { ArchiveValidationError, assertValidArchive, formatProblem, validateArchiveMeta, validateArchiveMonth } from './validateArchive';
import type { Article } from './types';

const meta = {
  format: ARCHIVE_FORMAT,
  name: 'Offline News Archive',
  description: '',
  categories: [{ slug: 'middle-east', name: 'Middle East' }],
  tags: [],
  aliases: [['Albu Kamal', 'Abu Kamal']],
};

const article: Article = {
  id: '3f1c2b7a9d0e4c11',
  slug: 'daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion',
  title: 'Daesh in desperate attempt to save Albu Kamal, last Syrian bastion',
  date: '2017-11-10',
  sources: [{ outlet: 'Arab News', url: 'http://www.arabnews.com/node/1191671/middle-east' }],
  author: null,
  category: 'middle-east',
  tags: [],
  summary: 'Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday.',
  body: '<p>BEIRUT: Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday.</p>',
};

function month(articles: unknown[]) {
  return { format: ARCHIVE_FORMAT, month: '2017-11', articles };
}

describe('validateArchiveMeta', () => {
  it('accepts valid metadata', () => {
    expect(validateArchiveMeta('archive.json', meta)).toEqual([]);
  });

  it('names the field of a wrong format version', () => {
    const problems = validateArchiveMeta('archive.json', { ...meta, format: 'news-archive/0' });
    expect(problems.map(formatProblem)).toEqual(['archive: archive.json: format: must be "news-archive/1" (found "news-archive/0")']);
  });

  it('rejects a duplicate category slug and an alias listed twice', () => {
    const problems = validateArchiveMeta('archive.json', {
      ...meta,
      categories: [...meta.categories, { slug: 'middle-east', name: 'Mideast' }],
      aliases: [['Raqqa', 'raqqa']],
    });
    expect(problems.map(formatProblem)).toEqual([
      'archive: archive.json: categories[1]: slug: duplicate slug "middle-east"',
      'archive: archive.json: aliases[0]: "raqqa" is listed twice',
    ]);
  });
});

describe('validateArchiveMonth', () => {
  it('accepts a valid month', () => {
    expect(validateArchiveMonth('articles/2017-11.json', month([article]), meta)).toEqual([]);
  });

  it('names file, record and field of each problem', () => {
    const bad = { ...article, date: '10 November 2017', category: 'world', sources: [{ outlet: 'Arab News', url: 'javascript:alert(1)' }] };
    const messages = validateArchiveMonth('articles/2017-11.json', month([bad]), meta).map(formatProblem);
    expect(messages).toEqual([
      'archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): date: must be an ISO 8601 date (found "10 November 2017")',
      'archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): sources[0].url: must be an http(s) URL or null (found "javascript:alert(1)")',
      'archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): category: must be null or a category declared in archive.json (found "world")',
    ]);
  });

  it('rejects an article filed under the wrong month', () => {
    const messages = validateArchiveMonth('articles/2017-11.json', month([{ ...article, date: '2017-12-01' }]), meta).map(formatProblem);
    expect(messages).toEqual(['archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): date: 2017-12-01 is not in this file\'s month 2017-11']);
  });

  it('catches a duplicate id across files and a duplicate slug within a month', () => {
    const known = new Map<string, string>();
    validateArchiveMonth('articles/2017-10.json', { ...month([{ ...article, date: '2017-10-01' }]), month: '2017-10' }, meta, known);
    const messages = validateArchiveMonth('articles/2017-11.json', month([article, { ...article, id: '0000aaaa1111bbbb' }]), meta, known).map(formatProblem);
    expect(messages).toEqual([
      'archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): id: duplicate id, also in articles/2017-10.json article 0 (3f1c2b7a9d0e4c11)',
      'archive: articles/2017-11.json: article 1 (0000aaaa1111bbbb): slug: duplicate slug "daesh-in-desperate-attempt-to-save-albu-kamal-last-syrian-bastion" in this month',
    ]);
  });

  it('accepts a slug in any script, with Japanese ー, 々 and voicing marks, and refuses what slugify would change', () => {
    const slugs = ['機動戦士ガンダム-放送開始から45周年', 'ラーメン店の行列-人々の楽しみに', 'مُحَمَّد-صلاح', 'йошкар-ола', 'αθήνα-νέα'];
    const articles = slugs.map((slug, i) => ({ ...article, id: `3f1c2b7a9d0e4c1${i}`, slug }));
    expect(validateArchiveMonth('articles/2017-11.json', month(articles), meta)).toEqual([]);
    const bad = validateArchiveMonth('articles/2017-11.json', month([{ ...article, slug: 'Daesh--Albu Kamal' }]), meta).map(formatProblem);
    expect(bad).toEqual(['archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): slug: not a slug: "Daesh--Albu Kamal"']);
  });

  it('accepts every slug slugify makes, for article and label alike (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }), (title) => {
        const slug = slugify(title);
        fc.pre(slug !== '');
        expect(validateArchiveMonth('articles/2017-11.json', month([{ ...article, slug }]), meta)).toEqual([]);
        expect(validateArchiveMeta('archive.json', { ...meta, categories: [{ slug, name: title }] })).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('reports a file that is not an object', () => {
    expect(validateArchiveMonth('articles/2017-11.json', [], meta).map(formatProblem)).toEqual(['archive: articles/2017-11.json: not a JSON object']);
  });
});

describe('assertValidArchive', () => {
  it('throws one error listing every problem', () => {
    const problems = validateArchiveMonth('articles/2017-11.json', month([{ ...article, title: '' }]), meta);
    expect(() => assertValidArchive(problems)).toThrow(ArchiveValidationError);
    expect(() => assertValidArchive(problems)).toThrow('archive: articles/2017-11.json: article 0 (3f1c2b7a9d0e4c11): title: must be a non-empty string');
  });
});
