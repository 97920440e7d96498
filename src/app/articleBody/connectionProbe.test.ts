import { describe, expect, it } from 'vitest';
import { createConnectionProbe } from './connectionProbe';

/** A fetch that answers when told to, and counts its calls. */
function controlledFetch() {
  const calls: string[] = [];
  let settle: (ok: boolean) => void = () => {};
  const fetch = ((input: RequestInfo | URL) => {
    calls.push(String(input));
    return new Promise<Response>((resolve, reject) => {
      settle = (ok) => (ok ? resolve(new Response('')) : reject(new TypeError('Failed to fetch')));
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls, settle: (ok: boolean) => settle(ok) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createConnectionProbe', () => {
  it('is offline when the browser says so, without probing', () => {
    const server = controlledFetch();
    const probe = createConnectionProbe({ probeUrl: () => '/robots.txt', isOnline: () => false, fetch: server.fetch });
    probe.check();
    expect(probe.seemsOffline()).toBe(true);
    expect(server.calls).toEqual([]);
  });

  it('is offline after a failed probe although the browser says online, and online again after one that answers', async () => {
    let time = 0;
    const server = controlledFetch();
    const probe = createConnectionProbe({ probeUrl: () => '/robots.txt', isOnline: () => true, fetch: server.fetch, now: () => time });
    expect(probe.seemsOffline()).toBe(false);
    probe.check();
    server.settle(false);
    await flush();
    expect(probe.seemsOffline()).toBe(true);
    time += 60_000;
    probe.check();
    server.settle(true);
    await flush();
    expect(probe.seemsOffline()).toBe(false);
  });

  it('runs one probe at a time and trusts a fresh answer', async () => {
    let time = 0;
    const server = controlledFetch();
    const probe = createConnectionProbe({ probeUrl: () => '/robots.txt', isOnline: () => true, fetch: server.fetch, now: () => time, freshForMs: 10_000 });
    probe.check();
    probe.check();
    expect(server.calls).toHaveLength(1);
    server.settle(true);
    await flush();
    time += 5_000;
    probe.check();
    expect(server.calls).toHaveLength(1);
    time += 6_000;
    probe.check();
    expect(server.calls).toHaveLength(2);
  });
});
