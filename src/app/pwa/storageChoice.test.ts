import { describe, expect, it } from 'vitest';
import { costlyConnection, describeSaveChoice, saveChoiceFor } from './storageChoice';

// The default archive's first save as measured on a slow line (issue #12): about 5.5 MB in all.
const firstSave = { text: { saved: 0, total: 3_120_000 }, images: { saved: 0, total: 2_410_000 } };

describe('costlyConnection', () => {
  it('asks first with data saver on, below 4g, or on a mobile network, and not otherwise', () => {
    expect(costlyConnection({ saveData: true, effectiveType: '4g' })).toBe('data saver');
    expect(costlyConnection({ effectiveType: '3g' })).toBe('slow');
    expect(costlyConnection({ effectiveType: 'slow-2g' })).toBe('slow');
    expect(costlyConnection({ effectiveType: '4g', type: 'cellular' })).toBe('mobile');
    expect(costlyConnection({ effectiveType: '4g', type: 'wifi', saveData: false })).toBeUndefined();
    expect(costlyConnection(undefined)).toBeUndefined();
  });
});

describe('saveChoiceFor', () => {
  it('offers the choice with what is left to store, images left out when the reader keeps text only', () => {
    expect(saveChoiceFor({ saveData: true }, firstSave, false)).toEqual({ reason: 'data saver', textBytes: 3_120_000, imageBytes: 2_410_000 });
    expect(saveChoiceFor({ effectiveType: '3g' }, { ...firstSave, text: { saved: 3_000_000, total: 3_120_000 } }, true)).toEqual({ reason: 'slow', textBytes: 120_000, imageBytes: 0 });
  });

  it('lets the save go ahead unasked on a fast connection, or when everything is stored', () => {
    expect(saveChoiceFor({ effectiveType: '4g' }, firstSave, false)).toBeUndefined();
    expect(saveChoiceFor({ saveData: true }, { text: { saved: 10, total: 10 }, images: { saved: 0, total: 2_410_000 } }, true)).toBeUndefined();
  });
});

describe('describeSaveChoice', () => {
  it('says why, how much in all, and how much of it is text and images', () => {
    expect(describeSaveChoice({ reason: 'slow', textBytes: 3_120_000, imageBytes: 2_410_000 })).toBe(
      'This connection is slow. Saving the archive for offline reading stores 5.5 MB on this device: 3.1 MB of text and 2.4 MB of images.',
    );
    expect(describeSaveChoice({ reason: 'data saver', textBytes: 3_120_000, imageBytes: 0 })).toBe('Data saver is on. Saving the archive for offline reading stores 3.1 MB on this device.');
  });
});
