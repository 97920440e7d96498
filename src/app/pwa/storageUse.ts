/**
 * What the browser says about this app's storage (`navigator.storage.estimate()`), and the rule
 * for "almost out of storage". Pure: the browser calls live in `storageStatus.ts`.
 */
import { formatBytes } from './formatBytes';

/** Usage at or above this share of the quota counts as almost out of storage. */
export const NEAR_QUOTA_SHARE = 0.95;

export interface StorageUse {
  usage: number;
  quota: number;
}

/** Whether usage has reached {@link NEAR_QUOTA_SHARE} of a known, non-zero quota. */
export function isNearQuota(use: StorageUse | undefined): boolean {
  if (!use || !(use.quota > 0) || !Number.isFinite(use.usage)) return false;
  return use.usage >= use.quota * NEAR_QUOTA_SHARE;
}

/** "41 MB of 2.1 GB used". */
export function describeStorageUse(use: StorageUse): string {
  return `${formatBytes(use.usage)} of ${formatBytes(use.quota)} used`;
}

/**
 * The notice shown when storage runs out. It cites the figures only when they show it (a write
 * can be refused while the estimate still shows room: the estimate is coarse, and other limits apply).
 */
export function describeStorageShortage(use: StorageUse | undefined): string {
  const detail = use && isNearQuota(use) ? describeStorageUse(use) : 'the browser refused to save more';
  return `This device is almost out of storage for this app: ${detail}; the archive keeps working with what it has.`;
}

/** Whether a storage write failed for lack of space: the one test, shared with the edition store. */
export { isQuotaExceeded } from '../../edition/bundleStore';
