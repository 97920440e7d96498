import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, type ArchiveMetaFile } from '../../core/format';
import { tempArchive } from '../testing/tempArchive';
import { writeArchiveFiles } from './writeArchive';

describe('writeArchiveFiles', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = await tempArchive());
  });
  afterEach(() => cleanup());

  it('replaces files and leaves no temporary file behind', async () => {
    const meta = JSON.parse(await readFile(path.join(dir, 'archive.json'), 'utf8')) as ArchiveMetaFile;
    const written = await writeArchiveFiles(dir, { meta: { ...meta, name: 'Syria coverage, November 2017' }, months: [{ format: ARCHIVE_FORMAT, month: '2017-11', articles: [] }] });
    expect(written).toEqual(['archive.json', 'articles/2017-11.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'archive.json'), 'utf8')).name).toBe('Syria coverage, November 2017');
    expect((await readdir(dir)).sort()).toEqual(['archive.json', 'articles']);
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['2017-11.json']);
  });

  it('changes nothing when a file cannot be written', async () => {
    const before = await readFile(path.join(dir, 'archive.json'), 'utf8');
    const meta = JSON.parse(before) as ArchiveMetaFile;
    // A directory where the month's temporary file must go makes the second write fail.
    await mkdir(path.join(dir, 'articles', `2017-11.json.tmp-${process.pid}`), { recursive: true });
    await expect(
      writeArchiveFiles(dir, { meta: { ...meta, name: 'changed' }, months: [{ format: ARCHIVE_FORMAT, month: '2017-11', articles: [] }] }),
    ).rejects.toThrow(/EISDIR/);
    expect(await readFile(path.join(dir, 'archive.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['archive.json', 'articles']);
  });

  it('writes pretty JSON ending in a newline, for reviewable diffs', async () => {
    await writeFile(path.join(dir, 'x'), '');
    await writeArchiveFiles(dir, { months: [{ format: ARCHIVE_FORMAT, month: '2017-11', articles: [] }] });
    expect(await readFile(path.join(dir, 'articles/2017-11.json'), 'utf8')).toBe('{\n  "format": "news-archive/1",\n  "month": "2017-11",\n  "articles": []\n}\n');
  });
});
