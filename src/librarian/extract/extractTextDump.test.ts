import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractError, extractTextDump, type ExtractedArticle } from './extractTextDump';
import { thrownBy } from '../testing/thrownBy';

const SEEDS_DIR = path.resolve(process.cwd(), '../shared/seeds');
const SEEDS_PRESENT = existsSync(SEEDS_DIR);

const SEED = {
  photonews: '000_35cf49cea3c99045.txt',
  mirror: '001_ed09494754fb5c4b.txt',
  arabNews: '002_b474903eb213658c.txt',
  freeWest: '003_94ae060d2235aff0.txt',
  caliphate: '004_f0b7fe64f40682b4.txt',
} as const;

function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

function extractSeed(name: string): ExtractedArticle {
  return extractTextDump(readSeed(name), name);
}


function expectNoParagraphContains(article: ExtractedArticle, fragments: string[]): void {
  for (const fragment of fragments) {
    expect(article.paragraphs.filter((p) => p.includes(fragment)), fragment).toEqual([]);
  }
}

/** The first 4 KiB of a real binary (the running Node executable), decoded as UTF-8 like a dump would be. */
function realBinaryAsText(): string {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(process.execPath, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The lines of a dump, so variants can be built from real text. */
function linesOf(text: string): string[] {
  return text.split('\n');
}

function indexOfLine(lines: string[], predicate: (line: string) => boolean): number {
  const index = lines.findIndex(predicate);
  if (index < 0) throw new Error('seed does not contain the expected line');
  return index;
}

const ABU_KAMAL_TITLE = 'Abu Kamal: Grasping Defeat from the Jaws of Victory';
const ABU_KAMAL_FIRST =
  'It was at Abu Kamal that the end of the ISIS Caliphate was announced. When the Syrian army helped by the PMUs (popular mobilization units of Iraq) crossed the border from the Iraqi side after taking over the ISIL’s Iraqi stronghold of Abu Qasim, it seemed that it was game was all but over for the self-declared caliphate, especially when Lebanon’s redoubtable Hezbollah entered the fray.';
const ABU_KAMAL_LAST =
  'Right now it is just about anyone’s game how the whole thing turns out. Only time will tell which victor gets to share the spoils of war.';

describe.skipIf(!SEEDS_PRESENT)(`extractTextDump on the seed dumps (skipped when ${SEEDS_DIR} is absent)`, () => {
  it('000: PhotoNews page with menus, breadcrumb, byline, share buttons, comments form and sidebars', () => {
    const article = extractSeed(SEED.photonews);
    expect(article.title).toBe(ABU_KAMAL_TITLE);
    expect(article.date).toBe('2017-11-17');
    expect(article.outlet).toBe('PhotoNews Pakistan'); // breadcrumb root wins over "© 2022 Photonews."
    expect(article.author).toBe('Tahir Shabbir');
    expect(article.category).toBe('Blog');
    expect(article.summary).toBeNull();
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toBe(ABU_KAMAL_FIRST);
    expect(article.paragraphs.at(-1)).toBe(ABU_KAMAL_LAST);
    expectNoParagraphContains(article, [
      'Share',
      'SHARE',
      'Cover Photo',
      'Leave a',
      'Recent Posts',
      'Subscribe',
      'June 2',
      'Min Read',
      'Tahir Shabbir',
      'Photonews',
      '•',
    ]);
  });

  it('000: paragraphs have collapsed whitespace (no NBSP, no double spaces, trimmed)', () => {
    for (const paragraph of extractSeed(SEED.photonews).paragraphs) {
      expect(paragraph).not.toMatch(/\u00a0| {2}|^\s|\s$/);
    }
  });

  it('001: the same article on a bare page whose title line is printed twice', () => {
    const article = extractSeed(SEED.mirror);
    expect(article.title).toBe(ABU_KAMAL_TITLE);
    expect(article.date).toBeNull();
    expect(article.outlet).toBeNull();
    expect(article.author).toBe('Tahir Shabbir'); // from "Written By:" below the body
    expect(article.category).toBeNull();
    expect(article.summary).toBeNull();
    expect(article.paragraphs).toEqual(extractSeed(SEED.photonews).paragraphs);
    expectNoParagraphContains(article, ['Written By', 'Cover Photo', 'No comments', 'Be first', 'email address']);
  });

  it('002: Arab News page with a leading AFP caption and a "MORE FROM" footer', () => {
    const article = extractSeed(SEED.arabNews);
    expect(article.title).toBe('Daesh in desperate attempt to save Albu Kamal, last Syrian bastion');
    expect(article.date).toBeNull(); // "Last updated: 12 min 24 sec ago" is relative and above the title
    expect(article.outlet).toBeNull();
    expect(article.author).toBeNull();
    expect(article.category).toBe('Middle-East');
    expect(article.summary).toBeNull();
    expect(article.paragraphs).toHaveLength(14);
    expect(article.paragraphs[0]).toBe(
      'BEIRUT: Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday in a desperate bid to cling to the last urban bastion of their imploding “caliphate.”',
    );
    expect(article.paragraphs.at(-1)).toBe(
      'Observers have predicted the regime may seek to retake towns and cities wrested from Daesh by the SDF, such as Raqqa which the terrorists had used as their main Syrian hub.',
    );
    expectNoParagraphContains(article, ['(AFP)', 'Iraqi forces are seen', 'MORE FROM', 'Search form', 'Last updated', 'You are here']);
  });

  it('003: FreeWestMedia page with caption above the title, standfirst, timed date and a donation appeal', () => {
    const article = extractSeed(SEED.freeWest);
    expect(article.title).toBe('Syrian Army declares victory over ISIS');
    expect(article.date).toBe('2017-11-10T09:52:00');
    expect(article.outlet).toBeNull();
    expect(article.author).toBeNull();
    expect(article.category).toBeNull();
    expect(article.summary).toBe(
      "The Syrian Army declared victory over the Islamic State this week, with the capture of the jihadists' last stronghold of Albu Kamal.",
    );
    // The brief said 15; the page has 13 body paragraphs between the date line and
    // "Consider donating to support our work" (count the non-blank lines yourself).
    expect(article.paragraphs).toHaveLength(13);
    expect(article.paragraphs[0]).toBe(
      'Pockets of Islamic State fighters remain in desert areas near Albu Kamal, the last town the militant group had held in Syria, but the capture has ended the Islamic State’s dreams of a caliphate that it proclaimed in 2014 across Iraq and Syria.',
    );
    expect(article.paragraphs.at(-1)).toBe(
      'Hunderds of thousands of people have been killed in Syria since the conflict began in March 2011, a multi-front war against the Syrian government that involved international forces and jihadists.',
    );
    expectNoParagraphContains(article, [
      'YouTube',
      'declared victory over the Islamic State this week',
      'Published',
      'Consider donating',
      'Help us to produce',
      'Keep your language polite',
      'reserve the right',
      'In Short',
      'No more articles',
    ]);
  });

  it('004: page with a question title, a dateline, an in-body caption and threaded reader comments', () => {
    const article = extractSeed(SEED.caliphate);
    expect(article.title).toBe('The End of the Caliphate?');
    expect(article.date).toBe('2017-11-25');
    expect(article.outlet).toBeNull();
    expect(article.author).toBeNull();
    expect(article.category).toBeNull();
    expect(article.summary).toBeNull();
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs[0]).toBe(
      'Republic of Iraq, Syrian Arab Republic (November 25, 2017) – After multiple years of ongoing battles in Iraq and Syria, the so-called Islamic State of Iraq and Syria is now in danger of being militarily extinguished from its base of operations.',
    );
    expect(article.paragraphs.at(-1)).toBe(
      'Even after the fall of Islamic State de facto capital of Raqqa and ongoing military defeat, bloodshed may continue in the two countries through sleeper cells and hidden training camps in the near future.',
    );
    expectNoParagraphContains(article, [
      'Iraqi residents fleeing',
      'Al-Nuri Mosque (Destroyed)',
      'Ricardo',
      'You forgot to mention',
      'IS are dogs',
      'klloopk',
      'Edgar',
      'wow you sir',
      'Leave A Reply',
      'email address',
    ]);
  });
});

describe('extractTextDump on bad input', () => {
  it('rejects an empty file', () => {
    const error = thrownBy(() => extractTextDump('', 'empty.txt'));
    expect(error).toBeInstanceOf(ExtractError);
    expect(error).toMatchObject({ name: 'ExtractError', file: 'empty.txt', message: 'empty.txt: empty file' });
  });

  it('rejects a whitespace-only file (blank lines, tabs, NBSP, CRLF)', () => {
    expect(() => extractTextDump(' \n\t\r\n\u00a0\n\n', 'blank.txt')).toThrow(new ExtractError('blank.txt', 'empty file'));
  });

  it('rejects binary content: the start of the Node executable read as UTF-8 (contains NUL bytes)', () => {
    expect(() => extractTextDump(realBinaryAsText(), 'node.bin')).toThrow('node.bin: not a text file (binary content)');
  });

  it('rejects mostly non-printable content even without NUL bytes', () => {
    const withoutNul = realBinaryAsText().replaceAll('\u0000', '');
    expect(() => extractTextDump(withoutNul, 'node.bin')).toThrow('node.bin: not a text file (binary content)');
  });

  it('rejects a NUL byte inside otherwise normal text', () => {
    expect(() => extractTextDump('Title\n\nSome text\u0000 here.', 'nul.txt')).toThrow(
      new ExtractError('nul.txt', 'not a text file (binary content)'),
    );
  });

  it.skipIf(!SEEDS_PRESENT)('rejects a page that is only the menu of seed 000 (the bulleted nav lines)', () => {
    const nav = linesOf(readSeed(SEED.photonews))
      .filter((line) => line.trim().startsWith('•'))
      .join('\n');
    expect(() => extractTextDump(nav, '003.txt')).toThrow(
      new ExtractError('003.txt', 'no article text found (the page has no run of prose paragraphs)'),
    );
  });

  it.skipIf(!SEEDS_PRESENT)('rejects the whole navigation block of seed 000 (menus, mega-menu teasers, sticky header)', () => {
    const lines = linesOf(readSeed(SEED.photonews));
    const breadcrumb = indexOfLine(lines, (line) => line.includes(' > '));
    const navBlock = lines.slice(0, breadcrumb).join('\n');
    expect(() => extractTextDump(navBlock, 'nav.txt')).toThrow(
      'nav.txt: no article text found (the page has no run of prose paragraphs)',
    );
  });

  it.skipIf(!SEEDS_PRESENT)('rejects the comment thread of seed 004 on its own (no run of prose)', () => {
    const lines = linesOf(readSeed(SEED.caliphate));
    const comments = lines.slice(indexOfLine(lines, (line) => /^\s*1\. .* says$/.test(line))).join('\n');
    expect(() => extractTextDump(comments, 'comments.txt')).toThrow('comments.txt: no article text found');
  });
});

describe.skipIf(!SEEDS_PRESENT)('extractTextDump robustness (skipped without the seeds)', () => {
  const seeds = Object.values(SEED);

  it('is deterministic', () => {
    for (const seed of seeds) expect(extractSeed(seed)).toEqual(extractSeed(seed));
  });

  it('gives the same result for CRLF and lone-CR line endings', () => {
    for (const seed of seeds) {
      const lf = extractSeed(seed);
      expect(extractTextDump(readSeed(seed).replaceAll('\n', '\r\n'), seed), seed).toEqual(lf);
      expect(extractTextDump(readSeed(seed).replaceAll('\n', '\r'), seed), seed).toEqual(lf);
    }
  });

  it('ignores indentation, trailing spaces and extra blank lines (property)', () => {
    const noise = fc.array(fc.record({ indent: fc.constantFrom('', '  ', '\t', '\u00a0 '), trail: fc.constantFrom('', ' ', '\t'), blank: fc.boolean() }), {
      minLength: 1,
      maxLength: 64,
    });
    for (const seed of seeds) {
      const expected = extractSeed(seed);
      const lines = linesOf(readSeed(seed));
      fc.assert(
        fc.property(noise, (changes) => {
          const noisy = lines.flatMap((line, i) => {
            const change = changes[i % changes.length];
            if (!change) return [line];
            const padded = change.indent + line + change.trail;
            return change.blank ? [padded, ''] : [padded];
          });
          expect(extractTextDump(noisy.join('\n'), seed)).toEqual(expected);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('reports the file name it was given', () => {
    const error = thrownBy(() => extractTextDump('• Home\n• World\n• Contact', 'some/dir/page.txt'));
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).message).toMatch(/^some\/dir\/page\.txt: no article text found/);
  });
});

describe.skipIf(!SEEDS_PRESENT)('extractTextDump generality: variants of the real seeds (skipped without the seeds)', () => {
  const photonews = () => linesOf(readSeed(SEED.photonews));
  const abuKamal = extractSeed(SEED.photonews);

  it('000 without the site chrome above the breadcrumb gives the same article', () => {
    const lines = photonews();
    const breadcrumb = indexOfLine(lines, (line) => line.includes(' > '));
    expect(extractTextDump(lines.slice(breadcrumb).join('\n'), 'x.txt')).toEqual(abuKamal);
  });

  it('000 without breadcrumb and "Reading:" bar: category from the label above the title, outlet from the copyright line', () => {
    const lines = photonews().filter((line) => !line.includes(' > ') && !line.startsWith('Reading:'));
    expect(extractTextDump(lines.join('\n'), 'x.txt')).toEqual({ ...abuKamal, outlet: 'Photonews' });
  });

  it('000 without its title line: the title comes from the breadcrumb and "Reading:" bar that repeat it', () => {
    const lines = photonews().filter((line) => line.trim() !== ABU_KAMAL_TITLE);
    expect(extractTextDump(lines.join('\n'), 'x.txt')).toEqual(abuKamal);
  });

  it('000 with the lines between title and body in reverse order gives the same article', () => {
    const lines = photonews();
    const title = indexOfLine(lines, (line) => line.trim() === ABU_KAMAL_TITLE);
    const body = indexOfLine(lines, (line) => line.startsWith('It was at Abu Kamal'));
    const shuffled = [...lines.slice(0, title + 1), ...lines.slice(title + 1, body).reverse(), ...lines.slice(body)];
    expect(extractTextDump(shuffled.join('\n'), 'x.txt')).toEqual(abuKamal);
  });

  it('000 with the body hard-wrapped at 72 columns (as lynx/w3m dump it) gives the same paragraphs', () => {
    const wrapped = photonews().flatMap((line) => (abuKamal.paragraphs.includes(line.replace(/\s+/g, ' ').trim()) ? wrap(line, 72) : [line]));
    expect(wrapped.length).toBeGreaterThan(photonews().length + 10);
    expect(extractTextDump(wrapped.join('\n'), 'x.txt')).toEqual(abuKamal);
  });

  it('000 without the byline line: no author, no date (nothing else on the page states them)', () => {
    const lines = photonews().filter((line) => !line.startsWith('By '));
    expect(extractTextDump(lines.join('\n'), 'x.txt')).toEqual({ ...abuKamal, author: null, date: null });
  });

  it.each([
    ['By Tahir Shabbir | Published: November 17, 2017, 3:05 pm', 'Tahir Shabbir', '2017-11-17T15:05:00'],
    ['By Tahir Shabbir – 17 November 2017', 'Tahir Shabbir', '2017-11-17'],
    ['By Tahir Shabbir and Jane Doe Updated Nov 18, 2017 Published Nov 17, 2017', 'Tahir Shabbir and Jane Doe', '2017-11-17'],
    ['Posted by Tahir Shabbir', 'Tahir Shabbir', null],
    ['Author: Tahir Shabbir', 'Tahir Shabbir', null],
    ['By the time the page loaded', null, null],
    ['By Friday, November 17, 2017', null, '2017-11-17'],
  ])('000 with the byline rewritten as %j → author %j, date %j', (byline, author, date) => {
    const lines = photonews().map((line) => (line.startsWith('By ') ? byline : line));
    expect(extractTextDump(lines.join('\n'), 'x.txt')).toEqual({ ...abuKamal, author, date });
  });

  it('000 with a separate "Updated" line before the published byline prefers the publication date', () => {
    const lines = photonews().flatMap((line) => (line.startsWith('By ') ? ['Updated: December 1, 2017', line] : [line]));
    expect(extractTextDump(lines.join('\n'), 'x.txt')).toEqual(abuKamal);
  });

  it('001 followed by the footer of 000: the footer’s copyright names the outlet, nothing else changes', () => {
    const footerLines = photonews();
    const footer = footerLines.slice(indexOfLine(footerLines, (line) => line.startsWith('Share This Article')));
    const text = [readSeed(SEED.mirror), ...footer].join('\n');
    expect(extractTextDump(text, 'x.txt')).toEqual({ ...extractSeed(SEED.mirror), outlet: 'Phototnews' });
  });

  it('002 with blank lines between its paragraphs gives the same article', () => {
    const text = readSeed(SEED.arabNews).replaceAll('\n', '\n\n');
    expect(extractTextDump(text, 'x.txt')).toEqual(extractSeed(SEED.arabNews));
  });

  it('003 without its standfirst: no summary, nothing else changes', () => {
    const expected = extractSeed(SEED.freeWest);
    const text = linesOf(readSeed(SEED.freeWest))
      .filter((line) => line !== expected.summary)
      .join('\n');
    expect(extractTextDump(text, 'x.txt')).toEqual({ ...expected, summary: null });
  });

  it('004 behind the page header of 002 and without its comments gives the same article', () => {
    const header = linesOf(readSeed(SEED.arabNews)).slice(0, 6);
    const lines = linesOf(readSeed(SEED.caliphate));
    const comments = indexOfLine(lines, (line) => / says$/.test(line));
    const text = [...header, ...lines.slice(0, comments)].join('\n');
    expect(extractTextDump(text, 'x.txt')).toEqual(extractSeed(SEED.caliphate));
  });

  it('a page where a second article follows the first one’s comments (infinite scroll) yields the first article', () => {
    const caliphateFirst = [readSeed(SEED.caliphate), readSeed(SEED.freeWest)].join('\n\n');
    expect(extractTextDump(caliphateFirst, 'x.txt')).toEqual(extractSeed(SEED.caliphate));
    const freeWestFirst = [readSeed(SEED.freeWest), readSeed(SEED.caliphate)].join('\n\n');
    expect(extractTextDump(freeWestFirst, 'x.txt')).toEqual(extractSeed(SEED.freeWest));
  });

  it('000 with the whole page hard-wrapped at 60 columns still finds title, byline and body', () => {
    const wrapped = photonews().flatMap((line) => (line.trim() === '' ? [line] : wrap(line, 60)));
    expect(extractTextDump(wrapped.join('\n'), 'x.txt')).toMatchObject({
      title: ABU_KAMAL_TITLE,
      date: '2017-11-17',
      author: 'Tahir Shabbir',
      paragraphs: abuKamal.paragraphs,
    });
  });
});

/** Greedy word wrap, as text-mode browsers do it. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.trim().split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) out.push(current);
  return out;
}

/** A fixture made for one failure class of real dumps (src/librarian/extract/testing). */
function extractFixture(name: string): ExtractedArticle {
  const file = path.resolve(process.cwd(), 'src/librarian/extract/testing', name);
  return extractTextDump(readFileSync(file, 'utf8'), name);
}

describe('extractTextDump on the failure classes of real dumps', () => {
  it('keeps a short article when a longer reader comment follows the comments heading', () => {
    const article = extractFixture('comment-longer-than-article.txt');
    expect(article.title).toBe('Library opening hours extended for exam season');
    expect(article.author).toBe('Maria Lopez');
    expect(article.date).toBe('2021-03-03');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[0]).toMatch(/^The central library on Bridge Street/);
    expectNoParagraphContains(article, ['thirty years', 'Derek', 'Reply']);
  });

  it('keeps an article of short lines and lists rather than the legal notice in the footer', () => {
    const article = extractFixture('list-article-vs-legal-footer.txt');
    expect(article.title).toBe('Simple sourdough starter in seven days');
    expect(article.date).toBe('2022-04-12');
    expect(article.paragraphs).toContain('Mix the flour and water and cover the jar loosely');
    expect(article.paragraphs.at(-1)).toBe('Then it is ready to bake with.');
    expectNoParagraphContains(article, ['protected by copyright', 'Legal notice', 'Kitchen Notes']);
  });

  it('keeps numbered subheadings and the paragraphs below them in the body', () => {
    const article = extractFixture('numbered-subheadings.txt');
    expect(article.title).toBe('How to set a savings goal you will actually reach');
    expect(article.author).toBe('Hannah Price');
    expect(article.date).toBe('2023-06-08');
    expect(article.paragraphs).toContain('3. Establish your target number');
    expect(article.paragraphs[0]).toMatch(/^Most people who try to save money/);
    expect(article.paragraphs.at(-1)).toMatch(/^Review the plan every three months/);
    expect(article.paragraphs).toHaveLength(11);
    expectNoParagraphContains(article, ['Related articles', 'energy bill']);
  });

  it('reads across related-story teasers inside the article and leaves the teasers out', () => {
    const article = extractFixture('teasers-inside-article.txt');
    expect(article.title).toBe('Harbour bridge to close for six weeks of repairs');
    expect(article.date).toBe('2022-02-02');
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^The harbour bridge will close/);
    expect(article.paragraphs.at(-1)).toMatch(/^The authority said it would publish/);
    expectNoParagraphContains(article, ['cycle lanes', 'Ferry fares', 'Noise complaints', 'Leave a Reply']);
  });

  it('keeps every question and answer of a long interview', () => {
    const article = extractFixture('long-interview.txt');
    expect(article.title).toBe('“I only stop when I no longer enjoy it”');
    expect(article.date).toBe('2021-11-09');
    expect(article.paragraphs).toHaveLength(1 + 2 * 23);
    expect(article.paragraphs[1]).toBe('When did you start writing?');
    expect(article.paragraphs.at(-1)).toMatch(/^Probably a teacher/);
    expectNoParagraphContains(article, ['Most read', 'Share this article']);
  });

  it('passes over photo credits, bylines, date lines, ratings, newsletter prompts, back links and commenter headers for the title', () => {
    const article = extractFixture('title-among-credits.txt');
    expect(article.title).toBe('Old town markets reopen after the winter floods');
    expect(article.author).toBe('Claire Dubois');
    expect(article.date).toBe('2021-03-28'); // the "Updated" date above it is not the publication date
    expect(article.paragraphs).toHaveLength(3);
    expectNoParagraphContains(article, ['Marco Rossi', 'missed the market']);
  });

  it('reads Japanese text without spaces as prose and its date in year-month-day characters', () => {
    const article = extractFixture('japanese.txt');
    expect(article.title).toBe('市立図書館、試験期間中の開館時間を延長');
    expect(article.date).toBe('2021-03-03');
    expect(article.paragraphs).toHaveLength(3);
    expectNoParagraphContains(article, ['関連記事', 'ニュース']);
  });

  it('takes the opening sentence as the title of a body with no heading above it, instead of refusing the page', () => {
    const article = extractFixture('body-without-heading.txt');
    expect(article.title).toBe('The parish council meets on the first Tuesday of every month in …');
    expect(article.paragraphs).toHaveLength(3);
    expectNoParagraphContains(article, ['Privacy policy', 'Notices']);
  });

  it('reads a German byline with a spelled-out date and the author after it', () => {
    const article = extractFixture('german-dated.txt');
    expect(article.title).toBe('Stadtbibliothek verlängert Öffnungszeiten');
    expect(article.date).toBe('2022-02-03');
    expect(article.author).toBe('Anna Keller');
    expect(article.paragraphs).toHaveLength(3);
  });

  it('takes the headline, not the longer standfirst right below it, as the title', () => {
    const article = extractFixture('headline-above-standfirst.txt');
    expect(article.title).toBe('Ferry service returns to the island');
    expect(article.paragraphs).toHaveLength(3);
  });

  it('ends the article at a counted comments heading that names the article ("3 Kommentare zu …")', () => {
    const article = extractFixture('counted-comments-heading.txt');
    expect(article.title).toBe('Neuer Radweg am Kanal eröffnet');
    expect(article.date).toBe('2021-05-04');
    expect(article.paragraphs).toHaveLength(2);
    expectNoParagraphContains(article, ['Endlich!', 'Ampel']);
  });

  it('dates the article by a date the first paragraph opens with, behind a short byline', () => {
    const article = extractFixture('date-opening-first-paragraph.txt');
    expect(article.title).toBe('Gemeinderat beschließt neues Hallenbad');
    expect(article.date).toBe('2022-03-14');
  });

  it('takes a date line that sits over share buttons, a section name and a caption above the title before a dated teaser below the body', () => {
    const article = extractFixture('date-line-high-above-title.txt');
    expect(article.title).toBe('Stadtbibliothek zieht ins alte Postamt');
    expect(article.date).toBe('2022-03-09');
  });

  it('refuses a page with no article, naming the file and why', () => {
    expect(() => extractTextDump('Home\nNews\nSport\nContact\n© 2024 Riverside Gazette', 'menu-only.txt')).toThrow(
      new ExtractError('menu-only.txt', 'no article text found (the page has no run of prose paragraphs)'),
    );
  });

  it('returns quickly on a very long line without spaces or punctuation', () => {
    const started = performance.now();
    const long = `${'a1.'.repeat(50_000)}\n${'Paragraph text, '.repeat(5_000)}.`;
    expect(() => extractTextDump(long, 'long.txt')).not.toThrow(RangeError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('extractTextDump bylines in other shapes and languages', () => {
  const page = (byline: string) =>
    [
      'Home',
      'News',
      'Harbour bridge to close for six weeks of repairs',
      byline,
      'The harbour bridge will close to all traffic from 1 March for six weeks while engineers replace worn expansion joints, the transport authority announced on Wednesday.',
      'Buses will be diverted through the tunnel, and an extra ferry will run every twenty minutes during the morning and evening rush hours.',
    ].join('\n');

  it.each([
    ['Sam Okafor | 02.02.2022', 'Sam Okafor', '2022-02-02'],
    ['Sam Okafor – 2 February 2022 – Transport, City', 'Sam Okafor', '2022-02-02'],
    ['Posted on 2 February 2022 by Sam Okafor', 'Sam Okafor', '2022-02-02'],
    ['Par Sam Okafor', 'Sam Okafor', null],
    ['Autor: Sam Okafor', 'Sam Okafor', null],
    ['Friday, 2 February 2022', null, '2022-02-02'],
    ['Montag, 02.02.2022', null, '2022-02-02'],
    ['mercredi, 02.02.2022', null, '2022-02-02'],
  ])('reads %j as author %j and date %j', (byline, author, date) => {
    expect(extractTextDump(page(byline), 'bridge.txt')).toMatchObject({ title: 'Harbour bridge to close for six weeks of repairs', author, date });
  });
});

describe('extractTextDump slash dates', () => {
  const page = (byline: string, footer: string) =>
    [
      'Olive oil cake with lemon syrup',
      byline,
      'This cake keeps for days and gets better after the first night, when the syrup has soaked all the way through the crumb.',
      'Use a mild olive oil so that the lemon comes through, and bake it in a loose-bottomed tin so that it is easy to turn out.',
      'Related recipes',
      footer,
    ].join('\n');

  it('reads an English slash date day-first when another date on the page can only be day-first', () => {
    expect(extractTextDump(page('By Ann Lee | 12/04/2020', 'Lemon drizzle loaf 23/03/2020'), 'cake.txt').date).toBe('2020-04-12');
  });

  it('reads an English slash date month-first when nothing on the page says otherwise', () => {
    expect(extractTextDump(page('By Ann Lee | 12/04/2020', 'Lemon drizzle loaf'), 'cake.txt').date).toBe('2020-12-04');
  });
});
