import iconv from 'iconv-lite';
import { SourceError } from '../import/SourceArticle';

/** Byte-order marks, longest first (the UTF-32LE mark starts with the UTF-16LE one). */
const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

/** Printable ASCII and the white space XML allows: what the first character of a document can be. */
function isAsciiText(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

/**
 * The Unicode encoding of text that a byte-order mark or the NUL bytes around its first
 * characters give away (XML 1.0 appendix F: `<` is `3C 00 00 00` in UTF-32LE, `00 3C` in
 * UTF-16BE…); null for everything else, whose encoding the text itself must declare. Any ASCII
 * characters count, not only `<`: a feed may begin with a blank line, a page with text.
 */
export function unicodeEncodingOf(bytes: Buffer): { encoding: string; bomLength: number } | null {
  const bom = BOMS.find(({ bytes: mark }) => startsWith(bytes, mark));
  if (bom) return { encoding: bom.encoding, bomLength: bom.bytes.length };
  // The first characters, not only the first one, must be ASCII: a binary file whose first
  // bytes happen to alternate with NULs is not taken for text.
  for (const { encoding, width, at } of WIDE_ENCODINGS) {
    const units = Math.min(4, Math.floor(bytes.length / width));
    if (units === 0) continue;
    let ascii = true;
    for (let u = 0; u < units && ascii; u++) {
      for (let b = 0; b < width; b++) {
        const byte = bytes[u * width + b];
        if (b === at ? !isAsciiText(byte) : byte !== 0) ascii = false;
      }
    }
    if (ascii) return { encoding, bomLength: 0 };
  }
  return null;
}

/** Where the ASCII byte of a character sits in each wide encoding. */
const WIDE_ENCODINGS = [
  { encoding: 'utf-32be', width: 4, at: 3 },
  { encoding: 'utf-32le', width: 4, at: 0 },
  { encoding: 'utf-16be', width: 2, at: 1 },
  { encoding: 'utf-16le', width: 2, at: 0 },
];

const DECLARED_ENCODING = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

/**
 * Labels that the WHATWG Encoding Standard maps to windows-1252: servers and feed generators
 * that say "ISO-8859-1" almost always mean windows-1252, whose curly quotes and dashes sit where
 * ISO-8859-1 has unused control characters (https://encoding.spec.whatwg.org/#names-and-labels).
 */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
  'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252',
  'x-cp1252',
]);

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes the bytes of an XML file (a feed, a WordPress export) to text the way XML 1.0
 * (appendix F) says: a byte-order mark wins, then the NUL bytes of UTF-16 or UTF-32 around the
 * first character, then the `encoding` of the XML declaration, then UTF-8. A file that declares nothing and is not valid UTF-8 is read as windows-1252, as
 * browsers and feed readers do: such files are nearly always Latin-1 pages from older systems.
 *
 * @throws {SourceError} when the declared encoding is not one iconv-lite knows
 */
export function decodeXmlBytes(bytes: Buffer, file: string): string {
  const unicode = unicodeEncodingOf(bytes);
  if (unicode) return iconv.decode(bytes.subarray(unicode.bomLength), unicode.encoding, { stripBOM: false });

  // The declaration is ASCII in every encoding that can be detected this far.
  const declared = DECLARED_ENCODING.exec(bytes.subarray(0, 1024).toString('latin1'))?.[2]?.trim();
  if (declared) {
    const label = declared.toLowerCase();
    if (!iconv.encodingExists(label)) throw new SourceError(file, `unknown character encoding "${declared}"`);
    // A UTF-16 or UTF-32 label on a file whose declaration reads as ASCII is a mislabelled
    // UTF-8 file: real UTF-16 would have had a byte-order mark or NUL bytes in the declaration.
    if (/^(utf-?16|utf-?32|ucs-?2)/.test(label)) return iconv.decode(bytes, 'utf-8');
    return iconv.decode(bytes, WINDOWS_1252_LABELS.has(label) ? 'windows-1252' : label);
  }
  return iconv.decode(bytes, isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
}
