/**
 * Whether this device seems to be offline, for links that leave the archive: `navigator.onLine`
 * false, or the last probe of the app's own server failed. `onLine` is true on any network at
 * all, so a café's Wi-Fi without internet, or a cut cable behind the router, passes it; the probe
 * (started as the reader reaches for a link: pointer down, focus) catches those on the way.
 */
export interface ConnectionProbe {
  /** Starts a probe unless one is running or a recent one answered. */
  check(): void;
  /** True when offline by `navigator.onLine` or by the last finished probe. */
  seemsOffline(): boolean;
}

export interface ConnectionProbeOptions {
  /** An address on the app's server that no cache answers (the service worker does not precache it). */
  probeUrl: () => string;
  isOnline: () => boolean;
  fetch: typeof fetch;
  /** A probe not answered by then counts as failed: a connection that slow cannot show a page either. */
  timeoutMs?: number;
  /** How long a probe's answer stands before the next reach for a link probes again. */
  freshForMs?: number;
  now?: () => number;
}

/** A probe of the app's server (see {@link ConnectionProbe}). */
export function createConnectionProbe(options: ConnectionProbeOptions): ConnectionProbe {
  const timeoutMs = options.timeoutMs ?? 4000;
  const freshForMs = options.freshForMs ?? 10_000;
  const now = options.now ?? Date.now;
  let failed = false;
  let running = false;
  let answeredAt = -Infinity;

  const finish = (ok: boolean) => {
    failed = !ok;
    running = false;
    answeredAt = now();
  };

  return {
    check() {
      if (running || !options.isOnline() || now() - answeredAt < freshForMs) return;
      running = true;
      options
        .fetch(options.probeUrl(), { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) })
        .then(
          () => finish(true),
          () => finish(false),
        );
    },
    seemsOffline() {
      return !options.isOnline() || failed;
    },
  };
}
