import { describe, expect, it } from 'vitest';
import { keepBaseSlash } from './keepBaseSlash';

/** A history that records the addresses written to it. */
function recordingHistory() {
  const written: (string | URL | null | undefined)[] = [];
  const history = {
    pushState: (_data: unknown, _unused: string, url?: string | URL | null) => void written.push(url),
    replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => void written.push(url),
  };
  return { history, written };
}

describe('keepBaseSlash', () => {
  it('gives the base its slash back in every address the router writes as the bare base, with its query or fragment', () => {
    const { history, written } = recordingHistory();
    keepBaseSlash('/news/', history);
    history.pushState(null, '', '/news');
    history.replaceState(null, '', '/news?page=2');
    history.pushState(null, '', '/news#main');
    expect(written).toEqual(['/news/', '/news/?page=2', '/news/#main']);
  });

  it('leaves every other address alone, and the root base entirely', () => {
    const { history, written } = recordingHistory();
    keepBaseSlash('/news/', history);
    for (const url of ['/news/', '/news/archive/2017', '/newsletter', '/search?q=news']) history.pushState(null, '', url);
    expect(written).toEqual(['/news/', '/news/archive/2017', '/newsletter', '/search?q=news']);
    const root = recordingHistory();
    const { pushState } = root.history;
    keepBaseSlash('/', root.history);
    expect(root.history.pushState).toBe(pushState);
  });
});
