import { XMLValidator } from 'fast-xml-parser';
import { SourceError } from '../import/SourceArticle';

/** Share of control/replacement characters above which a text is treated as binary. */
const MAX_NON_PRINTABLE_SHARE = 0.1;

/** `<html>`, `<head>` or `<body>` as the first element, past the XML declaration and comments. */
const HTML_PAGE = /^(<\?xml[^>]*>\s*)?(<!--(?:(?!-->)[\s\S])*-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

/** The validator's way of saying that elements were still open when the text ended. */
const UNCLOSED_AT_END = /^Invalid '(\[[\s\S]*\])' found\.$/;

/**
 * An `&` that starts no entity or character reference. Generators that build XML by string
 * concatenation leave them in titles and links; every feed reader accepts them.
 */
const BARE_AMPERSAND = /&(?![a-zA-Z][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/g;
const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/**
 * Checks that `text` is a well-formed XML document and returns it ready for a parser: without
 * a byte-order mark or the blank lines some servers put before the XML declaration, and with
 * bare `&` escaped. XML parsers that build objects (fast-xml-parser, and feedsmith on top of
 * it) accept truncated or broken XML silently, so this check is what turns a half-downloaded
 * file into an error instead of a silently shorter import.
 *
 * @param expected - what the file should be, for messages: "a valid RSS or Atom feed"
 * @throws {SourceError} for an empty, binary, non-XML or malformed file, or an HTML page,
 *   with the line of the first error
 */
export function wellFormedXml(text: string, file: string, expected: string): string {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (withoutBom.trim() === '') throw new SourceError(file, 'empty file');
  if (looksBinary(withoutBom)) throw new SourceError(file, 'not a text file (binary content)');

  const start = withoutBom.search(/\S/);
  const xml = repairBareAmpersands(withoutBom.slice(start));
  const linesBefore = withoutBom.slice(0, start).split('\n').length - 1;
  if (!xml.startsWith('<')) {
    throw new SourceError(file, `not ${expected}: the file is not XML (it begins "${xml.slice(0, 20).replace(/\s+/g, ' ')}…")`);
  }
  if (HTML_PAGE.test(xml)) throw new SourceError(file, `not ${expected}: the file is an HTML page`);

  const result = XMLValidator.validate(xml);
  if (result === true) return xml;
  const { msg, line } = result.err;
  const unclosed = UNCLOSED_AT_END.exec(msg)?.[1];
  if (unclosed) {
    const open = (JSON.parse(unclosed) as string[]).map((name) => name.trim());
    const lastLine = linesBefore + xml.trimEnd().split('\n').length;
    throw new SourceError(
      file,
      `XML is malformed at line ${lastLine}: the file ends inside ${open.join(' > ')}, so it is probably truncated`,
    );
  }
  throw new SourceError(file, `XML is malformed at line ${linesBefore + line}: ${msg}`);
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  const nonPrintable = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return nonPrintable / sample.length > MAX_NON_PRINTABLE_SHARE;
}

/** Escapes bare `&` outside CDATA sections (inside them `&` is already literal). */
function repairBareAmpersands(xml: string): string {
  if (xml.search(BARE_AMPERSAND) === -1) return xml;
  return xml
    .split(CDATA_SECTION)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(BARE_AMPERSAND, '&amp;')))
    .join('');
}
