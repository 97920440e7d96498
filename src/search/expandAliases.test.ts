import { describe, expect, it } from 'vitest';
import { expandAliases } from './expandAliases';

const aliases = [
  ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal'],
  ['ISIS', 'ISIL', 'Islamic State', 'Daesh', 'IS'],
  ['SDF', 'Syrian Democratic Forces'],
];

describe('expandAliases', () => {
  it('adds the other spellings of a name the query uses', () => {
    expect(expandAliases('Abu Kamal', aliases)).toEqual(['Abu Kamal', 'albu kamal', 'al bukamal']);
  });

  it('keeps the rest of the query around the name', () => {
    expect(expandAliases('Daesh counterattack', aliases)).toEqual([
      'Daesh counterattack',
      'islamic state counterattack',
      'isis counterattack',
      'isil counterattack',
    ]);
  });

  it('matches names whatever their case, accents or hyphens', () => {
    expect(expandAliases('al bukamal', aliases)).toContain('abu kamal');
    expect(expandAliases('syrian democratic forces', aliases)).toContain('sdf');
  });

  it('expands every aliased name in the query', () => {
    expect(expandAliases('ISIL Albu Kamal', aliases)).toContain('daesh abu kamal');
  });

  it('never looks for or adds two-letter spellings such as "IS"', () => {
    expect(expandAliases('what is left of the caliphate', aliases)).toEqual(['what is left of the caliphate']);
    expect(expandAliases('isis', aliases)).not.toContain('is');
  });

  it('returns the query alone when it names nothing aliased', () => {
    expect(expandAliases('Hmeimim', aliases)).toEqual(['Hmeimim']);
  });
});
