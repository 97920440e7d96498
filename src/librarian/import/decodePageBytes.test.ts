import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePageBytes } from './decodePageBytes';

describe('decodePageBytes', () => {
  it('reads a page in the charset its meta element declares', () => {
    const html = '<html><head><meta charset="windows-1250"><title>Zażółć</title></head><body>Łódź</body></html>';
    expect(decodePageBytes(iconv.encode(html, 'windows-1250'), 'html')).toContain('Zażółć');
  });

  it('reads the http-equiv Content-Type form, and ISO-8859-1 as Windows-1252 like a browser', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Größe – “quoted”</p>';
    expect(decodePageBytes(iconv.encode(html, 'windows-1252'), 'html')).toContain('Größe – “quoted”');
  });

  it('prefers a byte-order mark over a declaration', () => {
    const html = '<meta charset="iso-8859-1"><p>café</p>';
    expect(decodePageBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]), 'html')).toBe(html);
  });

  it('reads undeclared valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodePageBytes(Buffer.from('Über den Fluss', 'utf8'), 'text')).toBe('Über den Fluss');
    expect(decodePageBytes(iconv.encode('Über den Fluss', 'windows-1252'), 'text')).toBe('Über den Fluss');
  });
});
