import type { OfflineSave } from './offlineSaving';

/**
 * The words for saving the archive for offline, or undefined when there is nothing to say
 * (saving has not started). Quota failures are told by the storage notice as well.
 */
export function describeOfflineSave(save: OfflineSave): string | undefined {
  switch (save.state) {
    case 'idle':
      return undefined;
    case 'saving':
      return `Saving the archive for offline: ${save.percent}%`;
    case 'saved':
      return 'Available offline: the whole archive is saved on this device.';
    case 'failed':
      if (save.reason === 'quota') return `This device has no more storage for the archive: ${save.percent}% is saved for offline, the rest is read online.`;
      if (save.reason === 'offline') return `Saving for offline paused at ${save.percent}%: it goes on when you are back online.`;
      return `Saving for offline stopped at ${save.percent}%; it is tried again on your next visit.`;
  }
}
