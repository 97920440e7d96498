import { describe, expect, it } from 'vitest';
import { describeOfflineSave } from './describeOfflineSave';

describe('describeOfflineSave', () => {
  it('says nothing before saving starts', () => {
    expect(describeOfflineSave({ state: 'idle' })).toBeUndefined();
  });

  it('gives the progress while saving, and a clear state once saved', () => {
    expect(describeOfflineSave({ state: 'saving', percent: 35 })).toBe('Saving the archive for offline: 35%');
    expect(describeOfflineSave({ state: 'saved' })).toBe('Available offline: the whole archive is saved on this device.');
  });

  it('tells each failure with how much is saved and what happens next', () => {
    expect(describeOfflineSave({ state: 'failed', percent: 62, reason: 'quota', message: '' })).toBe(
      'This device has no more storage for the archive: 62% is saved for offline, the rest is read online.',
    );
    expect(describeOfflineSave({ state: 'failed', percent: 10, reason: 'offline', message: '' })).toBe(
      'Saving for offline paused at 10%: it goes on when you are back online.',
    );
    expect(describeOfflineSave({ state: 'failed', percent: 99, reason: 'other', message: 'bundle: x: the server answered 500' })).toBe(
      'Saving for offline stopped at 99%; it is tried again on your next visit.',
    );
  });
});
