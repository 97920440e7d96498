import iconv from 'iconv-lite';
import { isValidUtf8 } from '../sources/decodeXmlBytes';

/**
 * The text of a saved page or text dump, decoded as a browser would: a byte-order mark first,
 * then (for HTML) the charset the page declares in its first 4 KiB (`<meta charset>` or the
 * `http-equiv="Content-Type"` form); otherwise UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252 (what browsers fall back to for Western pages saved without a declaration).
 * https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding
 */
export function decodePageBytes(bytes: Buffer, kind: 'html' | 'text'): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  if (kind === 'html') {
    const declared = declaredCharset(bytes.subarray(0, 4096).toString('latin1'));
    // A page that declares UTF-16 in ASCII bytes is not UTF-16 (the spec reads it as UTF-8).
    if (declared && !/^utf-?16/i.test(declared) && iconv.encodingExists(declared)) {
      const label = /^(iso-8859-1|latin1|us-ascii|ascii)$/i.test(declared) ? 'windows-1252' : declared;
      return iconv.decode(bytes, label);
    }
  }
  return isValidUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'windows-1252');
}

function declaredCharset(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    if (charset) return charset.toLowerCase();
  }
  return null;
}
