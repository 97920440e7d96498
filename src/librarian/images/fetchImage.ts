/** How the librarian fetches images over HTTP (`--fetch-images` and its limits). */
export interface FetchImageOptions {
  /** Whole download, redirects included (`--image-timeout`, in seconds there); default 15 s. */
  timeoutMs?: number;
  /** Largest image accepted, by Content-Length and while reading (`--image-max-bytes`); default 20 MB. */
  maxBytes?: number;
  /** Further attempts after a network error or a 5xx answer; default 2. */
  retries?: number;
  /** Wait before the first retry, doubled for each further one; default 1 s. */
  retryDelayMs?: number;
  /** Default `offline-news-archive-librarian/<version> (+images kept for offline reading)`. */
  userAgent?: string;
  fetch?: typeof fetch;
}

export const DEFAULT_IMAGE_TIMEOUT_MS = 15_000;
export const DEFAULT_IMAGE_MAX_BYTES = 20_000_000;
const USER_AGENT = 'offline-news-archive-librarian/0.1 (keeps article images for offline reading)';

/** Why an image could not be fetched, said for the librarian (the caller names article and address). */
export class ImageFetchError extends Error {
  constructor(
    message: string,
    /** Worth another attempt: the network failed or the server answered 5xx. */
    readonly transient: boolean,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchOnce(url: string, options: Required<Omit<FetchImageOptions, 'fetch'>> & { fetch: typeof fetch }): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = () => new ImageFetchError(`no complete answer within ${options.timeoutMs / 1000} s (--image-timeout)`, false);
  let response: Response;
  try {
    response = await options.fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': options.userAgent, accept: 'image/*' } });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ImageFetchError(`could not be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`, true);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ImageFetchError(`the server answered ${response.status} ${response.statusText}`.trimEnd(), response.status >= 500);
  }
  const tooLarge = (bytes: string) => new ImageFetchError(`is ${bytes} bytes, over the ${options.maxBytes}-byte limit (--image-max-bytes)`, false);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(String(declared));
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^(text\/html|application\/json)/i.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    throw new ImageFetchError(`is not an image (the server sent ${type.split(';')[0]})`, false);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      received += read.value.byteLength;
      if (received > options.maxBytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge(`more than ${options.maxBytes}`);
      }
      chunks.push(read.value);
    }
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    if (signal.aborted) throw timedOut();
    throw new ImageFetchError(`the download was cut off (${(error as Error).message})`, true);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads an image with Node's fetch: redirects followed, the whole download within
 * `timeoutMs`, at most `maxBytes` (checked on Content-Length and while reading), a User-Agent
 * naming the tool, and `retries` more attempts with back-off after a network error or a 5xx.
 * Throws {@link ImageFetchError} saying what went wrong.
 */
export async function fetchImage(url: string, options: FetchImageOptions = {}): Promise<Buffer> {
  const resolved = {
    timeoutMs: options.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_IMAGE_MAX_BYTES,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 1000,
    userAgent: options.userAgent ?? USER_AGENT,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, resolved);
    } catch (error) {
      if (!(error instanceof ImageFetchError) || !error.transient || attempt >= resolved.retries) {
        if (error instanceof ImageFetchError && attempt > 0) error.message += ` (after ${attempt + 1} attempts)`;
        throw error;
      }
      await sleep(resolved.retryDelayMs * 2 ** attempt);
    }
  }
}
