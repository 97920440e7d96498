import type { SavedBytes } from '../../edition/bundleStore';
import { formatBytes } from './formatBytes';

/**
 * How much of the saved archive is images, in words for the About page: "Images are 1.2 MB of
 * the archive's 3.4 MB (35%); 1.2 MB of them are saved on this device." Text only, it says the
 * images are not kept; an edition without images says so.
 */
export function describeSavedImages(bytes: SavedBytes, textOnly: boolean): string {
  const { text, images } = bytes;
  if (images.total === 0) return 'This edition of the archive has no images.';
  const total = text.total + images.total;
  const share = `Images are ${formatBytes(images.total)} of the archive's ${formatBytes(total)} (${Math.max(1, Math.round((images.total / total) * 100))}%)`;
  if (textOnly) return `${share}; text only: none is kept on this device${images.saved > 0 ? ` (${formatBytes(images.saved)} still to be removed)` : ''}.`;
  if (images.saved === images.total) return `${share}, all saved on this device.`;
  return `${share}; ${formatBytes(images.saved)} of them ${images.saved === 1 ? 'is' : 'are'} saved on this device so far.`;
}
