/**
 * One polite live region for what the reader's own actions change where they cannot see it
 * change (an article saved from a list, a history cleared, the place restored): created on first
 * use and kept, so that later messages are announced. The same message twice is said twice.
 */
let region: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(message: string): void {
  if (typeof document === 'undefined') return;
  if (!region) {
    region = document.createElement('p');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.dataset.readerAnnouncer = '';
    document.body.append(region);
  }
  const live = region;
  live.textContent = '';
  clearTimeout(timer);
  // A region just created, or just emptied, is announced reliably only once it has been seen empty.
  timer = setTimeout(() => (live.textContent = message), 100);
}
