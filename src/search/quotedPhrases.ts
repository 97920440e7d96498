/**
 * Phrase search: the words of a query between quotes must stand together, in that order, in an
 * article's title or text. MiniSearch keeps no positions, so the search finds the articles that
 * have every word (the index's candidates) and this module checks the phrase in their text.
 *
 * A phrase is compared term by term, each word folded and cut as the index does it
 * (`findWords`/`wordForms`: case, accents, apostrophes and the dots of an abbreviation), and
 * the spaces and hyphens between the words do not count: `"wi fi"`, `"wi-fi"` and `"wifi"` all
 * find "Wi-Fi", and `"al abadi"` finds "al-Abadi". In a script written without spaces (Japanese,
 * Chinese) a phrase may start and end anywhere inside a word, since the segmentation of the query
 * and of the text may differ.
 */
import { findWords, foldTerm, isUnspaced, wordForms } from '../core/searchTerms';

/** Quotation marks that open or close a phrase: straight, and the curly ones phones type. */
const QUOTE = /["“”„«»]/;

/** A phrase of a query: its text between the quotes, and whether the closing quote was typed. */
export interface QuotedPhrase {
  text: string;
  closed: boolean;
}

/** A query cut into the words outside quotes and the phrases inside them. */
export interface SplitQuery {
  /** The words outside quotes, the phrases' places taken by spaces. */
  loose: string;
  /** Phrases with at least one word, in the order typed. */
  phrases: QuotedPhrase[];
}

/**
 * Cuts a query at its quotation marks: every other stretch is a phrase. A quote left open reads
 * as a phrase to the end of the query (the reader is typing it: `"climate cha`); a phrase with
 * no word (`""`, a lone `"` at the end) is dropped.
 */
export function splitQuotes(q: string): SplitQuery {
  const pieces = q.split(QUOTE);
  let loose = '';
  const phrases: QuotedPhrase[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (i % 2 === 0) {
      loose += ` ${piece}`;
      continue;
    }
    loose += ' ';
    if (findWords(piece).length > 0) phrases.push({ text: piece.trim().replace(/\s+/g, ' '), closed: i < pieces.length - 1 });
  }
  return { loose: loose.trim().replace(/\s+/g, ' '), phrases };
}

/** A term of a text and the stretch of the text it comes from. */
interface TermAt {
  term: string;
  start: number;
  end: number;
}

const HYPHEN_PARTS = /[^-‐‑]+/g;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/** The terms of a text in order, each word as its first form (a hyphenated word as its parts). */
function termsOf(text: string): TermAt[] {
  const out: TermAt[] = [];
  for (const word of findWords(text)) {
    if (PLAIN_WORD.test(word.text)) {
      out.push({ term: word.text.toLowerCase(), start: word.start, end: word.end });
      continue;
    }
    const terms = wordForms(word.text)[0] ?? [];
    const parts = terms.length > 1 ? [...word.text.matchAll(HYPHEN_PARTS)] : [];
    for (const [i, term] of terms.entries()) {
      const part = parts.length === terms.length ? parts[i] : undefined;
      out.push(part ? { term, start: word.start + part.index, end: word.start + part.index + part[0].length } : { term, start: word.start, end: word.end });
    }
  }
  return out;
}

/** The folded terms of a phrase; run together, they are what {@link findPhrase} looks for. */
export function phraseTerms(phrase: string): string[] {
  return termsOf(phrase).map((t) => t.term);
}

/** Where a phrase stands in a text. */
export interface PhraseSpan {
  start: number;
  end: number;
}

/** What may stand between two letters of a phrase in the folded text: anything but a letter or digit. */
const GAP = '[^\\p{L}\\p{N}]*';

/**
 * A pattern that the folded text (`foldTerm`) matches wherever the phrase may stand: its letters
 * with anything but letters and digits between them (spaces, hyphens, the dots of "U.S.", the
 * apostrophe of "O'Brien") and, between two terms, a possessive "'s" ("Iran's nuclear"). Cheap to
 * run on a whole text; each place it finds is then checked term by term.
 */
function phrasePattern(terms: readonly string[]): RegExp {
  const term = (t: string) => [...t].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP);
  return new RegExp(terms.map(term).join(`(?:['’]s)?${GAP}`), 'gu');
}

/** Letters around a place the pattern found, read with it so that its first and last words are whole. */
const MARGIN = 64;

/**
 * Every place where the phrase (its {@link phraseTerms}, run together as `key`) stands in `text`:
 * from the start of a term to the end of one, across any spaces, hyphens and punctuation between
 * terms. With `prefix`, the phrase may end inside a term (its last word is still being typed).
 */
export function findPhrase(text: string, terms: readonly string[], prefix = false): PhraseSpan[] {
  const key = terms.join('');
  if (key === '') return [];
  const folded = foldTerm(text);
  const places = [...folded.matchAll(phrasePattern(terms))];
  if (places.length === 0) return [];
  // Folding kept the offsets (nearly always): read only around each place, else the whole text.
  const windows: [number, number][] = [];
  if (folded.length !== text.length) windows.push([0, text.length]);
  else {
    for (const p of places) {
      const from = Math.max(0, p.index - MARGIN);
      const to = Math.min(text.length, p.index + p[0].length + MARGIN);
      const last = windows.at(-1);
      if (last && from <= last[1]) last[1] = to;
      else windows.push([from, to]);
    }
  }
  const spans: PhraseSpan[] = [];
  for (const [from, to] of windows) {
    for (const span of phraseSpans(text.slice(from, to), key, prefix)) {
      // A word at a window's cut may be cut in two: what touches a cut is not taken (every place
      // found lies a margin away from the cuts of its window).
      if ((span.start > 0 || from === 0) && (span.end < to - from || to === text.length)) spans.push({ start: from + span.start, end: from + span.end });
    }
  }
  return spans;
}

/** {@link findPhrase} on one stretch of text, read term by term. */
function phraseSpans(text: string, key: string, prefix: boolean): PhraseSpan[] {
  const terms = termsOf(text);
  let letters = '';
  /** By position in `letters`: the text offset a phrase starting there starts at, if it may start there. */
  const startAt = new Map<number, number>();
  /** By position in `letters`: the text offset a phrase ending there ends at, if it may end there. */
  const endAt = new Map<number, number>();
  for (const t of terms) {
    const at = letters.length;
    letters += t.term;
    startAt.set(at, t.start);
    endAt.set(letters.length, t.end);
    // Inside a word of a script without spaces, or inside the last word typed, a phrase may end
    // (and, unspaced, start) at any letter; offsets are exact only when folding kept the length.
    const exact = t.term.length === t.end - t.start;
    const inside = isUnspaced(t.term);
    for (let i = 1; i < t.term.length; i++) {
      if (inside) startAt.set(at + i, exact ? t.start + i : t.start);
      if (inside || prefix) endAt.set(at + i, exact ? t.start + i : t.end);
    }
  }
  const spans: PhraseSpan[] = [];
  for (let at = letters.indexOf(key); at >= 0; at = letters.indexOf(key, at + 1)) {
    const start = startAt.get(at);
    const end = endAt.get(at + key.length);
    if (start !== undefined && end !== undefined) spans.push({ start, end });
  }
  return spans;
}
