/**
 * How text becomes search terms, for the index (through `searchIndexOptions`) and for queries and
 * highlighting (through the search worker) alike, so that the three always agree:
 *
 * 1. {@link findWords} finds the words of a text with their offsets. A word is a run of letters,
 *    marks and digits, kept whole across inner hyphens and apostrophes ("al-Abadi", "Iran's") and
 *    across the dots of an abbreviation ("U.S."). Runs of scripts written without spaces (Chinese,
 *    Japanese, Thai…) are cut into words by `Intl.Segmenter`; a Latin word written against them
 *    stays whole ("Wi-Fi対応" → "Wi-Fi" + "対応"), and a katakana run stays one word.
 * 2. {@link wordForms} gives the terms a word is indexed and searched by: folded (case,
 *    diacritics, Arabic letter variants), and spelt each way a reader may type it.
 *
 * Words inside words: a kanji compound is found by the words the segmenter's dictionary cuts it
 * into ("外国人" → 外国 + 人, so "外国" finds it), and every word of these scripts is completed as a
 * prefix (see `termQuery`). A katakana compound is kept whole and also indexed by its words
 * ({@link katakanaPieces}: "デジタルカメラ" → デジタル + カメラ, so "カメラ" finds it).
 */

/** Folding that NFKD decomposition does not do: letters with no decomposition, Arabic variants. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Arabic: alef wasla → alef, teh marbuta → heh, alef maksura → yeh, Persian yeh and keheh;
  // the tatweel (ـ, a stretching stroke) is dropped. أ إ آ lose their hamza or madda below.
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ـ: '',
};
const LETTER_FOLD = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/**
 * Combining marks that are diacritics, dropped after NFKD decomposition: Latin, Greek and Cyrillic
 * accents, Hebrew points, and the Arabic harakat with hamza and madda (so أ إ آ become ا).
 * Marks that are part of a letter are kept: Japanese voicing marks (が stays が, not か), and the
 * vowel signs of Indic scripts.
 */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;

/** Arabic-Indic and Persian digits, folded to 0–9. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Case, diacritics and letter variants folded, so that "Núñez" matches "nunez", "ＡＢＣ" "abc" and
 * "أبو كمال" "ابو كمال". Never changes the number of words.
 */
export function foldTerm(term: string): string {
  // ASCII, nearly every word of the archive, needs only lowercasing.
  if (/^[\x00-\x7f]*$/.test(term)) return term.toLowerCase();
  return term
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(LETTER_FOLD, (c) => LETTER_FOLDS[c] ?? c)
    .replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
    .normalize('NFC');
}

/** A word of a text, and where it is. */
export interface FoundWord {
  text: string;
  start: number;
  end: number;
}

const WORD = /\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/gu;

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const KATAKANA_WORD = /^[\p{scx=Katakana}ー]+$/u;

/**
 * One segmenter for every text, with a fixed locale so that the builder (Node) and the reader
 * (the browser) cut alike; word segmentation of CJK text does not depend on the locale in ICU.
 * Absent before Firefox 125: such runs are then kept whole.
 */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : undefined;

function segment(run: string, offset: number, out: FoundWord[]): void {
  if (!segmenter) {
    out.push({ text: run, start: offset, end: offset + run.length });
    return;
  }
  let previous: FoundWord | undefined;
  for (const s of segmenter.segment(run)) {
    if (!s.isWordLike) {
      previous = undefined;
      continue;
    }
    const word = { text: s.segment, start: offset + s.index, end: offset + s.index + s.segment.length };
    // ICU's dictionary sometimes cuts a katakana name ("ラッカ" into "ラ" + "ッカ"); a katakana run
    // is one loanword or name, so adjacent katakana pieces are joined back.
    if (previous && previous.end === word.start && KATAKANA_WORD.test(previous.text) && KATAKANA_WORD.test(word.text)) {
      previous.text += word.text;
      previous.end = word.end;
      continue;
    }
    out.push(word);
    previous = word;
  }
}

/** Runs of a script written without spaces, and runs of anything else, in a word that mixes them. */
const SCRIPT_RUN = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]+|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]+/gu;

/**
 * A word that mixes a script written without spaces with another ("Wi-Fi対応", "iPhone版"): the
 * unspaced runs are cut by the segmenter, and each other run is read as words of its own, so that
 * "Wi-Fi" stays one hyphenated word (found by "wifi" and "wi-fi") rather than the segmenter's
 * "Wi" and "Fi".
 */
function splitMixed(word: string, offset: number, out: FoundWord[]): void {
  for (const run of word.matchAll(SCRIPT_RUN)) {
    const at = offset + run.index;
    if (UNSPACED.test(run[0])) {
      segment(run[0], at, out);
      continue;
    }
    for (const w of run[0].matchAll(WORD)) out.push({ text: w[0], start: at + w.index, end: at + w.index + w[0].length });
  }
}

/** The words of a text, in order, with their offsets (see the module comment). */
export function findWords(text: string): FoundWord[] {
  const out: FoundWord[] = [];
  const mixed = UNSPACED.test(text);
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (mixed && UNSPACED.test(match[0])) splitMixed(match[0], start, out);
    else out.push({ text: match[0], start, end: start + match[0].length });
  }
  return out;
}

/** Small kana and the long-vowel mark: no word of Japanese starts with one. */
const KANA_NO_START = /^[ァィゥェォッャュョヮヵヶーぁぃぅぇぉっゃゅょゎ]/u;

/**
 * The words a katakana compound is made of, as the segmenter's dictionary cuts it:
 * "デジタルカメラ" → `デジタル カメラ`, "フジテレビ" → `フジ テレビ`; `[word]` for a word it does not
 * cut, or for a compound the segmenter does not have. Pieces that are no word are put back with
 * their neighbour: a single letter, one starting with a small kana or "ー", one ending with "ッ"
 * (ICU cuts "ラッカ" into "ラ" + "ッカ" and "ソーシャル" into "ソー" + "シ" + "ャ" + "ル").
 */
export function katakanaPieces(word: string): string[] {
  if (!segmenter || !KATAKANA_WORD.test(word)) return [word];
  const pieces: string[] = [];
  let joinNext = false;
  for (const { segment: piece } of segmenter.segment(word)) {
    const last = pieces.length - 1;
    if (last >= 0 && (joinNext || [...piece].length < 2 || KANA_NO_START.test(piece))) pieces[last] += piece;
    else pieces.push(piece);
    const current = pieces.at(-1)!;
    // A lone first letter waits for the next piece; so does a piece ending with a small tsu.
    joinNext = [...current].length < 2 || current.endsWith('ッ') || current.endsWith('っ');
  }
  // A last piece too short to be a word goes with the one before.
  if (pieces.length > 1 && ([...pieces.at(-1)!].length < 2 || KANA_NO_START.test(pieces.at(-1)!))) pieces.splice(-2, 2, pieces.at(-2)! + pieces.at(-1)!);
  return pieces;
}

/** The words of a text, for MiniSearch's `tokenize`. */
export function tokenize(text: string): string[] {
  // Without a script written without spaces (all of this archive), the words are the matches.
  if (!UNSPACED.test(text)) return text.match(WORD) ?? [];
  return findWords(text).map((w) => w.text);
}

/** True for a word of a script written without spaces (its segmentation may vary). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

const PLAIN_WORD = /^[A-Za-z0-9]+$/;
const HYPHENS = /[-‐‑]/;
const APOSTROPHES = /['’]/g;
/**
 * The Arabic definite article, alone or after the conjunctions و and ف and the prepositions ب and
 * ك ("and the", "with the"…), or ل + ال written لل ("for the"). What is left must be a word of at
 * least three letters, so that short words that merely begin with these letters (إلى) keep theirs.
 */
const ARABIC_ARTICLE = /^(?:[وفبك]?ال|لل)(\p{L}{3,})$/u;

/**
 * The ways a word is indexed and searched: a list of alternatives, each the terms that together
 * spell the word. The first alternative is the word's own terms.
 *
 * - Folded with {@link foldTerm}; a possessive "'s" is dropped ("Iran's" → `iran`) and other
 *   apostrophes removed ("O'Brien" → `obrien`), dots of an abbreviation too ("U.S." → `us`).
 * - A hyphenated word is both its parts and their join: "al-Abadi" → `[[al, abadi], [alabadi]]`,
 *   so that it is found by "al-Abadi", "al Abadi", "Abadi" and "alabadi".
 * - An Arabic word with the definite article is also the word without it: "البوكمال" →
 *   `[[البوكمال], [بوكمال]]`.
 */
export function wordForms(word: string): string[][] {
  // Nearly every word of the archive: plain ASCII letters and digits, its one term its lowercase.
  if (PLAIN_WORD.test(word)) return [[word.toLowerCase()]];
  const folded = foldTerm(word).replace(/['’]s$/, '').replace(APOSTROPHES, '').replace(/\./g, '');
  const parts = folded.split(HYPHENS).filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  if (parts.length > 1) return [parts, [parts.join('')]];
  if (KATAKANA_WORD.test(folded)) {
    const pieces = katakanaPieces(folded);
    return pieces.length > 1 ? [[folded], pieces] : [[folded]];
  }
  const bare = ARABIC_ARTICLE.exec(folded)?.[1];
  return bare ? [[folded], [bare]] : [[folded]];
}

/** Every term a word is indexed by, for MiniSearch's `processTerm`; null when it has none. */
export function processTerm(word: string): string | string[] | null {
  if (PLAIN_WORD.test(word)) return word.toLowerCase();
  const terms = [...new Set(wordForms(word).flat())];
  return terms.length > 0 ? terms : null;
}
