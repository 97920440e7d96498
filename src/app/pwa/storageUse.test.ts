import { describe, expect, it } from 'vitest';
import { describeStorageShortage, describeStorageUse, isNearQuota, isQuotaExceeded } from './storageUse';

describe('isNearQuota', () => {
  it('is true from 95% of the quota on', () => {
    expect(isNearQuota({ usage: 95, quota: 100 })).toBe(true);
    expect(isNearQuota({ usage: 120, quota: 100 })).toBe(true);
  });

  it('is false below 95%', () => {
    expect(isNearQuota({ usage: 94.9, quota: 100 })).toBe(false);
    expect(isNearQuota({ usage: 41_000_000, quota: 2_100_000_000 })).toBe(false);
  });

  it('is false when the browser gives no usable quota', () => {
    expect(isNearQuota(undefined)).toBe(false);
    expect(isNearQuota({ usage: 0, quota: 0 })).toBe(false);
    expect(isNearQuota({ usage: Number.NaN, quota: 100 })).toBe(false);
  });
});

describe('describeStorageUse', () => {
  it('gives usage and quota in human units', () => {
    expect(describeStorageUse({ usage: 41_234_567, quota: 2_147_483_648 })).toBe('41 MB of 2.1 GB used');
  });
});

describe('describeStorageShortage', () => {
  it('names the numbers when the browser gave them', () => {
    expect(describeStorageShortage({ usage: 1_990_000_000, quota: 2_000_000_000 })).toBe(
      'This device is almost out of storage for this app: 2 GB of 2 GB used; the archive keeps working with what it has.',
    );
  });

  it('speaks of the refused write when the figures do not show the shortage', () => {
    const refused = 'This device is almost out of storage for this app: the browser refused to save more; the archive keeps working with what it has.';
    expect(describeStorageShortage(undefined)).toBe(refused);
    expect(describeStorageShortage({ usage: 74_000, quota: 11_000_000_000 })).toBe(refused);
  });
});

describe('isQuotaExceeded', () => {
  it('recognises the browser refusing a write for lack of space', () => {
    expect(isQuotaExceeded(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isQuotaExceeded(new DOMException('blocked', 'InvalidStateError'))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });
});
