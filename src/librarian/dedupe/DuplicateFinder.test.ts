import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractTextDump } from '../extract/extractTextDump';
import { SEED_FILES, seedsPresent } from '../testing/tempArchive';
import { DuplicateFinder, NEAR_DUPLICATE_THRESHOLD } from './DuplicateFinder';
import { jaccard, shingles } from './minHash';

async function seedText(i: number): Promise<string> {
  const file = SEED_FILES[i]!;
  const page = extractTextDump(await readFile(file, 'utf8'), file);
  return `${page.title}\n${page.paragraphs.join('\n')}`;
}

describe.skipIf(!seedsPresent)('DuplicateFinder on the seed pages', () => {
  it('finds the same article published on two sites', async () => {
    const finder = new DuplicateFinder<string>();
    for (const i of [0, 2, 3, 4]) finder.add(`seed ${i}`, await seedText(i));
    expect(finder.find(await seedText(1))).toEqual({ key: 'seed 0', similarity: 1 });
  });

  it('does not confuse different articles about the same event', async () => {
    const finder = new DuplicateFinder<string>();
    for (const i of [0, 2, 4]) finder.add(`seed ${i}`, await seedText(i));
    expect(finder.find(await seedText(3))).toBeUndefined();
  });

  it('finds a copy with a paragraph cut from the end (a near duplicate)', async () => {
    const full = await seedText(2);
    const trimmed = full.split('\n').slice(0, -1).join('\n');
    expect(jaccard(shingles(full), shingles(trimmed))).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
    const finder = new DuplicateFinder<string>();
    finder.add('arab news', full);
    expect(finder.find(trimmed)?.key).toBe('arab news');
  });
});
