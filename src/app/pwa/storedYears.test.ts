import { describe, expect, it } from 'vitest';
import { manifest } from '../archive/testing/bundleFixture';
import { storedYears } from './storedYears';

describe('storedYears', () => {
  const bytesOf = (year: string) => manifest.months.filter((m) => m.month.startsWith(year)).flatMap((m) => m.files).reduce((sum, name) => sum + manifest.files.find((f) => f.name === name)!.bytes, 0);

  it('sums each year’s articles and month files, newest year first, counting what the device holds', () => {
    const missing = new Set(manifest.months.find((m) => m.month === '2017-11')!.files.slice(1));
    const years = storedYears(manifest, missing, new Set());
    expect(years.map((y) => [y.year, y.articles])).toEqual([
      ['2018', 1],
      ['2017', 7],
    ]);
    expect(years[0]).toMatchObject({ bytes: bytesOf('2018'), savedBytes: bytesOf('2018'), removed: false });
    const notSaved = manifest.files.find((f) => missing.has(f.name))!.bytes;
    expect(years[1]).toMatchObject({ bytes: bytesOf('2017'), savedBytes: bytesOf('2017') - notSaved });
    expect(bytesOf('2017')).toBeGreaterThan(0);
  });

  it('marks a removed year, which holds nothing on the device', () => {
    const of2017 = new Set(manifest.months.filter((m) => m.month.startsWith('2017')).flatMap((m) => m.files));
    expect(storedYears(manifest, of2017, new Set(['2017']))[1]).toMatchObject({ year: '2017', savedBytes: 0, removed: true });
  });
});
