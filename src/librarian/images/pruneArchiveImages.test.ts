import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../core/types';
import { encodeImage } from './encodeImage';
import { keptImageHtml } from './keepArticleImages';
import { pruneArchiveImages } from './pruneArchiveImages';
import { imageFixtures, removeTempDirs, tempDir } from './testing/imageFixtures';

afterEach(removeTempDirs);

describe('pruneArchiveImages', () => {
  it('deletes the images no article shows and keeps the others', async () => {
    const archive = await tempDir();
    const shown = await encodeImage(await readFile(imageFixtures.photo), archive);
    const orphan = await encodeImage(await readFile(imageFixtures.icon), archive);
    const article = { body: `<figure>${keptImageHtml(shown, 'The board')}</figure><p>It came today.</p>` } as Article;
    expect(await pruneArchiveImages(archive, [article])).toEqual([`images/${orphan.large.name}`]);
    expect((await readdir(path.join(archive, 'images'))).sort()).toEqual([shown.large.name, shown.small!.name].sort());
  });
});
