import { describe, expect, it } from 'vitest';
import { describeSavedImages } from './describeSavedImages';

const text = { saved: 2_200_000, total: 2_200_000 };

describe('describeSavedImages', () => {
  it('says how much of the archive is images, and that they are saved', () => {
    expect(describeSavedImages({ text, images: { saved: 1_200_000, total: 1_200_000 } }, false)).toBe(
      "Images are 1.2 MB of the archive's 3.4 MB (35%), all saved on this device.",
    );
  });

  it('says how much of the images is saved while they are being saved', () => {
    expect(describeSavedImages({ text, images: { saved: 300_000, total: 1_200_000 } }, false)).toBe(
      "Images are 1.2 MB of the archive's 3.4 MB (35%); 300 kB of them are saved on this device so far.",
    );
  });

  it('says that none is kept when the reader keeps text only', () => {
    expect(describeSavedImages({ text, images: { saved: 0, total: 1_200_000 } }, true)).toBe(
      "Images are 1.2 MB of the archive's 3.4 MB (35%); text only: none is kept on this device.",
    );
  });

  it('says when the edition has no images', () => {
    expect(describeSavedImages({ text, images: { saved: 0, total: 0 } }, false)).toBe('This edition of the archive has no images.');
  });
});
