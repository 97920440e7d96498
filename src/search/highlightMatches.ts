/**
 * Why an article matched, shown in its words: the title with its matched words marked, and a
 * passage of the body around the best cluster of them. A word matches when one of the terms it is
 * indexed by (`wordForms`, the same rules as the index) is one of the document terms MiniSearch
 * matched, so words found by prefix ("accessib" → "accessibility"), by a typo, or through an alias
 * are marked as well as the words typed.
 */
import { findWords, isUnspaced, katakanaPieces, wordForms, type FoundWord } from '../core/searchTerms';
import type { Highlighted } from './protocol';
import type { PhraseSpan } from './quotedPhrases';

/** A marked stretch of text and the matched terms it holds. */
interface MatchSpan {
  start: number;
  end: number;
  terms: string[];
}

const PART = /[^-‐‑]+/g;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/**
 * Parts of a hyphenated word this short are not marked on their own: a query for "al-Abadi"
 * matches the term `al`, which should not light up the "al" of "Al-Qaim".
 */
const MIN_MARKED_PART_LENGTH = 3;

/** The matched stretches of one word: the whole word, some of its hyphenated parts, or none. */
function wordSpans(word: FoundWord, matched: ReadonlySet<string>): MatchSpan[] {
  // Most words are plain ASCII, their one term their lowercase: no need for the full rules.
  if (PLAIN_WORD.test(word.text)) {
    const term = word.text.toLowerCase();
    return matched.has(term) ? [{ start: word.start, end: word.end, terms: [term] }] : [];
  }
  const forms = wordForms(word.text);
  const whole = forms.find((terms) => terms.every((t) => matched.has(t)));
  if (whole) return [{ start: word.start, end: word.end, terms: whole }];
  const spans: MatchSpan[] = [];
  for (const part of wordParts(word.text, forms)) {
    const term = wordForms(part.text)[0]?.[0];
    if (term !== undefined && (term.length >= MIN_MARKED_PART_LENGTH || isUnspaced(term)) && matched.has(term)) {
      spans.push({ start: word.start + part.at, end: word.start + part.at + part.text.length, terms: [term] });
    }
  }
  return spans;
}

/** The parts of a word that are words of their own: a hyphenated word's parts, a katakana compound's pieces. */
function wordParts(text: string, forms: readonly string[][]): { text: string; at: number }[] {
  if ((forms[0]?.length ?? 0) > 1) return [...text.matchAll(PART)].map((part) => ({ text: part[0], at: part.index }));
  if (forms.length < 2 || !isUnspaced(text)) return [];
  let at = 0;
  return katakanaPieces(text).map((piece) => ({ text: piece, at: (at += piece.length) - piece.length }));
}

/** Appends a segment, merging it into the previous one of the same kind. */
function push(out: Highlighted, text: string, match: boolean): void {
  if (!text) return;
  const last = out.at(-1);
  if (last && last.match === match) last.text += text;
  else out.push({ text, match });
}

/** `text[from, to)` as segments, its spans marked and its runs of white space made one space. */
function segments(text: string, from: number, to: number, spans: readonly MatchSpan[], out: Highlighted = []): Highlighted {
  let at = from;
  for (const span of spans) {
    if (span.end <= at || span.start >= to) continue;
    push(out, text.slice(at, span.start).replace(/\s+/g, ' '), false);
    const end = Math.min(span.end, to);
    push(out, text.slice(Math.max(span.start, at), end).replace(/\s+/g, ' '), true);
    at = end;
  }
  push(out, text.slice(at, to).replace(/\s+/g, ' '), false);
  return out;
}

/**
 * The words' spans with the phrases' spans in: a phrase is marked as one stretch, spaces and
 * all, in place of the words it holds.
 */
function withPhrases(spans: readonly MatchSpan[], phrases: readonly PhraseSpan[]): MatchSpan[] {
  if (phrases.length === 0) return [...spans];
  const inPhrase = (s: MatchSpan) => phrases.some((p) => s.start < p.end && s.end > p.start);
  return [...spans.filter((s) => !inPhrase(s)), ...phrases.map((p) => ({ ...p, terms: [] }))].sort((a, b) => a.start - b.start);
}

/**
 * The whole text with its matched words marked (for a title); each of `phrases` (where a quoted
 * phrase of the query stands in the text, see `quotedPhrases.ts`) marked as one.
 */
export function highlightMatches(text: string, matched: ReadonlySet<string>, phrases: readonly PhraseSpan[] = []): Highlighted {
  const spans = withPhrases(
    findWords(text).flatMap((w) => wordSpans(w, matched)),
    phrases,
  );
  const out = segments(text, 0, text.length, spans);
  return out.length > 0 ? out : [{ text, match: false }];
}

/** How many words a snippet holds. */
export const SNIPPET_WORDS = 30;

/**
 * A passage of about {@link SNIPPET_WORDS} words of `text`, around the stretch where the most
 * distinct matched terms come together (each counting `weight(term)`, so that a common word the
 * query also had counts less than a rare one), matched words marked, "…" where text was cut.
 * Where a quoted phrase of the query stands (`phrases`) counts as one more matched term, and
 * the phrase is marked as one. The opening words when nothing in the text matched; null for an
 * empty text.
 */
export function snippetAround(
  text: string,
  matched: ReadonlySet<string>,
  weight: (term: string) => number = () => 1,
  size = SNIPPET_WORDS,
  phrases: readonly PhraseSpan[] = [],
): Highlighted | null {
  const words = findWords(text);
  if (words.length === 0) return null;
  const spansOf = words.map((w) => wordSpans(w, matched));
  // A word where a phrase starts counts as one more matched term, so that the passage shows the
  // phrase rather than its words apart.
  for (const [k, phrase] of phrases.entries()) {
    const first = words.findIndex((w) => w.end > phrase.start);
    if (first >= 0) spansOf[first] = [...spansOf[first]!, { start: words[first]!.start, end: words[first]!.end, terms: [`\u0000${k}`] }];
  }
  const hits = spansOf.flatMap((spans, i) => (spans.length > 0 ? [i] : []));

  let start = 0;
  if (hits.length > 0) {
    // The best window starts at a matched word: any other can slide right onto one, losing nothing.
    let best = -1;
    let bestFirst = 0;
    let bestLast = 0;
    for (const [k, first] of hits.entries()) {
      const seen = new Set<string>();
      let score = 0;
      let last = first;
      for (let j = k; j < hits.length && hits[j]! < first + size; j++) {
        last = hits[j]!;
        for (const span of spansOf[last]!) {
          for (const term of span.terms) {
            if (!seen.has(term)) score += weight(term);
            seen.add(term);
          }
        }
        // More matched words break ties between windows with the same terms.
        score += 0.01;
      }
      if (score > best) [best, bestFirst, bestLast] = [score, first, last];
    }
    // Centre the matched words in the window.
    const slack = size - (bestLast - bestFirst + 1);
    start = Math.max(0, Math.min(bestFirst - Math.floor(slack / 2), words.length - size));
  }
  const endWord = Math.min(words.length, start + size) - 1;

  // Take in punctuation that hugs the first and last words: an opening quote, a closing stop.
  let from = words[start]!.start;
  while (from > 0 && /[^\s\p{L}\p{N}]/u.test(text[from - 1]!)) from--;
  let to = words[endWord]!.end;
  while (to < text.length && /[^\s\p{L}\p{N}]/u.test(text[to]!)) to++;

  const out: Highlighted = [];
  if (start > 0) push(out, '… ', false);
  const spans = spansOf.slice(start, endWord + 1).flat().filter((span) => span.terms.length > 0 && !span.terms[0]!.startsWith('\u0000'));
  segments(text, from, to, withPhrases(spans, phrases), out);
  if (endWord < words.length - 1) push(out, ' …', false);
  return out;
}
