import { describe, expect, it } from 'vitest';
import type { EditionSaveStatus } from '../../edition/messages';
import { applySaveStatus, offlineSave, updateDownload } from './offlineSaving';

const status = (state: EditionSaveStatus['state'], remaining: number, extra: Partial<EditionSaveStatus> = {}): EditionSaveStatus => ({
  type: 'EDITION_SAVE',
  purpose: 'current',
  edition: 'e1',
  state,
  savedBytes: 1000 - remaining * 100,
  totalBytes: 1000,
  remaining,
  ...extra,
});

describe('applySaveStatus', () => {
  it('takes a save that finds nothing missing as saved, never as saving', () => {
    applySaveStatus(status('saving', 0));
    expect(offlineSave()).toEqual({ state: 'idle' });
    applySaveStatus(status('saved', 0));
    expect(offlineSave()).toEqual({ state: 'saved' });
  });

  it('follows a save in progress, and a save that stops', () => {
    applySaveStatus(status('saving', 6));
    expect(offlineSave()).toEqual({ state: 'saving', percent: 40 });
    applySaveStatus(status('failed', 3, { failure: 'quota', message: 'bundle: month-2018-01.55703790b987.json: this device has no more storage for the archive' }));
    expect(offlineSave()).toMatchObject({ state: 'failed', percent: 70, reason: 'quota' });
  });

  it('keeps an update download apart from the saved edition', () => {
    applySaveStatus(status('saving', 5, { purpose: 'update', edition: 'e2' }));
    expect(updateDownload()).toBe(50);
    expect(offlineSave().state).toBe('failed');
    applySaveStatus(status('saved', 0, { purpose: 'update', edition: 'e2' }));
    expect(updateDownload()).toBeUndefined();
  });
});
