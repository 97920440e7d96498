import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('turns a real headline into a lowercase hyphenated slug', () => {
    expect(slugify('Abu Kamal: Grasping Defeat from the Jaws of Victory')).toBe('abu-kamal-grasping-defeat-from-the-jaws-of-victory');
  });

  it('folds diacritics and drops apostrophes', () => {
    expect(slugify('Ricardo Núñez’s “caliphate”')).toBe('ricardo-nunezs-caliphate');
  });

  it('keeps scripts without a Latin form', () => {
    expect(slugify('داعش في البوكمال')).toBe('داعش-في-البوكمال');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Daesh in desperate attempt to save Albu Kamal, last Syrian bastion', 30);
    expect(slug).toBe('daesh-in-desperate-attempt-to');
  });

  it('always yields a slug the archive validator accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(80);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});
