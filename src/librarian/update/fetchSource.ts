/**
 * How `librarian update` fetches a source over HTTP, with Node's own fetch: a conditional request
 * when validators from the last run are known (If-None-Match, If-Modified-Since), a time limit
 * for each attempt (redirects and body included), redirects followed up to a bound, a body size
 * limit checked on Content-Length and while streaming, a User-Agent naming the tool, and retries
 * with exponential back-off after a network error, a timeout, a 5xx or a 429 (waiting as long as
 * Retry-After asks, within reason).
 */

/** What a server said about a representation, to ask next time whether it changed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchSourceOptions {
  userAgent: string;
  /** One attempt, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  /** Further attempts after a transient failure. */
  retries: number;
  /** Wait before the first retry, doubled for each further one (default 1 s). */
  retryDelayMs?: number;
  /** The longest Retry-After honoured (default 60 s); a server asking for longer fails the source for this run. */
  maxRetryAfterMs?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  validators?: Validators;
  /** What the body should be (`Accept`). */
  accept?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** What one attempt got: `movedTo` is a permanent redirect from the address asked for. */
type Answer =
  | { status: 'not-modified'; movedTo: string | null }
  | { status: 'fetched'; body: Buffer; url: string; validators: Validators; movedTo: string | null };

/** What a fetch got, and in how many attempts. */
export type FetchedSource = Answer & { attempts: number };

/** Why a source could not be fetched, said for the librarian. */
export class FetchSourceError extends Error {
  constructor(
    message: string,
    /** Worth another attempt: the network failed, the time ran out, or the server answered 5xx or 429. */
    readonly transient: boolean,
    /** How long a 429 or 503 asked to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const tooLarge = (size: string) => new FetchSourceError(`the answer is ${size} bytes, over the ${maxBytes}-byte limit (maxBytes)`, false);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(String(declared));
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > maxBytes) {
      // Stops the download: the rest is never read.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${maxBytes}`);
    }
    chunks.push(value);
  }
}

async function attempt(url: string, options: FetchSourceOptions, signal: AbortSignal): Promise<Answer> {
  const maxRedirects = options.maxRedirects ?? 5;
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: options.accept ?? '*/*' };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  let current = url;
  let movedTo: string | null = null;
  for (let redirects = 0; ; redirects++) {
    const response = await (options.fetch ?? fetch)(current, { headers, redirect: 'manual', signal });
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new FetchSourceError(`${current} answered ${response.status} without a Location to go to`, false);
      if (redirects >= maxRedirects) throw new FetchSourceError(`more than ${maxRedirects} redirects (the last to ${new URL(location, current).href})`, false);
      const next = new URL(location, current);
      if (!['http:', 'https:'].includes(next.protocol)) throw new FetchSourceError(`${current} redirects to ${next.href}, not an http(s) address`, false);
      // A permanent move from the first address is worth telling the librarian (SOURCES.json may say the new one).
      if (redirects === 0 && (response.status === 301 || response.status === 308)) movedTo = next.href;
      current = next.href;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-modified', movedTo };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const transient = response.status >= 500 || response.status === 429;
      const wait = transient ? retryAfterMs(response.headers.get('retry-after')) : undefined;
      throw new FetchSourceError(`the server answered ${response.status} ${response.statusText}`.trimEnd(), transient, wait);
    }
    const body = await readLimited(response, options.maxBytes);
    const validators: Validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
    return { status: 'fetched', body, url: current, validators, movedTo };
  }
}

/** One attempt, with its time limit; failures of the network or of time become {@link FetchSourceError}s. */
async function attemptInTime(url: string, options: FetchSourceOptions): Promise<Answer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    return await attempt(url, options, signal);
  } catch (error) {
    if (signal.aborted) throw new FetchSourceError(`no complete answer within ${options.timeoutMs / 1000} s (timeoutSeconds)`, true);
    if (error instanceof FetchSourceError) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchSourceError(`could not be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`, true);
  }
}

/** Fetches `url` (see the header comment); throws a {@link FetchSourceError} saying what went wrong. */
export async function fetchSource(url: string, options: FetchSourceOptions): Promise<FetchedSource> {
  const sleep = options.sleep ?? defaultSleep;
  const base = options.retryDelayMs ?? 1000;
  const longest = options.maxRetryAfterMs ?? 60_000;
  for (let n = 0; ; n++) {
    try {
      return { ...(await attemptInTime(url, options)), attempts: n + 1 };
    } catch (error) {
      if (!(error instanceof FetchSourceError)) throw error;
      const after = n > 0 ? ` (after ${n + 1} attempts)` : '';
      if (!error.transient || n >= options.retries) throw new FetchSourceError(`${error.message}${after}`, error.transient);
      if (error.retryAfterMs !== undefined && error.retryAfterMs > longest) {
        throw new FetchSourceError(`${error.message}, asking to retry after ${Math.round(error.retryAfterMs / 1000)} s, longer than one run waits (${longest / 1000} s)${after}`, true);
      }
      await sleep(Math.max(base * 2 ** n, error.retryAfterMs ?? 0));
    }
  }
}
