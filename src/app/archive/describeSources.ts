import type { Source } from '../../core/types';

export interface DescribedSources {
  /** Sources whose outlet is known, in order, one per outlet (the first with a URL wins). */
  named: Source[];
  /** Sources whose page names no outlet. */
  unnamed: Source[];
}

/** Splits an article's sources into named outlets and publications on unnamed sites. */
export function describeSources(sources: readonly Source[]): DescribedSources {
  const named = new Map<string, Source>();
  const unnamed: Source[] = [];
  for (const source of sources) {
    if (source.outlet === null) {
      unnamed.push(source);
      continue;
    }
    const seen = named.get(source.outlet);
    if (!seen || (seen.url === null && source.url !== null)) named.set(source.outlet, source);
  }
  return { named: [...named.values()], unnamed };
}

/** `www.arabnews.com` → `arabnews.com`; the URL itself if it does not parse. */
export function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
