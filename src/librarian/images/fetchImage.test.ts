import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, ImageFetchError } from './fetchImage';
import { imageFixtures, serveFile, serveImages } from './testing/imageFixtures';

let server: Awaited<ReturnType<typeof serveImages>>;
let photo: Buffer;
const userAgents: string[] = [];

beforeAll(async () => {
  photo = await readFile(imageFixtures.photo);
  let flaky = 0;
  server = await serveImages({
    '/photo.jpg': (req, res) => {
      userAgents.push(req.headers['user-agent'] ?? '');
      return serveFile(imageFixtures.photo, 'image/jpeg')(req, res);
    },
    '/flaky.jpg': (req, res) => {
      if (flaky++ === 0) {
        res.writeHead(500, 'Internal Server Error');
        res.end();
        return;
      }
      return serveFile(imageFixtures.photo, 'image/jpeg')(req, res);
    },
    '/down.jpg': (_req, res) => {
      res.writeHead(503, 'Service Unavailable');
      res.end();
    },
    '/slow.jpg': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.write(photo.subarray(0, 100));
      // The rest never comes.
    },
    '/declared-huge.jpg': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 50_000_000 });
      res.write(photo.subarray(0, 100));
    },
    '/streamed-huge.jpg': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      for (let i = 0; i < 10; i++) res.write(photo);
      res.end();
    },
    '/moved.jpg': (_req, res) => {
      res.writeHead(302, { location: '/photo.jpg' });
      res.end();
    },
    '/page.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Sign in</title>');
    },
  });
});

afterAll(() => server.close());

const fast = { retryDelayMs: 10 };
const failure = (url: string, options = {}) => fetchImage(`${server.base}${url}`, { ...fast, ...options }).then(() => undefined, (e: unknown) => e);

describe('fetchImage', () => {
  it('downloads an image, naming the tool in its User-Agent', async () => {
    expect((await fetchImage(`${server.base}/photo.jpg`, fast)).equals(photo)).toBe(true);
    expect(userAgents.at(-1)).toMatch(/^offline-news-archive-librarian\//);
  });

  it('follows a redirect', async () => {
    expect((await fetchImage(`${server.base}/moved.jpg`, fast)).equals(photo)).toBe(true);
  });

  it('tries again after a 500 and gets the image', async () => {
    expect((await fetchImage(`${server.base}/flaky.jpg`, fast)).equals(photo)).toBe(true);
    expect(server.hits.get('/flaky.jpg')).toBe(2);
  });

  it('gives up on a server that keeps failing after two retries', async () => {
    const error = await failure('/down.jpg');
    expect(error).toBeInstanceOf(ImageFetchError);
    expect((error as Error).message).toBe('the server answered 503 Service Unavailable (after 3 attempts)');
    expect(server.hits.get('/down.jpg')).toBe(3);
  });

  it('does not retry a 404', async () => {
    expect(((await failure('/missing.jpg')) as Error).message).toBe('the server answered 404 Not Found');
    expect(server.hits.get('/missing.jpg')).toBe(1);
  });

  it('stops a download that takes longer than the timeout', async () => {
    const started = Date.now();
    expect(((await failure('/slow.jpg', { timeoutMs: 300 })) as Error).message).toBe('no complete answer within 0.3 s (--image-timeout)');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses an image whose declared size is over the limit without reading it', async () => {
    expect(((await failure('/declared-huge.jpg', { maxBytes: 1_000_000 })) as Error).message).toBe(
      'is 50000000 bytes, over the 1000000-byte limit (--image-max-bytes)',
    );
  });

  it('stops reading an undeclared body once it passes the limit', async () => {
    expect(((await failure('/streamed-huge.jpg', { maxBytes: 1_000_000 })) as Error).message).toBe(
      'is more than 1000000 bytes, over the 1000000-byte limit (--image-max-bytes)',
    );
  });

  it('refuses a web page served in place of an image', async () => {
    expect(((await failure('/page.html')) as Error).message).toBe('is not an image (the server sent text/html)');
  });

  it('says when nothing answers', async () => {
    const closed = await serveImages({});
    await closed.close();
    const message = ((await fetchImage(`${closed.base}/nothing.jpg`, { ...fast, retries: 1 }).catch((e: unknown) => e)) as Error).message;
    expect(message).toBe('could not be fetched (ECONNREFUSED) (after 2 attempts)');
  });
});
