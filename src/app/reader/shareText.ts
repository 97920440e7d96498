/**
 * What "Share" and "Copy link" hand on for an article: its title, its address in this archive
 * and, where known, the address of the original publication.
 */
import type { Source } from '../../core/types';

export interface ShareLinks {
  title: string;
  /** The article's address in this archive (absolute). */
  inApp: string;
  /** The first original publication's address, if the archive knows one. */
  original?: string;
}

export function shareLinks(title: string, inApp: string, sources: readonly Source[]): ShareLinks {
  const original = sources.find((s) => s.url !== null)?.url ?? undefined;
  return { title, inApp, ...(original !== undefined && { original }) };
}

/** The text "Copy link" puts on the clipboard: the title and both addresses, a line each. */
export function shareClipboardText(links: ShareLinks): string {
  return [links.title, `In the archive: ${links.inApp}`, ...(links.original ? [`Original: ${links.original}`] : [])].join('\n');
}

/** What `navigator.share` is given: the in-app address as the link, the original's in the text. */
export function shareData(links: ShareLinks): ShareData {
  return { title: links.title, url: links.inApp, ...(links.original && { text: `${links.title}\nOriginal: ${links.original}` }) };
}
