import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchSourceOptions, FetchSourceError, fetchSource, retryAfterMs } from './fetchSource';
import { FEEDS_DIR, FEEDS_LAST_MODIFIED, type SourceServer, sourceServerPossible, startSourceServer } from './testing/sourceServer';

const USER_AGENT = 'offline-news-archive-librarian/0.1.0 (+https://news.example.org/about; daily update of an offline news archive)';

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe.skipIf(!sourceServerPossible)('fetchSource against a local host serving the shared feeds', () => {
  let server: SourceServer;
  const waits: number[] = [];
  const options = (more: Partial<FetchSourceOptions> = {}): FetchSourceOptions => ({
    userAgent: USER_AGENT,
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    retries: 2,
    retryDelayMs: 10,
    sleep: async (ms) => void waits.push(ms),
    ...more,
  });
  const seen = (p: string) => server.requests.filter((r) => r.path === p);
  beforeAll(async () => {
    server = await startSourceServer();
  });
  afterAll(() => server.close());

  it('fetches a feed naming the tool, remembers its validators, and asks conditionally the next time (304)', async () => {
    const first = await fetchSource(`${server.base}/feeds/guardian.rss`, options());
    expect(first.status).toBe('fetched');
    if (first.status !== 'fetched') return;
    expect(first.body.equals(readFileSync(path.join(FEEDS_DIR, 'guardian.rss')))).toBe(true);
    expect(first.validators).toEqual({ etag: expect.stringMatching(/^"[0-9a-f]{16}"$/), lastModified: FEEDS_LAST_MODIFIED });
    expect(seen('/feeds/guardian.rss')[0]!.headers['user-agent']).toBe(USER_AGENT);

    const second = await fetchSource(`${server.base}/feeds/guardian.rss`, options({ validators: first.validators }));
    expect(second).toEqual({ status: 'not-modified', attempts: 1, movedTo: null });
    expect(seen('/feeds/guardian.rss')[1]!.headers).toMatchObject({ 'if-none-match': first.validators.etag, 'if-modified-since': FEEDS_LAST_MODIFIED });
    // Last-Modified alone is enough too.
    expect((await fetchSource(`${server.base}/feeds/guardian.rss`, options({ validators: { lastModified: FEEDS_LAST_MODIFIED } }))).status).toBe('not-modified');
  });

  it('retries a 500 with back-off and gets the feed the second time', async () => {
    waits.length = 0;
    const got = await fetchSource(`${server.base}/flaky/heise.atom`, options());
    expect(got).toMatchObject({ status: 'fetched', attempts: 2 });
    expect(waits).toEqual([10]);
  });

  it('gives up on a server that always answers 500, after the retries, waiting twice as long each time', async () => {
    waits.length = 0;
    const failing = fetchSource(`${server.base}/down`, options());
    await expect(failing).rejects.toThrow(new FetchSourceError('the server answered 500 Internal Server Error (after 3 attempts)', true));
    expect(waits).toEqual([10, 20]);
    expect(seen('/down')).toHaveLength(3);
  });

  it('waits as long as a 429 asks (Retry-After), and not when it asks for an hour', async () => {
    waits.length = 0;
    expect(await fetchSource(`${server.base}/busy/heise.atom`, options())).toMatchObject({ status: 'fetched', attempts: 2 });
    expect(waits).toEqual([1000]);
    await expect(fetchSource(`${server.base}/throttled`, options())).rejects.toThrow(
      'the server answered 429 Too Many Requests, asking to retry after 3600 s, longer than one run waits (60 s)',
    );
    expect(seen('/throttled')).toHaveLength(1);
  });

  it('stops waiting for a slow server after the time limit, each attempt', async () => {
    await expect(fetchSource(`${server.base}/slow`, options({ timeoutMs: 200, retries: 1 }))).rejects.toThrow('no complete answer within 0.2 s (timeoutSeconds) (after 2 attempts)');
    expect(seen('/slow')).toHaveLength(2);
  });

  it('follows redirects, says when a source moved for good, and stops a loop', async () => {
    const moved = await fetchSource(`${server.base}/moved/heise.atom`, options());
    expect(moved).toMatchObject({ status: 'fetched', url: `${server.base}/feeds/heise.atom`, movedTo: `${server.base}/feeds/heise.atom` });
    const found = await fetchSource(`${server.base}/found/heise.atom`, options());
    expect(found).toMatchObject({ status: 'fetched', url: `${server.base}/feeds/heise.atom`, movedTo: null });
    await expect(fetchSource(`${server.base}/loop`, options())).rejects.toThrow(`more than 5 redirects (the last to ${server.base}/loop)`);
    expect(seen('/loop')).toHaveLength(6);
  });

  it('refuses an oversized answer by its Content-Length, and stops reading one that says none', async () => {
    await expect(fetchSource(`${server.base}/huge-declared`, options())).rejects.toThrow('the answer is 100000000 bytes, over the 1048576-byte limit (maxBytes)');
    await expect(fetchSource(`${server.base}/huge`, options())).rejects.toThrow('the answer is more than 1048576 bytes, over the 1048576-byte limit (maxBytes)');
    expect(seen('/huge')).toHaveLength(1);
  });

  it('names a network failure, after retrying it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchSource(`http://127.0.0.1:${port}/feed.xml`, options({ retries: 1 }))).rejects.toThrow('could not be fetched (ECONNREFUSED) (after 2 attempts)');
  });
});
