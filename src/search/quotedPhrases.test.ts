import { describe, expect, it } from 'vitest';
import { findPhrase, phraseTerms, splitQuotes } from './quotedPhrases';

/** The stretches of `text` where the phrase stands. */
const found = (text: string, phrase: string, prefix = false) => findPhrase(text, phraseTerms(phrase), prefix).map((s) => text.slice(s.start, s.end));

describe('splitQuotes', () => {
  it('cuts a query into its loose words and its quoted phrases', () => {
    expect(splitQuotes('"climate change" policy')).toEqual({ loose: 'policy', phrases: [{ text: 'climate change', closed: true }] });
    expect(splitQuotes('open "data  act" and “web design”')).toEqual({
      loose: 'open and',
      phrases: [
        { text: 'data act', closed: true },
        { text: 'web design', closed: true },
      ],
    });
  });

  it('reads a quote left open as a phrase to the end of the query', () => {
    expect(splitQuotes('policy "climate cha')).toEqual({ loose: 'policy', phrases: [{ text: 'climate cha', closed: false }] });
  });

  it('drops a phrase with no word', () => {
    expect(splitQuotes('albu kamal "')).toEqual({ loose: 'albu kamal', phrases: [] });
    expect(splitQuotes('"" — "')).toEqual({ loose: '—', phrases: [] });
  });
});

describe('findPhrase', () => {
  const text = 'The U.S. Web Design Standards help. Design web standards later; web-design standards too.';

  it('finds the words together and in order, whatever their case', () => {
    expect(found(text, 'web design standards')).toEqual(['Web Design Standards', 'web-design standards']);
    expect(found(text, 'standards web')).toEqual([]);
    expect(found(text, 'design standards help')).toEqual(['Design Standards help']);
  });

  it('folds accents, apostrophes, the dots of an abbreviation and hyphens as the index does', () => {
    expect(found(text, 'us web')).toEqual(['U.S. Web']);
    expect(found('Haider al-Abadi said', 'al abadi')).toEqual(['al-Abadi']);
    expect(found('Haider al-Abadi said', 'alabadi said')).toEqual(['al-Abadi said']);
    expect(found('Iran’s nuclear deal', "iran's nuclear")).toEqual(['Iran’s nuclear']);
    expect(found('La Cañada Flintridge', 'la canada')).toEqual(['La Cañada']);
    expect(found('Supports Wi-Fi calling', 'wifi calling')).toEqual(['Wi-Fi calling']);
  });

  it('finds a whole word only, unless the last is being typed', () => {
    expect(found('climate changes fast', 'climate change')).toEqual([]);
    expect(found('climate changes fast', 'climate change', true)).toEqual(['climate change']);
    expect(found('a webdesign standard', 'design standard')).toEqual([]);
  });

  it('finds a phrase inside a word of a script written without spaces', () => {
    expect(found('新しいデジタルカメラを買った', 'カメラ')).toEqual(['カメラ']);
    expect(found('東京都庁の前で', '都庁の')).toEqual(['都庁の']);
  });

  it('finds every place in a long text, not only near its start', () => {
    const long = `${'Other words here. '.repeat(200)}open data rules. ${'More words. '.repeat(200)}Open-Data again.`;
    expect(found(long, 'open data')).toEqual(['open data', 'Open-Data']);
  });
});
