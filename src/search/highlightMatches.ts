/**
 * Why an article matched, shown in its words: the title with its matched words marked, and a
 * passage of the body around the best cluster of them. A word matches when one of the terms it is
 * indexed by (`wordForms`, the same rules as the index) is one of the document terms MiniSearch
 * matched, so words found by prefix ("accessib" → "accessibility"), by a typo, or through an alias
 * are marked as well as the words typed.
 */
import { findWords, wordForms, type FoundWord } from '../core/searchTerms';
import type { Highlighted } from './protocol';

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
  if ((forms[0]?.length ?? 0) < 2) return [];
  const spans: MatchSpan[] = [];
  for (const part of word.text.matchAll(PART)) {
    const term = wordForms(part[0])[0]?.[0];
    if (term !== undefined && term.length >= MIN_MARKED_PART_LENGTH && matched.has(term)) {
      spans.push({ start: word.start + part.index, end: word.start + part.index + part[0].length, terms: [term] });
    }
  }
  return spans;
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
    if (span.end <= from || span.start >= to) continue;
    push(out, text.slice(at, span.start).replace(/\s+/g, ' '), false);
    push(out, text.slice(span.start, span.end), true);
    at = span.end;
  }
  push(out, text.slice(at, to).replace(/\s+/g, ' '), false);
  return out;
}

/** The whole text with its matched words marked (for a title). */
export function highlightMatches(text: string, matched: ReadonlySet<string>): Highlighted {
  const spans = findWords(text).flatMap((w) => wordSpans(w, matched));
  const out = segments(text, 0, text.length, spans);
  return out.length > 0 ? out : [{ text, match: false }];
}

/** How many words a snippet holds. */
export const SNIPPET_WORDS = 30;

/**
 * A passage of about {@link SNIPPET_WORDS} words of `text`, around the stretch where the most
 * distinct matched terms come together (each counting `weight(term)`, so that a common word the
 * query also had counts less than a rare one), matched words marked, "…" where text was cut.
 * The opening words when nothing in the text matched; null for an empty text.
 */
export function snippetAround(
  text: string,
  matched: ReadonlySet<string>,
  weight: (term: string) => number = () => 1,
  size = SNIPPET_WORDS,
): Highlighted | null {
  const words = findWords(text);
  if (words.length === 0) return null;
  const spansOf = words.map((w) => wordSpans(w, matched));
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
  segments(text, from, to, spansOf.slice(start, endWord + 1).flat(), out);
  if (endWord < words.length - 1) push(out, ' …', false);
  return out;
}
