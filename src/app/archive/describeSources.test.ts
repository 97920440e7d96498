import { describe, expect, it } from 'vitest';
import { describeSources, hostName } from './describeSources';

describe('describeSources', () => {
  it('separates named outlets from publications on unnamed sites', () => {
    const photoNews = { outlet: 'PhotoNews Pakistan', url: 'https://photonews.com.pk/abu-kamal-grasping-defeat-from-the-jaws-of-victory/' };
    const unnamed = { outlet: null, url: 'https://example.org/2017/11/abu-kamal' };
    expect(describeSources([photoNews, unnamed])).toEqual({ named: [photoNews], unnamed: [unnamed] });
  });

  it('keeps one entry per outlet, preferring the one with a URL', () => {
    const described = describeSources([
      { outlet: 'Arab News', url: null },
      { outlet: 'Arab News', url: 'https://www.arabnews.com/node/1191556/middle-east' },
    ]);
    expect(described.named).toEqual([{ outlet: 'Arab News', url: 'https://www.arabnews.com/node/1191556/middle-east' }]);
  });
});

describe('hostName', () => {
  it('drops the "www." of an address', () => {
    expect(hostName('https://www.arabnews.com/node/1191556/middle-east')).toBe('arabnews.com');
  });

  it('returns text that is not a URL as it is', () => {
    expect(hostName('arabnews')).toBe('arabnews');
  });
});
