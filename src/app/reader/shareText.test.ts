import { describe, expect, it } from 'vitest';
import { graspingDefeat, peaceCorpsSatisfaction } from '../archive/testing/bundleFixture';
import { shareClipboardText, shareData, shareLinks } from './shareText';

describe('shareLinks', () => {
  const inApp = 'https://news.example.org/articles/2017/11/abu-kamal-grasping-defeat-from-the-jaws-of-victory';

  it('gives the in-app address and the first original address, in the clipboard text and the share data', () => {
    const links = shareLinks(graspingDefeat.title, inApp, graspingDefeat.sources);
    const original = graspingDefeat.sources.find((s) => s.url !== null)!.url!;
    expect(shareClipboardText(links)).toBe(`${graspingDefeat.title}\nIn the archive: ${inApp}\nOriginal: ${original}`);
    expect(shareData(links)).toEqual({ title: graspingDefeat.title, url: inApp, text: `${graspingDefeat.title}\nOriginal: ${original}` });
  });

  it('leaves the original out when the archive knows no address of it', () => {
    expect(peaceCorpsSatisfaction.sources.every((s) => s.url === null)).toBe(true);
    const links = shareLinks(peaceCorpsSatisfaction.title, inApp, peaceCorpsSatisfaction.sources);
    expect(shareClipboardText(links)).toBe(`${peaceCorpsSatisfaction.title}\nIn the archive: ${inApp}`);
    expect(shareData(links)).toEqual({ title: peaceCorpsSatisfaction.title, url: inApp });
  });
});
