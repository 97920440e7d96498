import { describe, expect, it } from 'vitest';
import { highlightMatches, snippetAround } from './highlightMatches';
import type { Highlighted } from './protocol';
import { findPhrase, phraseTerms } from './quotedPhrases';

const show = (h: Highlighted | null) => h?.map((s) => (s.match ? `[${s.text}]` : s.text)).join('') ?? null;

describe('highlightMatches', () => {
  it('marks the words whose terms matched, whatever their case and accents', () => {
    expect(show(highlightMatches('Daesh in desperate attempt to save Albu Kamal', new Set(['daesh', 'kamal'])))).toBe(
      '[Daesh] in desperate attempt to save Albu [Kamal]',
    );
    expect(show(highlightMatches('Café Núñez', new Set(['nunez'])))).toBe('Café [Núñez]');
  });

  it('marks a possessive and a hyphenated word whole', () => {
    expect(show(highlightMatches('Iran’s goal; Haider Al-Abadi', new Set(['iran', 'al', 'abadi'])))).toBe('[Iran’s] goal; Haider [Al-Abadi]');
    expect(show(highlightMatches('the Al-Bukamal front', new Set(['albukamal'])))).toBe('the [Al-Bukamal] front');
  });

  it('marks the matched part of a hyphenated word, but not a short article before it', () => {
    expect(show(highlightMatches('Haider Al-Abadi and Al-Qaim', new Set(['abadi'])))).toBe('Haider Al-[Abadi] and Al-Qaim');
    // A query for "al-Abadi" matches `al` too: "Al-Abadi" is marked, the "Al" of "Al-Qaim" is not.
    expect(show(highlightMatches('Haider Al-Abadi and Al-Qaim', new Set(['abadi', 'al'])))).toBe('Haider [Al-Abadi] and Al-Qaim');
  });

  it('marks words of scripts without spaces and Arabic words found without their article', () => {
    expect(show(highlightMatches('東京都庁', new Set(['都庁'])))).toBe('東京[都庁]');
    expect(show(highlightMatches('معركة البوكمال', new Set(['بوكمال'])))).toBe('معركة [البوكمال]');
  });

  it('returns the text unmarked when nothing matched', () => {
    expect(highlightMatches('A Better DigitalGov', new Set(['kamal']))).toEqual([{ text: 'A Better DigitalGov', match: false }]);
  });
});

describe('highlightMatches with phrases', () => {
  it('marks a phrase as one, spaces and all, and the query’s other words as words', () => {
    const title = 'Climate change and the change of climate policy';
    const phrases = findPhrase(title, phraseTerms('climate change'));
    expect(show(highlightMatches(title, new Set(['climate', 'change', 'policy']), phrases))).toBe('[Climate change] and the [change] of [climate] [policy]');
  });

  it('marks the word of a katakana compound that matched', () => {
    expect(show(highlightMatches('新しいデジタルカメラを買った', new Set(['カメラ'])))).toBe('新しいデジタル[カメラ]を買った');
    expect(show(highlightMatches('フジテレビの番組', new Set(['フジテレビ'])))).toBe('[フジテレビ]の番組');
  });
});

describe('snippetAround', () => {
  const body =
    'BEIRUT: Daesh terrorists conducted a blistering counterattack on Albu Kamal in eastern Syria Friday in a desperate bid to cling to the last urban bastion of their imploding “caliphate.”\n' +
    'The terrorists punched back into the town they had lost a day earlier and swiftly retook several northern neighborhoods, the Syrian Observatory for Human Rights monitor said.\n' +
    'The observatory said most of the fighting was done by the Lebanese Shiite group Hezbollah and elite forces from its backer Tehran, as well as militia groups from Iraq.';

  it('quotes about thirty words around the matched words, with an ellipsis where text was cut', () => {
    const snippet = show(snippetAround(body, new Set(['hezbollah', 'tehran'])));
    expect(snippet).toMatch(/^… .*\[Hezbollah\] and elite forces from its backer \[Tehran\], as well as militia groups from Iraq\.$/);
    expect(snippet!.replace(/^… /, '').split(' ')).toHaveLength(30);
  });

  it('chooses the passage with the most different matched terms', () => {
    // "Daesh" opens the text; "Hezbollah" and "Tehran" come together in its last sentence.
    const snippet = show(snippetAround(body, new Set(['daesh', 'hezbollah', 'tehran']), undefined, 12));
    expect(snippet).toContain('[Hezbollah]');
    expect(snippet).toContain('[Tehran]');
    expect(snippet).not.toContain('[Daesh]');
  });

  it('counts a common word less than a rare one', () => {
    const weight = (term: string) => (term === 'the' ? 0.1 : 1);
    const snippet = show(snippetAround(body, new Set(['the', 'hezbollah']), weight, 10));
    expect(snippet).toContain('[Hezbollah]');
  });

  it('shows a quoted phrase where it stands, rather than its words apart', () => {
    const text = 'Open source code matters. Data about data is kept here. Then much later, open data rules, and more words follow on.';
    const phrases = findPhrase(text, phraseTerms('open data'));
    expect(show(snippetAround(text, new Set(['open', 'data']), undefined, 6, phrases))).toBe('… much later, [open data] rules, and …');
    // Without the phrase, the passage with the most matched words wins.
    expect(show(snippetAround(text, new Set(['open', 'data']), undefined, 6))).toBe('[Open] source code matters. [Data] about …');
  });

  it('joins paragraphs with a space and keeps punctuation around the passage', () => {
    expect(show(snippetAround('“Daesh is finished.”\nThe end.', new Set(['daesh'])))).toBe('“[Daesh] is finished.” The end.');
  });

  it('quotes the opening words when nothing in the text matched, and nothing for an empty text', () => {
    expect(show(snippetAround(body, new Set(['foodkeeper']), undefined, 5))).toBe('BEIRUT: Daesh terrorists conducted a …');
    expect(snippetAround('', new Set(['daesh']))).toBeNull();
  });
});
