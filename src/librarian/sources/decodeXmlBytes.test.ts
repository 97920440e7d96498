import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../import/SourceArticle';
import { decodeXmlBytes, unicodeEncodingOf } from './decodeXmlBytes';

const FEEDS_DIR = path.resolve(process.cwd(), '../shared/corpora/feeds/rss-parser-inputs');

function feedBytes(name: string): Buffer {
  return readFileSync(path.join(FEEDS_DIR, name));
}

describe.skipIf(!existsSync(FEEDS_DIR))(`decodeXmlBytes on real feeds (skipped when ${FEEDS_DIR} is absent)`, () => {
  it('reads a feed declared ISO-8859-1 as Latin-1', () => {
    const text = decodeXmlBytes(feedBytes('encoding.rss'), 'encoding.rss');
    expect(text).toContain('<title>Jornal de Notícias - Últimas Notícias</title>');
    expect(text).not.toContain('\ufffd');
  });

  it('reads a Latin-1 feed without an XML declaration as windows-1252, since it is not valid UTF-8', () => {
    const text = decodeXmlBytes(feedBytes('uolNoticias.rss'), 'uolNoticias.rss');
    expect(text).toContain('<description>Últimas Notícias</description>');
    expect(text).not.toContain('\ufffd');
  });

  it('reads a UTF-8 feed as UTF-8', () => {
    const text = decodeXmlBytes(feedBytes('heise.atom'), 'heise.atom');
    expect(text).toContain('Informationen für Entwickler');
  });

  it('lets a byte-order mark win over the declared encoding', () => {
    // heraldsun.rss declares ISO-8859-1; re-encoded as UTF-16LE with a BOM, the BOM decides.
    const original = decodeXmlBytes(feedBytes('heraldsun.rss'), 'heraldsun.rss');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(original, 'utf-16le')]);
    expect(decodeXmlBytes(utf16, 'heraldsun.rss')).toBe(original);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original, 'utf8')]);
    expect(decodeXmlBytes(utf8, 'heraldsun.rss')).toBe(original);
  });

  it('recognises UTF-16 without a byte-order mark from the bytes of "<?xml"', () => {
    const original = decodeXmlBytes(feedBytes('heraldsun.rss'), 'heraldsun.rss');
    expect(decodeXmlBytes(iconv.encode(original, 'utf-16be'), 'heraldsun.rss')).toBe(original);
  });
});

describe('decodeXmlBytes', () => {
  it('reads the curly quotes of windows-1252 in a file labelled ISO-8859-1, as browsers do', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>'),
      Buffer.from([0x93, 0x4f, 0x20, 0x50, 0xfa, 0x62, 0x6c, 0x69, 0x63, 0x6f, 0x94]), // “O Público”
      Buffer.from('</title></channel></rss>'),
    ]);
    expect(decodeXmlBytes(bytes, 'publico.rss')).toContain('<title>“O Público”</title>');
  });

  it('refuses an encoding it does not know, naming it', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="x-mac-klingon"?>\n<rss version="2.0"></rss>');
    expect(() => decodeXmlBytes(bytes, 'klingon.rss')).toThrow(new SourceError('klingon.rss', 'unknown character encoding "x-mac-klingon"'));
  });

  it('reads a file labelled UTF-16 whose declaration is plain ASCII as UTF-8', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ações</title></channel></rss>');
    expect(decodeXmlBytes(bytes, 'mislabelled.rss')).toContain('<title>Ações</title>');
  });
});

describe('decodeXmlBytes', () => {
  const feed = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Zürich heute</title></channel></rss>\n';
  const bom = (encoding: string) => iconv.encode('\ufeff', encoding);

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('reads %s with a byte-order mark and without', (encoding) => {
    expect(decodeXmlBytes(Buffer.concat([bom(encoding), iconv.encode(feed, encoding)]), 'wide.rss')).toBe(feed);
    expect(decodeXmlBytes(iconv.encode(feed, encoding), 'wide.rss')).toBe(feed);
  });

  it('recognises BOM-less UTF-16 that starts with a blank line or a comment rather than <?xml', () => {
    const commented = `\n<!-- generated 2003-06-10 -->${feed.replace(/^<\?xml[^>]*>\n/, '')}`;
    expect(decodeXmlBytes(iconv.encode(commented, 'utf-16le'), 'wide.rss')).toBe(commented);
    expect(decodeXmlBytes(iconv.encode(commented, 'utf-16be'), 'wide.rss')).toBe(commented);
  });
});

describe('unicodeEncodingOf', () => {
  it('names the encoding a byte-order mark or the NUL bytes around the first character give away', () => {
    expect(unicodeEncodingOf(Buffer.from([0x3c, 0x00, 0x3f, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(unicodeEncodingOf(Buffer.from([0x00, 0x3c, 0x00, 0x3f]))).toEqual({ encoding: 'utf-16be', bomLength: 0 });
    expect(unicodeEncodingOf(Buffer.from([0x3c, 0x00, 0x00, 0x00]))).toEqual({ encoding: 'utf-32le', bomLength: 0 });
    expect(unicodeEncodingOf(Buffer.from([0x00, 0x00, 0x00, 0x3c]))).toEqual({ encoding: 'utf-32be', bomLength: 0 });
    expect(unicodeEncodingOf(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00]))).toEqual({ encoding: 'utf-32le', bomLength: 4 });
    expect(unicodeEncodingOf(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('names nothing for UTF-8 or binary data', () => {
    expect(unicodeEncodingOf(Buffer.from('<?xml version="1.0"?>'))).toBeNull();
    expect(unicodeEncodingOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toBeNull();
    expect(unicodeEncodingOf(Buffer.from([0x00, 0x00, 0x00, 0x00]))).toBeNull();
    // Two ASCII characters with NULs between them, then bytes no text has there.
    expect(unicodeEncodingOf(Buffer.from([0x4d, 0x00, 0x5a, 0x00, 0x90, 0x03, 0x00, 0x00]))).toBeNull();
  });
});
