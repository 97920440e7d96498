/**
 * Extracts a news article from a plain-text dump of its web page.
 *
 * A dump keeps everything the page showed: menus, sidebars, share buttons,
 * newsletter boxes, comments. The extractor works on lines and uses the kind
 * of evidence boilerplate-removal tools (jusText, Readability) use:
 *
 * 1. Every line is classified: prose ("good": long, sentence-like, rich in
 *    stop words), short prose ("near"), heading-like, caption, inline promo,
 *    or a barrier (navigation, UI text, byline/date, end-of-article marker).
 * 2. The body is the stretch of lines with the most prose net of what
 *    interrupts it (a maximum-subarray scan): subheadings, lists and teasers
 *    cost a little, menus and bylines more, end-of-article markers stop it;
 *    prose after comment markers counts least, prose right below a headline
 *    and byline most.
 * 3. Title, byline, date and standfirst are read from the lines above the
 *    body (the header zone): the title is the most headline-like line, the
 *    date the one nearest the title in many languages and shapes
 *    (findDates, with the page's language guessed from its words); outlet
 *    and category from breadcrumbs, a section label, a copyright line or a
 *    "More from X" footer.
 *
 * Nothing here knows about particular sites: every rule is a generic pattern.
 */
import * as chrono from 'chrono-node';
import { implausibleDate } from '../import/normalise';
import { findDates } from './findDates';
import { guessLanguage } from './guessLanguage';

/** The fields of one article, as far as the page states them. */
export interface ExtractedArticle {
  title: string;
  /** ISO 8601, as precise as the page states: '2017-11-17' or '2017-11-10T09:52:00' (no zone when the page gives none); null when the page states no publication date. */
  date: string | null;
  /** Outlet/site name when the page itself names it (breadcrumb root such as "PhotoNews Pakistan > Blog > Title", or a copyright line "© 2022 Photonews. All Rights Reserved."); null otherwise. */
  outlet: string | null;
  /** From bylines ("By Jane Doe Published …", "Written By: Jane Doe", "By Jane Doe |"); never a commenter. */
  author: string | null;
  /** Display text as the page shows it: breadcrumb middle crumb, the section label right above the title, or "More from X". */
  category: string | null;
  /** A standfirst/dek between title and body when the page has one; null otherwise. */
  summary: string | null;
  /** Body paragraphs, plain text, in order, whitespace collapsed and trimmed. */
  paragraphs: string[];
}

/** Thrown when a file cannot yield an article; the message starts with the file name. */
export class ExtractError extends Error {
  /** The file name as passed to {@link extractTextDump}. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ExtractError';
    this.file = file;
  }
}

/**
 * Extracts the article from the plain-text dump `text` of a news page.
 *
 * @param text - the dump, any line endings
 * @param file - the file name, used only in error messages
 * @throws {ExtractError} when the input is empty, binary, or holds no article
 */
export function extractTextDump(text: string, file: string): ExtractedArticle {
  assertReadableText(text, file);
  const rawLines = readLines(text);
  const page = readPageContext(rawLines);
  const lines = classifyLines(rawLines, page);

  const body = chooseBodyRun(lines);
  if (!body) throw new ExtractError(file, 'no article text found (the page has no run of prose paragraphs)');
  const paragraphs = bodyParagraphs(lines, body);
  if (paragraphs.length === 0) throw new ExtractError(file, 'no article text found (the page has no run of prose paragraphs)');

  const windowStart = headerWindowStart(lines, body.start);
  const trailing = trailingZone(lines, body.end);
  const bylineNames = [...range(windowStart, body.start), ...trailing]
    .map((i) => parseByline(lineAt(lines, i).text))
    .filter((name): name is string => name !== null);

  const bodyOpening = paragraphs.slice(0, 3).join(' ');
  // Menus can sit right above a bare title; past them the title is still looked for before giving up.
  const title =
    chooseTitle(lines, windowStart, body.start, bylineNames, bodyOpening, page.language) ??
    chooseTitle(lines, Math.max(0, body.start - WIDE_TITLE_WINDOW_LINES), body.start, bylineNames, bodyOpening, page.language) ??
    openingAsTitle(paragraphs[0] ?? '');
  if (!title) throw new ExtractError(file, 'no title found (no heading-like line before the article text)');

  // The header zone runs from the title to the body; without a title line
  // (title known only from a breadcrumb), the whole window stands in for it.
  const headerStart = title.index ?? windowStart - 1;
  const header = range(headerStart + 1, body.start);
  const beforeTitle = range(windowStart, headerStart);

  const crumbs = findBreadcrumb(lines, body.start, title.text);
  const outlet = crumbs?.outlet ?? findCopyrightOutlet(lines);
  const author = firstByline(lines, header, page.language) ?? firstByline(lines, trailing, page.language) ?? firstByline(lines, beforeTitle, page.language);
  const firstParagraph = paragraphs[0] ?? '';

  return {
    title: title.text,
    date: publicationDate(
      lines,
      [
        header,
        beforeTitle.slice(-DATE_REACH_ABOVE_TITLE),
        range(body.end + 1, Math.min(lines.length, body.end + 1 + DATE_REACH_BELOW_BODY)),
        // Farther out, nearest first: a date line the header window missed, then one in or after the body.
        range(Math.max(0, body.start - DATE_FAR_REACH), body.start).reverse(),
        range(body.start, Math.min(lines.length, body.end + 1 + DATE_FAR_REACH)),
      ],
      firstParagraph,
      page.language,
    ),
    outlet,
    author,
    category:
      crumbs?.category ??
      sectionLabelAbove(lines, title.index, [outlet, ...bylineNames]) ??
      moreFromCategory(lines, body.end, outlet),
    summary: standfirst(lines, header),
    paragraphs,
  };
}

// ---------------------------------------------------------------------------
// Input checks

/** Share of control/replacement characters above which input is treated as binary. */
const MAX_NON_PRINTABLE_SHARE = 0.3;

function assertReadableText(text: string, file: string): void {
  if (text.trim() === '') throw new ExtractError(file, 'empty file');
  if (text.includes('\u0000')) throw new ExtractError(file, 'not a text file (binary content)');
  // Binary decoded as UTF-8 turns into control characters and U+FFFD; real
  // text has almost none of either.
  const nonPrintable = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  if (nonPrintable / text.length > MAX_NON_PRINTABLE_SHARE) {
    throw new ExtractError(file, 'not a text file (binary content)');
  }
}

// ---------------------------------------------------------------------------
// Reading lines

interface RawLine {
  text: string;
  /** The page printed this text twice on one line ("X X"), a logo/title artefact. */
  doubled: boolean;
}

/** Characters that take no space and only get in the way of matching. */
const INVISIBLE_CHARS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Splits the dump into non-blank, whitespace-collapsed lines, re-joining hard-wrapped paragraphs. */
function readLines(text: string): RawLine[] {
  const physical = text.replace(/\r\n?/g, '\n').replace(INVISIBLE_CHARS, '').split('\n').map(collapseWhitespace);
  const blocks = blankSeparatedBlocks(physical);
  const wrapWidth = detectWrapWidth(blocks);
  const lines: RawLine[] = [];
  for (const block of blocks) {
    const logical = wrapWidth !== null && isWrappedAt(block, wrapWidth) ? [block.join(' ')] : block;
    for (const line of logical) lines.push(undouble(line));
  }
  return lines;
}

function collapseWhitespace(text: string): string {
  // `\s` covers NBSP and the other Unicode spaces pages use for layout.
  return text.replace(/\s+/g, ' ').trim();
}

function blankSeparatedBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line !== '') {
      block.push(line);
    } else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** Wrap widths used by text dumpers (lynx, w3m, mail) sit in this range. */
const WRAP_WIDTH = { min: 40, max: 100 };

/**
 * The width a dumper hard-wrapped this page at, or null when it did not.
 * Evidence is a block of three or more lines that breaks mid-sentence and
 * whose every break was forced (the next word would not have fit within the
 * block's longest line), the test text reflow tools use. Two-line blocks are
 * no evidence: any of them passes against its own longest line.
 */
function detectWrapWidth(blocks: string[][]): number | null {
  const widths = blocks
    .filter((block) => block.length >= 3)
    .map((block) => ({ block, width: longestLine(block) }))
    .filter(({ block, width }) => width >= WRAP_WIDTH.min && width <= WRAP_WIDTH.max && isWrappedAt(block, width))
    .filter(({ block }) => block.slice(0, -1).some((line) => !endsLikeSentence(line)))
    .map(({ width }) => width);
  return widths.length > 0 ? Math.max(...widths) : null;
}

/** Every line fits `width` and every break was forced by the next word not fitting. */
function isWrappedAt(block: string[], width: number): boolean {
  if (block.length < 2 || block.some(isPageFurniture) || longestLine(block) > width) return false;
  return block.slice(0, -1).every((line, i) => line.length + 1 + firstWord(block[i + 1] ?? '').length > width);
}

function longestLine(block: string[]): number {
  return Math.max(...block.map((line) => line.length));
}

function firstWord(line: string): string {
  return line.split(' ', 1)[0] ?? '';
}

/** "X X" → "X": some pages print a logo or title twice on one line. */
function undouble(text: string): RawLine {
  const middle = (text.length - 1) / 2;
  const isDoubled =
    Number.isInteger(middle) && middle >= 3 && text[middle] === ' ' && text.slice(0, middle) === text.slice(middle + 1);
  return isDoubled ? { text: text.slice(0, middle), doubled: true } : { text, doubled: false };
}

/** Menus, breadcrumbs, captions and end markers are never part of a wrapped paragraph. */
function isPageFurniture(line: string): boolean {
  return startsWithBullet(line) || isBoilerplate(line) || isEndOfArticleMarker(line) || isCaption(line);
}

// ---------------------------------------------------------------------------
// Classifying lines

/**
 * - end: an end-of-article marker (comments, related posts, donation appeal…)
 * - boiler: navigation and UI text; breaks prose runs
 * - meta: a byline or date line; breaks prose runs
 * - caption: a photo caption/credit; tolerated inside the body, never kept
 * - junk: an inline promo ("Advertisement", "Read more: …"); tolerated, never kept
 * - good: a prose paragraph
 * - near: short prose, or a long line that does not end like a sentence
 * - heading: a short line that is not a sentence (titles, labels, subheadings)
 */
type LineKind = 'end' | 'boiler' | 'meta' | 'caption' | 'junk' | 'good' | 'near' | 'heading';

interface Line extends RawLine {
  kind: LineKind;
}

/** What is known of the whole page before its lines are read one by one. */
interface PageContext {
  english: boolean;
  /** Guessed from the page's words (a dump has no lang attribute); decides slash dates. */
  language: string | null;
}

/** Enough text to guess the language from; more only costs time. */
const LANGUAGE_SAMPLE_CHARS = 20_000;

function readPageContext(rawLines: RawLine[]): PageContext {
  const sample = rawLines.map((line) => line.text).join('\n').slice(0, LANGUAGE_SAMPLE_CHARS);
  const language = guessLanguage(sample);
  return { english: isMostlyEnglish(rawLines), language: slashDateLanguage(rawLines, language) };
}

const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/g;

/**
 * A page writes all its slash dates one way: one that reads only one way
 * ("23/04/2020" is day-first, "04/23/2020" month-first) settles the others
 * ("12/04/2020") whatever the language suggests, British English included.
 * The language tag handed on is one parseSourceDate reads in that order.
 */
function slashDateLanguage(rawLines: RawLine[], language: string | null): string | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const line of rawLines) {
    for (const match of line.text.slice(0, LANGUAGE_SAMPLE_CHARS).matchAll(SLASH_DATE)) {
      const [a, b] = [Number(match[1]), Number(match[2])];
      if (a > 12 && b <= 12) dayFirst++;
      if (b > 12 && a <= 12) monthFirst++;
    }
  }
  if (dayFirst > monthFirst) return language === 'en' || language === null ? 'en-GB' : language;
  if (monthFirst > dayFirst) return 'en-US';
  return language;
}

function classifyLines(rawLines: RawLine[], page: PageContext): Line[] {
  const lines = rawLines.map((line) => ({ ...line, kind: classifyLine(line.text, page) }));
  // "3. Establish your target number" between paragraphs is a subheading; only a list of them is a menu.
  return lines.map((line, i) => {
    const isLoneNumbered =
      line.kind === 'boiler' &&
      NUMBERED_SUBHEADING.test(line.text) &&
      isMenuItem(line.text) &&
      ![rawLines[i - 1], rawLines[i + 1]].some((next) => next !== undefined && isMenuItem(next.text));
    return isLoneNumbered ? { ...line, kind: 'heading' as const } : line;
  });
}

/** "3. Establish your target number": a number, then a phrase of at least two words. */
const NUMBERED_SUBHEADING = /^\d{1,2}[.)]\s+\S+\s+\S+/;

function classifyLine(text: string, page: PageContext): LineKind {
  const { english } = page;
  if (isEndOfArticleMarker(text)) return 'end';
  if (isCaption(text)) return 'caption';
  if (isBoilerplate(text)) return 'boiler';
  if (parseByline(text) !== null || isDateOrTimeLine(text, page.language)) return 'meta';
  if (isInlinePromo(text)) return 'junk';
  return classifyProse(text, english);
}

/** A paragraph needs this much text to count as prose (jusText uses similar bounds). */
const PROSE = { minWords: 10, minChars: 60, minStopWordShare: 0.2 };
/** Short questions/exclamations up to this length read as headlines, not prose. */
const MAX_HEADLINE_WORDS = 15;
/** Lines without sentence punctuation longer than this are prose fragments, not headings. */
const MAX_HEADING_WORDS = 20;

function classifyProse(text: string, english: boolean): LineKind {
  const words = wordsOf(text);
  const sentence = endsLikeSentence(text);
  if (/[?!]["”’)]*$/.test(text) && words.length <= MAX_HEADLINE_WORDS) return 'heading';
  const richInStopWords = !english || stopWordShare(words) >= PROSE.minStopWordShare;
  if (sentence && words.length >= PROSE.minWords && proseLength(text) >= PROSE.minChars && richInStopWords) return 'good';
  if (sentence || words.length > MAX_HEADING_WORDS) return 'near';
  return 'heading';
}

/** Ends in . ! or ? (possibly inside closing quotes/brackets); a trailing ellipsis marks a teaser, not a sentence. */
function endsLikeSentence(text: string): boolean {
  return /[.!?。！？]["”’'»)\]」』）]*$/u.test(text) && !/(\.\.\.|…)["”’'»)\]]*$/u.test(text);
}

/**
 * Words of `text`, lower-cased. Chinese and Japanese write no spaces, so
 * each of their characters counts as a word there; otherwise a whole
 * paragraph would be one "word" and never read as prose.
 */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{L}+(?:['’]\p{L}+)*|\d+/gu) ?? [];
}

const WIDE_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Length in Latin-equivalent characters: a Chinese or Japanese character carries about two letters' worth of text. */
function proseLength(text: string): number {
  return text.length + (text.match(WIDE_CHARS)?.length ?? 0);
}

/** Short, frequent English function words; prose is dense in them, menus and headlines are not. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each even few for from further had has have having he her ' +
    'here hers him his how i if in into is it its itself just may me might more most much must my no nor not now of ' +
    'off on once only or other our out over own same she should so some such than that the their them then there ' +
    'these they this those through to too under until up upon very was we were what when where which while who whom ' +
    'why will with would you your'
  ).split(' '),
);

function stopWordShare(words: string[]): number {
  if (words.length === 0) return 0;
  return words.filter((word) => STOP_WORDS.has(word)).length / words.length;
}

/**
 * The stop-word test only makes sense for English pages; on other languages
 * it would reject every paragraph, so it is switched off there.
 */
function isMostlyEnglish(lines: RawLine[]): boolean {
  return stopWordShare(lines.flatMap((line) => wordsOf(line.text))) >= 0.1;
}

/** Markers that only count as such on short lines, so a body sentence starting alike survives. */
const MAX_MARKER_WORDS = 12;

/** Lines after which the article is over: sharing, comments, related posts, appeals, footers. */
const END_OF_ARTICLE_MARKERS: RegExp[] = [
  /^share (this|the) (article|story|post|page)\b/i,
  /^share this:?$/i,
  /^leave an? (reply|comment)\b/i,
  /^(post|add|write) a comment\b/i,
  /^\d*\s*(comments?|responses?|replies|discussion)( \(\d+\))?:?$/i,
  /^no (comments|responses)( yet| so far)?\b/i,
  /^be (the )?first to (leave|post|write|add)\b/i,
  /^your email address will not be published\b/i,
  /^(recent|latest|popular) (posts|articles|stories|news)$/i,
  /^related( (posts|articles|stories|news|content|coverage|reading|topics))?:?$/i,
  /^more (from|on|in|stories|articles|news|popular)\b/i,
  /^(you (may|might) (also )?like|recommended( for you)?|read next|most (read|popular)|trending( now)?)\b/i,
  /\b(consider donating|support our (work|journalism)|donate (now|today))\b/i,
  /\b(subscribe|sign up) (to|for) (our|the) newsletter\b/i,
  /^(about the author|filed under|posted in|tags?:)/i,
  // The same in other languages: related posts, "read also" headings, comment forms.
  /^(lesen sie (auch|mehr)|weitere (beiträge|artikel|nachrichten|themen)( zu.*)?|mehr zum thema.*|das könnte (sie|dich) auch interessieren|ähnliche (beiträge|artikel)|verwandte (beiträge|artikel)|vea también|lea también|más sobre.*|noticias relacionadas|artículos relacionados|leia também|veja também|(à )?lire aussi|sur le même sujet|articles similaires|leggi anche|articoli correlati|potrebbe interessarti|lees ook|czytaj (też|także)|beliebte beiträge.*|vorschau auf den nächsten artikel|themen in diesem artikel|zum weiterlesen|mehr (zu|zum|über) .{1,60}|lust auf mehr\??|informate más)\s*:?$/iu,
  /^(kommentar (verfassen|schreiben|hinzufügen)|kommentieren sie.*|hinterlasse (einen|jetzt einen) kommentar|schreibe einen kommentar|deja (un|tu) comentario|laisser un commentaire|lascia un commento|dodaj komentarz|bleiben sie auf dem laufenden|hinterlasse eine antwort)\b/iu,
];

/** "1. Ricardo Núñez says", "Ivan says", "jane wrote:", "Bob said on May 2, 2019:" — a comment header. */
const COMMENT_HEADER = /^(\d{1,3}[.)]\s*)?[^\s.!?,:;]+( [^\s.!?,:;]+){0,2} (says|wrote|said on .+|commented( on .+)?):?$/iu;

const COMMENTS_MARKER =
  /^(\d*\s*(comments?|responses?|replies|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze?)( \(\d+\))?:?|\d+\s+(comments?|responses?|replies|kommentare?|antworten|commentaires?|réponses|comentarios?|respuestas|commenti|reacties|komentarze?)\s+(on|to|zu|zum|für|sur|à|en|a|para|su|op|do)\s.{1,120}|leave an? (reply|comment)\b.*|(post|add|write) a comment\b.*|(\d+\s+)?(kommentare?|commentaires?|comentarios?|commenti)\s*\d*)$/iu;

/** A comments heading or a commenter's header: what follows is reader comments. */
function isCommentsMarker(text: string): boolean {
  return COMMENT_HEADER.test(text) || COMMENTS_MARKER.test(text);
}

function isEndOfArticleMarker(text: string): boolean {
  if (wordsOf(text).length > MAX_MARKER_WORDS) return false;
  return isCommentsMarker(text) || END_OF_ARTICLE_MARKERS.some((marker) => marker.test(text));
}

/** "Cover Photo: …", "Photo Courtesy: …", "Image credit: …", "Credit: …". */
const CAPTION_LABEL =
  /^((cover|featured|file|header|top|main|lead) )?(photo|image|picture|photograph|illustration|pic)( (credits?|courtesy|source))?\s*:|^(photo )?(credits?|courtesy)\s*:/i;

/**
 * "… ongoing there. Al-Nuri Mosque (Destroyed)": ends in a short parenthesis
 * with no sentence punctuation before it; prose would end with a period.
 */
const UNPUNCTUATED_CREDIT = /[^\s.!?:;"”’]\s*\((\p{Lu}[^()]{0,40})\)$/u;

/** "… a day earlier. (AFP)": a caption when it comes before the first real paragraph. */
const TRAILING_CREDIT = /[.!?]["”’]?\s*\((\p{Lu}[^()]{0,40})\)$/u;

function isShortCredit(credit: string): boolean {
  return wordsOf(credit).length <= 4;
}

function isCaption(text: string): boolean {
  if (CAPTION_LABEL.test(text)) return true;
  const credit = UNPUNCTUATED_CREDIT.exec(text)?.[1];
  return credit !== undefined && isShortCredit(credit);
}

function isLeadingCreditCaption(text: string): boolean {
  const credit = TRAILING_CREDIT.exec(text)?.[1];
  return credit !== undefined && isShortCredit(credit);
}

/** Whole-line UI text: skip links, search boxes, account prompts, footers. */
const UI_TEXT = new RegExp(
  '^(?:' +
    [
      'skip to (?:main )?(?:content|navigation)',
      'search(?: form| for)?',
      '(?:main )?menu',
      '(?:toggle )?navigation',
      'home',
      'you are here',
      'follow us(?: on .*)?',
      'sign (?:in|up|out)',
      'log ?(?:in|out)',
      'register',
      'subscribe(?: now)?',
      'share',
      'tweet',
      'print',
      'e-?mail',
      'copy link',
      'close',
      'font ?resizer.*',
      "(?:have an existing|don['’]t have an) account\\?.*",
      'welcome back!?',
      'sign in to your account',
      '(?:lost|forgot) your password\\??',
      'categories',
      'tags',
      '(?:post )?archives',
      'go to archive',
      'back to top',
      'load more',
      'show more',
      'no more articles',
      'there are no more articles.*',
      'all rights reserved',
      'privacy policy',
      'terms (?:of|and) (?:use|service|conditions)',
      'contact(?: us)?',
      'about(?: us)?',
      // The same in other languages.
      '(?:beitrag |artikel )?teilen',
      'drucken',
      'kategorien',
      'schlagwörter',
      'zurück(?: zur übersicht)?',
      '(?:jetzt )?newsletter(?: abonnieren)?',
      'anmelden',
      'abmelden',
      'suche',
      'menü',
      'startseite',
      'impressum',
      'datenschutz(?:erklärung)?',
      'kontakt',
      'compartir',
      'imprimir',
      'inicio',
      'partager',
      'imprimer',
      'accueil',
      'condividi',
      'stampa',
      'rezept drucken',
      'weiterlesen',
      '(?:jetzt|kostenlos) registrieren.*',
      'schon registriert\\?.*',
      'hier einloggen',
    ].join('|') +
    ')[:.]?$',
  'i',
);

/** "Reading: <title>" — the sticky header some sites show while scrolling. */
const READING_LABEL = /^(?:now |you are )?reading:\s*(.+)$/i;

const BULLET = /^(?:[•·▪◦‣●■►▸]|[*–-](?=\s))\s*/u;
const NUMBERING = /^\d{1,3}[.)]\s+/;
/** A bulleted or numbered item this short and unpunctuated is a menu entry. */
const MAX_MENU_ITEM_WORDS = 8;

function startsWithBullet(text: string): boolean {
  return BULLET.test(text);
}

function isMenuItem(text: string): boolean {
  const item = text.replace(BULLET, '').replace(NUMBERING, '');
  if (item === text) return false;
  return wordsOf(item).length <= MAX_MENU_ITEM_WORDS && !endsLikeSentence(item);
}

const SHARE_WORDS = new Set(
  'facebook twitter x pinterest whatsapp linkedin email e mail print copy link reddit telegram tumblr messenger share tweet flipboard pocket sms threads bluesky'.split(
    ' ',
  ),
);

/** "Facebook Twitter Pinterest Whatsapp LinkedIn Email Copy Link Print". */
function isShareButtonRow(text: string): boolean {
  const words = wordsOf(text);
  return words.length >= 2 && words.filter((word) => SHARE_WORDS.has(word)).length / words.length >= 0.6;
}

/** Words of footers' legal notices (copyright, liability, privacy, cookies) in several languages. */
const LEGAL_TERMS =
  /\b(copyright|urheberrecht\w*|liabilit(y|ies)|haftung\w*|disclaimer|haftungsausschluss|privacy|datenschutz\w*|cookies?|all rights reserved|alle rechte vorbehalten|tous droits réservés|derechos reservados|terms of (use|service)|nutzungsbedingungen|reproduced|vervielfältig\w*|written permission|without (the )?(prior )?permission)\b/giu;
/** A line naming this many legal terms is a footer's notice, however long. */
const MIN_LEGAL_TERMS = 2;

function isLegalNotice(text: string): boolean {
  return new Set(text.toLowerCase().match(LEGAL_TERMS) ?? []).size >= MIN_LEGAL_TERMS;
}

function isBoilerplate(text: string): boolean {
  return (
    isLegalNotice(text) ||
    UI_TEXT.test(text) ||
    READING_LABEL.test(text) ||
    isMenuItem(text) ||
    isShareButtonRow(text) ||
    splitBreadcrumb(text) !== null ||
    // Only a short line is a footer; "Copyright law in Syria …" can open a paragraph.
    (COPYRIGHT.test(text) && wordsOf(text).length <= MAX_MARKER_WORDS)
  );
}

/** "Advertisement", "Read more: …", "Story continues below" — promos that interrupt a body. */
const INLINE_PROMO =
  /^(advertisements?|sponsored( content)?|story continues below.*|continue reading.*|(read|see) (more|also)\s*:.*|also read\s*:.*|related\s*:.*|(watch|listen)\s*:.*)$/i;

function isInlinePromo(text: string): boolean {
  return INLINE_PROMO.test(text);
}

// ---------------------------------------------------------------------------
// Bylines and dates

/** "By Jane Doe …", "Written By: Jane Doe", "Posted by Jane Doe". */
const BYLINE =
  /^(?:(?:written|posted|reported|words|story|text|gepostet|veröffentlicht|geschrieben|publié|publicado|escrito|scritto|pubblicato)\s+)?(?:by|von|par|por|di|door|przez|av|af):?\s+(.+)$/iu;
/** "Author: Jane Doe". */
const AUTHOR_LABEL = /^(?:author|writer|reporter|autor|autorin|auteur|autore|autora|redakteur|redakteurin)(?:s|en|e)?:\s*(.+)$/iu;
/** A byline is a short line; a longer one is a sentence that happens to start with "By". */
const MAX_BYLINE_WORDS = 20;

/** Words that end a name in a byline: what follows is the publication date or reading time. */
const AFTER_NAME_WORDS = /^(published|updated|posted|last|on|at|date|am|um|vom|le|el|il|em|op|dnia|\d+|[|•·–—,-]?)$/iu;
/**
 * Month and weekday names look like names but start a date ("By Friday, …", "Montag, 06.11.2023"):
 * English months, and weekdays in the languages whose dates findDates reads.
 */
const CALENDAR_WORDS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|lunedì|martedì|mercoledì|giovedì|venerdì|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela)\.?,?$/iu;
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le']);

/**
 * Returns the author named by a byline line, or null when the line is not a
 * byline. The name must be followed by nothing, a separator, or date/meta
 * words, which keeps "By the time …" and "By Friday, forces …" out.
 */
function parseByline(text: string): string | null {
  if (wordsOf(text).length > MAX_BYLINE_WORDS) return null;
  const rest = (BYLINE.exec(text) ?? AUTHOR_LABEL.exec(text))?.[1];
  if (rest === undefined) return null;
  // Co-authors may be joined by commas, so only the hard separators end the name segment.
  const segment = rest.split(/\s*[|•·–—]\s*|\s+-\s+/, 1)[0] ?? '';
  const tokens = segment.split(' ');
  const nameTokens: string[] = [];
  for (const token of tokens) {
    if (!isNameToken(token)) break;
    nameTokens.push(token);
  }
  while (nameTokens.length > 0 && /^(and|&)$/i.test(nameTokens.at(-1) ?? '')) nameTokens.pop();
  if (nameTokens.length === 0) return null;
  const afterName = tokens.slice(nameTokens.length);
  if (afterName.length > 0 && !AFTER_NAME_WORDS.test(afterName[0]?.replace(/[:,]$/, '') ?? '')) return null;
  return nameTokens.join(' ').replace(/,$/, '');
}

function isNameToken(token: string): boolean {
  if (CALENDAR_WORDS.test(token) || AFTER_NAME_WORDS.test(token)) return false;
  return /^\p{Lu}[\p{L}'’.-]*,?$/u.test(token) || NAME_PARTICLES.has(token) || /^(and|&)$/i.test(token);
}

/** "Published: …", "Last updated: 12 min ago", "Posted on …". */
const DATE_LABEL = /^(?:first |last )?(?:published|updated|modified|posted|date)\b/i;
const RELATIVE_TIME = /\b\d+\s*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\b.*\bago$/i;
const READING_TIME = /^\d+\s+min(?:ute)?s? read$/i;
/** Words allowed next to a date on a date line ("June 24, 2025 2 Min Read"). */
const DATE_LINE_FILLER = /\b(?:published|posted|updated|modified|last|on|at|date|mins?|minutes?|read|ago|am|pm)\b|\d+|[^\p{L}\s]/giu;
/** A date/time line is short; a longer one is body text mentioning a date. */
const MAX_DATE_LINE_WORDS = 15;

/** A short line with a date in it is a date or byline line ("Jane Doe – 14.09.2022 – Column"), unless it reads as a sentence. */
const MAX_DATED_META_WORDS = 12;
const MIN_DATED_SENTENCE_WORDS = 8;

function isDateOrTimeLine(text: string, language: string | null): boolean {
  const words = wordsOf(text).length;
  if (words > MAX_DATE_LINE_WORDS) return false;
  if (READING_TIME.test(text) || RELATIVE_TIME.test(text)) return true;
  if (DATE_LABEL.test(text) && /\d/.test(text)) return true;
  const found = firstCertainDate(text);
  if (found) {
    const leftover = text.replace(found.text, ' ').replace(DATE_LINE_FILLER, ' ');
    if (wordsOf(leftover).length <= 1) return true;
  }
  if (words > MAX_DATED_META_WORDS || (endsLikeSentence(text) && words >= MIN_DATED_SENTENCE_WORDS)) return false;
  return findDates(text, language).length > 0;
}

/** Fixed so that parsing never depends on the day the extractor runs. */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

/** The first full calendar date (year, month and day all written) in `text`. */
function firstCertainDate(text: string): { text: string; iso: string } | null {
  for (const result of chrono.strict.parse(text, REFERENCE_DATE)) {
    const iso = statesYear(result) ? toIsoDate(result.start) : null;
    if (iso) return { text: result.text, iso };
  }
  return null;
}

/** chrono calls "for six weeks" a certain date (counted from the reference day); a stated date writes its year. */
function statesYear(result: chrono.ParsedResult): boolean {
  return /\d{4}/.test(result.text);
}

/** Formats only what the page stated: the time only when given, the zone only when given. */
function toIsoDate(components: chrono.ParsedComponents): string | null {
  const certain = (unit: chrono.Component) => components.isCertain(unit);
  if (!certain('year') || !certain('month') || !certain('day')) return null;
  const part = (unit: chrono.Component, width = 2) => String(components.get(unit) ?? 0).padStart(width, '0');
  const date = `${part('year', 4)}-${part('month')}-${part('day')}`;
  if (!certain('hour')) return date;
  const time = `${date}T${part('hour')}:${part('minute')}:${part('second')}`;
  if (!certain('timezoneOffset')) return time;
  return time + formatZoneOffset(components.get('timezoneOffset') ?? 0);
}

function formatZoneOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// Finding the body

interface ProseRun {
  start: number;
  end: number;
  goodChars: number;
  goodCount: number;
  /** How much the run's prose counts: less after an end-of-article marker, least after a comments marker. */
  weight: number;
}

/** A run with less prose than this is a stray sentence, not an article. */
const MIN_ARTICLE_CHARS = 200;
/** Prose after an end-of-article marker is usually comments or appeals. */
const AFTER_END_MARKER_WEIGHT = 0.5;
/** Prose after a comments heading or a commenter's header is reader comments, however long. */
const AFTER_COMMENTS_WEIGHT = 0.2;

/**
 * What each kind of line adds to a candidate body, per character of prose or
 * per line otherwise. Prose earns its length; everything else costs a little,
 * so a subheading, a list or a teaser between paragraphs is crossed while a
 * menu, a byline or a stack of headlines between two blocks of prose is not
 * (the maximum-subarray view of body text extraction, as in BTE).
 */
const LINE_VALUE = {
  nearShare: 0.5,
  heading: -25,
  listItem: -12,
  lenientHeading: -2,
  caption: -10,
  junk: -10,
  boiler: -150,
  meta: -60,
} as const;

/**
 * The stretch of lines with the most prose net of what interrupts it; an
 * end-of-article marker always ends a stretch. Null when no stretch has an
 * article's worth of prose.
 */
function chooseBodyRun(lines: Line[]): ProseRun | null {
  // Short lines after an end marker are comments or link lists, never the article read leniently.
  const best =
    bestRun(lines, findProseRuns(lines, false)) ?? bestRun(lines, findProseRuns(lines, true).filter((run) => run.weight === 1));
  return best && widenWithNearLines(lines, startAfterHeaderMeta(lines, best));
}

function bestRun(lines: Line[], runs: ProseRun[]): ProseRun | null {
  let best: ProseRun | null = null;
  let bestScore = 0;
  for (const run of runs) {
    const headed = followsArticleHeader(lines, run.start);
    const score = run.goodChars * run.weight * (headed ? HEADED_RUN_WEIGHT : 1);
    if (run.goodChars >= (headed ? MIN_HEADED_ARTICLE_CHARS : MIN_ARTICLE_CHARS) && score > bestScore) {
      best = run;
      bestScore = score;
    }
  }
  return best;
}

/** Prose above a byline or date line makes up less than this share of a body that follows it: it is a standfirst. */
const MAX_STANDFIRST_SHARE = 1 / 3;

/**
 * A byline or date line marks the top of an article: a little prose above
 * one inside the stretch is the standfirst, not the body.
 */
function startAfterHeaderMeta(lines: Line[], run: ProseRun): ProseRun {
  let before = 0;
  let start = run.start;
  for (const i of range(run.start, run.end + 1)) {
    const line = lineAt(lines, i);
    if (line.kind === 'meta' && before < run.goodChars * MAX_STANDFIRST_SHARE) start = i + 1;
    if (line.kind === 'good' || line.kind === 'near') before += proseLength(line.text);
    if (before >= run.goodChars * MAX_STANDFIRST_SHARE) break;
  }
  return start === run.start ? run : summariseRun(lines, start, run.end, run.weight, run.goodCount === 0);
}

/** A heading-like line this long reads as a list item or step rather than a label. */
const LIST_ITEM_WORDS = 6;

/**
 * What a line adds to a candidate body. The lenient reading, for pages with
 * no paragraph of prose at all (a recipe, a list of steps, short lines),
 * counts short prose in full and lets every heading-like line through cheaply.
 */
/** Prose right below a headline and its byline or date line is the article, even when a sidebar has more. */
const HEADED_RUN_WEIGHT = 4;
/** Below a headline and byline, a short post is still an article. */
const MIN_HEADED_ARTICLE_CHARS = 100;
/** How far above a run its byline/date line may sit (captions and the standfirst between). */
const HEADER_REACH_LINES = 3;

/** A heading-like line, then a byline or date line, within a few lines above `start`. */
function followsArticleHeader(lines: Line[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(1, start - HEADER_REACH_LINES); i--) {
    const kind = lineAt(lines, i).kind;
    if (kind === 'meta') {
      const above = lineAt(lines, i - 1).kind;
      return above === 'heading' || above === 'near' || (above === 'meta' && i >= 2 && lineAt(lines, i - 2).kind === 'heading');
    }
    if (kind === 'boiler' || kind === 'end') return false;
  }
  return false;
}

function lineValue(line: Line, lenient: boolean): number {
  if (lenient && line.kind === 'near') return proseLength(line.text);
  if (lenient && line.kind === 'heading') return LINE_VALUE.lenientHeading;
  switch (line.kind) {
    case 'good':
      return proseLength(line.text);
    case 'near':
      return proseLength(line.text) * LINE_VALUE.nearShare;
    case 'end':
      return Number.NEGATIVE_INFINITY;
    case 'heading':
      // A list item or step ("Mix the flour and water") is part of an article; a one- or two-word label is a menu.
      return wordsOf(line.text).length >= LIST_ITEM_WORDS ? LINE_VALUE.listItem : LINE_VALUE.heading;
    default:
      return LINE_VALUE[line.kind];
  }
}

/** The best stretch of each positive-sum span between resets (Kadane's scan); end markers reset it. */
function findProseRuns(lines: Line[], lenient: boolean): ProseRun[] {
  const runs: ProseRun[] = [];
  let weight = 1;
  let start = 0;
  let sum = 0;
  let bestEnd = -1;
  let bestSum = 0;
  const closeSpan = (next: number) => {
    if (bestEnd >= start) runs.push(summariseRun(lines, start, bestEnd, weight, lenient));
    start = next;
    sum = 0;
    bestEnd = -1;
    bestSum = 0;
  };
  lines.forEach((line, i) => {
    const value = lineValue(line, lenient);
    if (value === Number.NEGATIVE_INFINITY) {
      closeSpan(i + 1);
      weight = Math.min(weight, isCommentsMarker(line.text) ? AFTER_COMMENTS_WEIGHT : AFTER_END_MARKER_WEIGHT);
      return;
    }
    sum += value;
    if (sum > bestSum) {
      bestSum = sum;
      bestEnd = i;
    }
    if (sum <= 0) closeSpan(i + 1);
  });
  closeSpan(lines.length);
  return runs;
}

function summariseRun(lines: Line[], start: number, end: number, weight: number, lenient = false): ProseRun {
  // Trim to good lines at both ends (near lines are adopted later by widening); the lenient reading keeps short prose too.
  const isEdge = (line: Line) => line.kind === 'good' || (lenient && line.kind === 'near');
  let first = start;
  while (first < end && !isEdge(lineAt(lines, first))) first++;
  let last = end;
  while (last > first && !isEdge(lineAt(lines, last))) last--;
  let goodChars = 0;
  let goodCount = 0;
  for (const i of range(first, last + 1)) {
    const line = lineAt(lines, i);
    if (line.kind === 'good') {
      goodChars += proseLength(line.text);
      goodCount++;
    } else if (line.kind === 'near' || (lenient && line.kind === 'heading')) {
      goodChars += proseLength(line.text) * (lenient ? 1 : LINE_VALUE.nearShare);
    }
  }
  return { start: first, end: last, goodChars, goodCount, weight };
}

/** Short prose lines adopted at either edge of a run (jusText's "near-good" neighbours). */
const MAX_EDGE_NEAR_LINES = 2;

function widenWithNearLines(lines: Line[], run: ProseRun): ProseRun {
  let { start, end } = run;
  while (start > 0 && run.start - start < MAX_EDGE_NEAR_LINES && lines[start - 1]?.kind === 'near') start--;
  while (end < lines.length - 1 && end - run.end < MAX_EDGE_NEAR_LINES && lines[end + 1]?.kind === 'near') end++;
  return { ...run, start, end };
}

/** A related story's teaser inside an article: a short line cut off with an ellipsis (its headline sits above it). */
const MAX_TEASER_WORDS = 30;

function isTeaser(line: Line): boolean {
  return line.kind !== 'good' && /(\.\.\.|…)$/u.test(line.text) && wordsOf(line.text).length <= MAX_TEASER_WORDS;
}

/** The run's text lines minus captions, promos, and photo captions leading the body. */
function bodyParagraphs(lines: Line[], run: ProseRun): string[] {
  const slice = lines.slice(run.start, run.end + 1);
  const kept = slice
    .filter((line, i) => !isTeaser(line) && !(line.kind === 'heading' && slice[i + 1] !== undefined && isTeaser(slice[i + 1]!)))
    .filter((line) => line.kind === 'good' || line.kind === 'near' || line.kind === 'heading')
    .map((line) => line.text);
  while (kept.length > 0 && isLeadingCreditCaption(kept[0] ?? '')) kept.shift();
  return kept;
}

// ---------------------------------------------------------------------------
// Header: title, byline, date, standfirst

/** How far above the body the title and byline are looked for, in lines. */
const HEADER_WINDOW_LINES = 25;

/** First line of the header window above the body; menus and earlier end markers bound it. */
function headerWindowStart(lines: Line[], bodyStart: number): number {
  let start = bodyStart;
  while (start > 0 && bodyStart - start < HEADER_WINDOW_LINES) {
    const previous = lineAt(lines, start - 1);
    if (previous.kind === 'end' || isMenuItem(previous.text)) break;
    start--;
  }
  return start;
}

/** Lines right after the body that may hold a closing byline ("Written By: …"); stops at an end marker. */
const TRAILING_ZONE_LINES = 4;

function trailingZone(lines: Line[], bodyEnd: number): number[] {
  const zone: number[] = [];
  for (let i = bodyEnd + 1; i < lines.length && zone.length < TRAILING_ZONE_LINES; i++) {
    if (lineAt(lines, i).kind === 'end') break;
    zone.push(i);
  }
  return zone;
}

interface TitleChoice {
  text: string;
  /** Line index of the title, or null when it is only known from a breadcrumb or "Reading:" label. */
  index: number | null;
}

/** How far above the body a title is looked for when the header window holds none. */
const WIDE_TITLE_WINDOW_LINES = 40;
/** A title made from the body's opening sentence is cut to this many words. */
const MAX_OPENING_TITLE_WORDS = 12;

/**
 * A page whose article has no heading (a bare post, a notice) still has a
 * subject: its opening sentence, shortened, stands in as the title.
 */
function openingAsTitle(firstParagraph: string): TitleChoice | null {
  const sentence = /^.+?[.!?。！？](?=\s|$)/u.exec(firstParagraph)?.[0] ?? firstParagraph;
  const words = sentence.split(' ');
  const text = words.length > MAX_OPENING_TITLE_WORDS ? `${words.slice(0, MAX_OPENING_TITLE_WORDS).join(' ')} …` : sentence;
  return /\p{L}/u.test(text) ? { text, index: null } : null;
}

/** Title candidates up to this long; longer lines are standfirsts or prose. */
const MAX_TITLE_WORDS = 30;
/** How far below a title its byline or date line may sit. */
const BYLINE_REACH = 3;
/** Words this short carry no topic ("the", "und"…), so they do not count as shared with the body. */
const MIN_TOPIC_WORD_CHARS = 4;

/**
 * The title is the heading-like line above the body that looks most like a
 * headline: three to twenty words, near the body, followed by a byline or
 * date line, sharing topic words with the body's opening, echoed elsewhere on
 * the page (breadcrumb tail, "Reading: X", a doubled line). Captions,
 * bylines, dates, counters, labels and commenter headers never qualify.
 */
function chooseTitle(lines: Line[], windowStart: number, bodyStart: number, bylineNames: string[], bodyOpening: string, language: string | null): TitleChoice | null {
  const hints = titleHints(lines, bodyStart);
  const topic = topicWords(bodyOpening);
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line.text, (seen.get(line.text) ?? 0) + 1);

  let best: TitleChoice | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  let between = 0;
  for (let i = bodyStart - 1; i >= windowStart; i--) {
    const line = lineAt(lines, i);
    if (!isTitleCandidate(line, bylineNames, language) || isInMenu(lines, i)) continue;
    const words = wordsOf(line.text).length;
    let score = words >= 4 && words <= 14 ? 2 : words === 3 || (words >= 15 && words <= 20) ? 1.5 : words === 2 ? 1 : words > 20 ? -1 : 0;
    score -= 0.5 * between;
    if (range(i + 1, Math.min(bodyStart, i + 1 + BYLINE_REACH)).some((j) => lineAt(lines, j).kind === 'meta')) score += 2;
    score += 0.7 * Math.min(3, [...topicWords(line.text)].filter((word) => topic.has(word)).length);
    if (i > 0 && lineAt(lines, i - 1).kind === 'meta') score += 1;
    if (hints.has(line.text)) score += 3;
    if ((seen.get(line.text) ?? 0) >= 2 && words >= 3) score += 1;
    if (line.kind === 'near' && endsLikeSentence(line.text) && words >= 12) score -= 1.5;
    if (isStandfirstBelow(lines, i, bodyStart, words)) score += STANDFIRST_BELOW_BONUS;
    if (score > bestScore) {
      best = { text: line.text, index: i };
      bestScore = score;
    }
    between++;
  }
  // A text the page repeats twice as a title (breadcrumb tail and "Reading:") outweighs any line.
  const repeatedHint = [...hints].find(([, count]) => count >= 2)?.[0];
  if (repeatedHint && !(best && hints.has(best.text))) return { text: repeatedHint, index: null };
  if (best) return best;
  const anyHint = hints.keys().next();
  return anyHint.done ? null : { text: anyHint.value, index: null };
}

/** A headline followed by its longer standfirst beats the standfirst itself. */
const STANDFIRST_BELOW_BONUS = 1;

/** The line right below `index` is a longer line of text (a standfirst or subtitle), not yet the body. */
function isStandfirstBelow(lines: Line[], index: number, bodyStart: number, words: number): boolean {
  if (index + 1 >= bodyStart) return false;
  const next = lineAt(lines, index + 1);
  const nextIsHeadline = index + 2 < bodyStart && lineAt(lines, index + 2).kind === 'meta';
  return (next.kind === 'heading' || next.kind === 'near' || next.kind === 'good') && wordsOf(next.text).length > words && !nextIsHeadline;
}

/** Menu entries are one or two words. */
const MAX_MENU_LABEL_WORDS = 2;

/** A one- or two-word line next to another such line or to navigation is a menu entry, not a title. */
function isInMenu(lines: Line[], index: number): boolean {
  const isLabel = (line: Line | undefined) =>
    line !== undefined && (line.kind === 'boiler' || (line.kind === 'heading' && wordsOf(line.text).length <= MAX_MENU_LABEL_WORDS));
  return isLabel(lines[index]) && (isLabel(lines[index - 1]) || isLabel(lines[index + 1]));
}

function topicWords(text: string): Set<string> {
  return new Set(wordsOf(text).filter((word) => word.length >= MIN_TOPIC_WORD_CHARS));
}

/** "Rating: 7 Votes", "75,345 shares", "Seite 1": a label or counter, not a headline. */
const COUNTER = /^[^\d]{0,25}:\s*\d|^\W*\d[\d.,]*\s*\p{L}+\W*$/u;
const WEB_ADDRESS = /https?:\/\/|www\.|\.(com|org|net|de)\b/i;

function isTitleCandidate(line: Line, bylineNames: string[], language: string | null): boolean {
  const { text } = line;
  return (
    (line.kind === 'heading' || line.kind === 'near') &&
    wordsOf(text).length <= MAX_TITLE_WORDS &&
    /\p{L}/u.test(text) &&
    !/[:：]$/.test(text) &&
    !/^\(.*\)$/.test(text) &&
    !COUNTER.test(text) &&
    !NUMBERED_SUBHEADING.test(text) &&
    !WEB_ADDRESS.test(text) &&
    !COMMENT_HEADER.test(text) &&
    !/©|\b(foto|photo|bild|image|credit)s?\b\s*:/iu.test(text) &&
    (wordsOf(text).length > MAX_DATED_META_WORDS || findDates(text, language).length === 0) &&
    !bylineNames.includes(line.text) &&
    // A short "… the city. (AFP)" caption can sit right above the body.
    !isLeadingCreditCaption(line.text)
  );
}

/** Texts the page repeats as a title would be: "Reading: X", breadcrumb tails, doubled lines. */
function titleHints(lines: Line[], bodyStart: number): Map<string, number> {
  const hints = new Map<string, number>();
  const add = (text: string | undefined) => {
    if (text && wordsOf(text).length >= 2) hints.set(text, (hints.get(text) ?? 0) + 1);
  };
  for (const line of lines.slice(0, bodyStart)) {
    add(READING_LABEL.exec(line.text)?.[1]);
    const crumbs = splitBreadcrumb(line.text);
    if (crumbs && crumbs.length >= 3) add(crumbs.at(-1));
    if (line.doubled) add(line.text);
  }
  return hints;
}

/** The first author named by a byline among the given lines. */
function firstByline(lines: Line[], indices: number[], language: string | null): string | null {
  for (const i of indices) {
    const line = lineAt(lines, i);
    const name = parseByline(line.text) ?? (line.kind === 'meta' ? nameOnDatedLine(line.text, language) : null);
    if (name) return name;
  }
  return null;
}

/** A name is one to four capitalised words ("Nike Jane", "John v. Berenberg-Consbruch"). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|v\.|von|van|de|da|del|di|du|der|den|la|le)){0,3}$/u;
const BYLINE_WORD = /^(by|von|par|por|door|przez|av|af)\b/iu;
/** "… by Jane Doe", "… von Anna Keller" after the date on a date line. */
const NAME_AFTER_DATE = /(?:^|\s)(?:by|von|par|por|door|przez|av|af)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;

/**
 * The author on a date line that names one: before the date and a separator
 * ("Jane Doe | 06.11.23", "Nike Jane – 14.09.2022 – Column") or after it with
 * "by"/"von"/"par" ("Posted on 21. Juli 2019 by Realiberry").
 */
function nameOnDatedLine(text: string, language: string | null): string | null {
  const date = findDates(text, language)[0];
  if (!date) return null;
  const after = NAME_AFTER_DATE.exec(text.slice(date.end))?.[1];
  if (after) return after.trim();
  const before = text
    .slice(0, date.index)
    .replace(/[\s|•·–—,:-]+$/u, '')
    .trim();
  if (before === '' || before === text) return null;
  const name = before.split(/\s*[|•·–—]\s*/u).at(-1) ?? '';
  const isName = PERSON_NAME.test(name) && !name.split(' ').some((word) => CALENDAR_WORDS.test(word) || AFTER_NAME_WORDS.test(word));
  return isName && !DATE_LABEL.test(name) && !BYLINE_WORD.test(name) ? name : null;
}

/**
 * How many lines above the title and below the body a date is looked for.
 * Above the title a date line can sit over a kicker, the section's name,
 * share buttons and a picture's caption, hence the longer reach.
 */
const DATE_REACH_ABOVE_TITLE = 12;
const DATE_REACH_BELOW_BODY = 6;
/** The last resort: a date line this far above or below the body (farther out are sidebars: seed 000 dates its recent posts there). */
const DATE_FAR_REACH = 30;
/** The first zones given to publicationDate are the near ones. */
const NEAR_DATE_ZONES = 3;
/** Lines with more prose than this are body text; a date in them is a date the story mentions. */
const MAX_DATED_LINE_CHARS = 200;

/**
 * The publication date: from the lines between title and body (byline, date
 * line, even a caption), then just above the title, then a dateline opening
 * the first paragraph, then just below the body. On a line, a date labelled
 * "Updated"/"Modified" only counts when no other date is given.
 */
function publicationDate(lines: Line[], zones: number[][], firstParagraph: string, language: string | null): string | null {
  for (const [z, zone] of zones.entries()) {
    // Near the title any short line may carry the date (even a caption); farther out only a date line.
    const near = z < NEAR_DATE_ZONES;
    const dates = zone
      .map((i) => lineAt(lines, i))
      .filter((line) => line.kind !== 'good' && line.kind !== 'end' && line.text.length <= MAX_DATED_LINE_CHARS)
      .filter((line) => near || !mentionsDateInPassing(line))
      .flatMap((line) => labelledDates(line.text, language));
    const date = dates.find((found) => !found.isUpdate) ?? dates[0];
    if (date) return date.iso;
    if (zone === zones[1]) {
      const dateline = datelineDate(firstParagraph, language) ?? openingDate(firstParagraph, language);
      if (dateline) return dateline;
    }
  }
  return null;
}

/** A caption or a sentence far from the title names a day the story is about, not the day it was published. */
function mentionsDateInPassing(line: Line): boolean {
  return (
    line.kind === 'caption' ||
    isLeadingCreditCaption(line.text) ||
    (endsLikeSentence(line.text) && wordsOf(line.text).length >= MIN_DATED_SENTENCE_WORDS)
  );
}

/** How far before a date its label ("Updated:", "Published") is looked for. */
const DATE_LABEL_REACH = 25;
const UPDATE_LABEL = /\b(updated|modified|aktualisiert|geändert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|zaktualizowano)\b/iu;
const PUBLISHED_LABEL = /\b(published|posted|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|opublikowano)\b/iu;

/** Every plausible full date on a line, marked when its label says it is an update. */
function labelledDates(text: string, language: string | null): { iso: string; isUpdate: boolean }[] {
  // chrono (English) reads "10.11.2021" month-first; the language-aware finder goes first.
  const found: { index: number; end: number; iso: string }[] = findDates(text, language);
  for (const result of chrono.strict.parse(text, REFERENCE_DATE)) {
    const iso = statesYear(result) ? toIsoDate(result.start) : null;
    const end = result.index + result.text.length;
    if (!iso || implausibleDate(iso) !== null) continue;
    if (!found.some((other) => result.index < other.end && other.index < end)) found.push({ index: result.index, end, iso });
  }
  return found
    .sort((x, y) => x.index - y.index)
    .map(({ index, iso }) => {
      const label = text.slice(Math.max(0, index - DATE_LABEL_REACH), index);
      return { iso, isUpdate: UPDATE_LABEL.test(label) && !PUBLISHED_LABEL.test(label) };
    });
}

/** A dateline ends within this many characters of the paragraph start. */
const MAX_DATELINE_CHARS = 150;

/** "PLACE (November 25, 2017) – Text…": a date before the dash that opens the first paragraph. */
function datelineDate(firstParagraph: string, language: string | null): string | null {
  const dash = /\s*[–—]\s*|\s+--?\s+/.exec(firstParagraph.slice(0, MAX_DATELINE_CHARS));
  if (!dash) return null;
  return labelledDates(firstParagraph.slice(0, dash.index), language)[0]?.iso ?? null;
}

/** A date this close to the start of the first paragraph belongs to its byline ("By Ela on 31. October, 2023 | …", "Red. / 31.10.2023 Die …"). */
const MAX_WORDS_BEFORE_OPENING_DATE = 6;

/** The date a first paragraph opens with, behind at most a few words of byline; a later date is one the story mentions. */
function openingDate(firstParagraph: string, language: string | null): string | null {
  const found = findDates(firstParagraph.slice(0, MAX_DATELINE_CHARS), language)[0];
  if (!found) return null;
  return wordsOf(firstParagraph.slice(0, found.index)).length <= MAX_WORDS_BEFORE_OPENING_DATE ? found.iso : null;
}

/** Fewer words than this make a tagline, not a standfirst. */
const MIN_STANDFIRST_WORDS = 6;

/** Sentence-like prose between title and body (the body run itself excluded). */
function standfirst(lines: Line[], header: number[]): string | null {
  const texts = header
    .map((i) => lineAt(lines, i))
    .filter((line) => (line.kind === 'good' || line.kind === 'near') && endsLikeSentence(line.text))
    .filter((line) => wordsOf(line.text).length >= MIN_STANDFIRST_WORDS)
    .map((line) => line.text);
  return texts.length > 0 ? texts.join(' ') : null;
}

// ---------------------------------------------------------------------------
// Outlet and category

/** Arrow-like crumb separators, spaced so that "A>B" in prose is left alone. */
const CRUMB_ARROW = /\s+[>›»]\s+/;
/** A spaced slash also separates crumbs, but titles use it too ("Iraq / Syria"), so it needs three crumbs. */
const CRUMB_SLASH = /\s+\/\s+/;
const MAX_CRUMB_WORDS = 12;
/** Crumb roots that name no outlet. */
const GENERIC_ROOT = /^(home|homepage|start|main|front ?page)$/i;

/** "PhotoNews Pakistan > Blog > Title" → its crumbs, or null when the line is no breadcrumb. */
function splitBreadcrumb(text: string): string[] | null {
  const byArrow = text.split(CRUMB_ARROW);
  const crumbs = byArrow.length >= 2 ? byArrow : text.split(CRUMB_SLASH);
  if (crumbs.length < (byArrow.length >= 2 ? 2 : 3)) return null;
  const plausible = crumbs.every((crumb) => crumb !== '' && wordsOf(crumb).length <= MAX_CRUMB_WORDS);
  return plausible ? crumbs : null;
}

interface BreadcrumbFields {
  outlet: string | null;
  category: string | null;
}

/**
 * Reads the breadcrumb above the body, preferring one that ends in the title:
 * its root names the outlet, the crumb before the title the category.
 */
function findBreadcrumb(lines: Line[], bodyStart: number, title: string): BreadcrumbFields | null {
  const trails = lines
    .slice(0, bodyStart)
    .map((line) => splitBreadcrumb(line.text))
    .filter((crumbs): crumbs is string[] => crumbs !== null);
  const sameTitle = (crumb: string | undefined) => crumb?.toLowerCase() === title.toLowerCase();
  const trail = trails.find((crumbs) => sameTitle(crumbs.at(-1))) ?? trails.at(-1);
  if (!trail) return null;
  const withoutTitle = sameTitle(trail.at(-1)) ? trail.slice(0, -1) : trail;
  const root = withoutTitle[0];
  return {
    outlet: root && !GENERIC_ROOT.test(root) ? root : null,
    category: withoutTitle.length >= 2 ? (withoutTitle.at(-1) ?? null) : null,
  };
}

/** "© 2022 Photonews. All Rights Reserved." / "Copyright 2010–2024 Example News". */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(.*)$/i;
const MAX_OUTLET_WORDS = 6;

/** The outlet named by the first copyright line on the page. */
function findCopyrightOutlet(lines: Line[]): string | null {
  for (const line of lines) {
    const owner = COPYRIGHT.exec(line.text)?.[1];
    if (owner === undefined) continue;
    const name = owner
      .replace(/all rights reserved\.?/i, '')
      .replace(/[\s.,|–-]+$/, '')
      .trim();
    if (/\p{L}/u.test(name) && wordsOf(name).length <= MAX_OUTLET_WORDS) return name;
  }
  return null;
}

/** A section label ("Blog", "Middle East") is at most this long. */
const MAX_LABEL_WORDS = 3;
const MAX_LABEL_CHARS = 30;

/** A short section label on the line right above the title. */
function sectionLabelAbove(lines: Line[], titleIndex: number | null, notLabels: (string | null)[]): string | null {
  if (titleIndex === null || titleIndex === 0) return null;
  const above = lineAt(lines, titleIndex - 1);
  const isLabel =
    above.kind === 'heading' &&
    !above.doubled && // a logo printed twice, not a section
    wordsOf(above.text).length <= MAX_LABEL_WORDS &&
    above.text.length <= MAX_LABEL_CHARS &&
    !notLabels.some((other) => other?.toLowerCase() === above.text.toLowerCase());
  return isLabel ? above.text : null;
}

const MORE_FROM = /^more from\s+(.+)$/i;

/** "MORE FROM Middle-East" below the body names the article's section (unless it names the outlet). */
function moreFromCategory(lines: Line[], bodyEnd: number, outlet: string | null): string | null {
  for (const line of lines.slice(bodyEnd + 1)) {
    const section = MORE_FROM.exec(line.text)?.[1];
    if (section && wordsOf(section).length <= MAX_LABEL_WORDS && section.toLowerCase() !== outlet?.toLowerCase()) {
      return section;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Small helpers for indices

/** Indices from `start` (inclusive) to `end` (exclusive). */
function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

function lineAt(lines: Line[], index: number): Line {
  const line = lines[index];
  if (!line) throw new RangeError(`line ${index} out of range`);
  return line;
}
