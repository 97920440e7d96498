import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT } from '../../core/format';
import { BundleLoadError, createBundleLoader } from './bundleLoader';
import { manifest, monthFiles } from './testing/bundleFixture';

/** A fetch over the fixture bundle that counts requests by URL. */
function fixtureFetch(overrides: Record<string, () => Promise<Response>> = {}) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const files: Record<string, unknown> = { 'manifest.json': manifest, ...monthFiles };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    calls.push({ url, init });
    const override = overrides[url];
    if (override) return override();
    const name = url.replace(/^\/archive\/bundle\//, '');
    const data = files[name];
    return data ? new Response(JSON.stringify(data)) : new Response('Not Found', { status: 404, statusText: 'Not Found' });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('createBundleLoader', () => {
  it('fetches the manifest from BASE_URL/bundle/ without trusting the HTTP cache', async () => {
    const { fetch, calls } = fixtureFetch();
    const loader = createBundleLoader({ baseUrl: '/archive/', fetch });
    expect((await loader.loadManifest()).name).toBe('Offline News Archive');
    expect(calls).toEqual([{ url: '/archive/bundle/manifest.json', init: { cache: 'no-cache' } }]);
  });

  it('shares one fetch between concurrent callers of the same month file', async () => {
    const { fetch, calls } = fixtureFetch();
    const loader = createBundleLoader({ baseUrl: '/archive/', fetch });
    const [a, b] = await Promise.all([loader.loadMonthFile('month-2017-11.f5b9aa08a336.json'), loader.loadMonthFile('month-2017-11.f5b9aa08a336.json')]);
    expect(a).toBe(b);
    expect(a.articles.map((x) => x.slug)).toContain('abu-kamal-grasping-defeat-from-the-jaws-of-victory');
    await loader.loadMonthFile('month-2017-11.f5b9aa08a336.json');
    expect(calls).toHaveLength(1);
  });

  it('refuses a manifest of an older bundle format with a clear message', async () => {
    const { fetch } = fixtureFetch({
      '/archive/bundle/manifest.json': async () => new Response(JSON.stringify({ ...manifest, format: 'news-bundle/1' })),
    });
    const loader = createBundleLoader({ baseUrl: '/archive/', fetch });
    await expect(loader.loadManifest()).rejects.toThrow(
      `bundle: manifest.json: format "news-bundle/1" is not "${BUNDLE_FORMAT}", the one this reader understands (reload to get the current reader)`,
    );
  });

  it('reports a file the server does not have, with its status', async () => {
    const loader = createBundleLoader({ baseUrl: '/archive/', fetch: fixtureFetch().fetch });
    const error = await loader.loadMonthFile('month-2016-01.000000000000.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleLoadError);
    expect(error).toMatchObject({ failure: 'http', message: 'bundle: month-2016-01.000000000000.json: the server answered 404 Not Found' });
  });

  it('forgets a failed fetch, so that a retry once back online succeeds', async () => {
    let online = false;
    const { fetch, calls } = fixtureFetch({
      '/archive/bundle/month-2018-01.0f9697fcc212.json': async () => {
        if (!online) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify(monthFiles['month-2018-01.0f9697fcc212.json']));
      },
    });
    const loader = createBundleLoader({ baseUrl: '/archive/', fetch });
    await expect(loader.loadMonthFile('month-2018-01.0f9697fcc212.json')).rejects.toMatchObject({
      failure: 'offline',
      message: 'bundle: month-2018-01.0f9697fcc212.json: could not be fetched (TypeError: Failed to fetch); this device may be offline and not have it saved yet',
    });
    online = true;
    expect((await loader.loadMonthFile('month-2018-01.0f9697fcc212.json')).month).toBe('2018-01');
    expect(calls).toHaveLength(2);
  });
});
