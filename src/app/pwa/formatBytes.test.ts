import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('counts small sizes in bytes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('uses decimal units, with one decimal below 10', () => {
    expect(formatBytes(41_234_567)).toBe('41 MB');
    expect(formatBytes(2_147_483_648)).toBe('2.1 GB');
    expect(formatBytes(1_000)).toBe('1 kB');
    expect(formatBytes(1_550_000)).toBe('1.6 MB');
  });

  it('moves up a unit rather than print 1000 of one', () => {
    expect(formatBytes(999_960)).toBe('1 MB');
  });

  it('says so when the size is not a size', () => {
    expect(formatBytes(Number.NaN)).toBe('an unknown amount');
    expect(formatBytes(-1)).toBe('an unknown amount');
  });
});
