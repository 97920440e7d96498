import { describe, expect, it } from 'vitest';
import { findWords, foldTerm, isUnspaced, katakanaPieces, processTerm, tokenize, wordForms } from './searchTerms';

/*
 * The archive holds no Chinese, Japanese or Arabic article, so these scripts are tested here on
 * words and short names only: place and group names from the archive's own subject (Albu Kamal,
 * Deir ez-Zor, Islamic State) and Tokyo's city hall, written as in those languages.
 */

describe('foldTerm', () => {
  it('folds case and diacritics', () => {
    expect(foldTerm('Núñez')).toBe('nunez');
    expect(foldTerm('ÉCOLE')).toBe('ecole');
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('Łódź')).toBe('lodz');
  });

  it('folds full-width letters and half-width katakana to their usual forms', () => {
    expect(foldTerm('ＧＳＡ')).toBe('gsa');
    expect(foldTerm('ｶﾞｽ')).toBe('ガス');
  });

  it('keeps the marks that make a Japanese letter another letter', () => {
    expect(foldTerm('バス')).toBe('バス');
    expect(foldTerm('バス')).not.toBe(foldTerm('ハス'));
  });

  it('folds Arabic letter variants and drops harakat and the tatweel', () => {
    // أ إ آ ٱ → ا, ة → ه, ى → ي
    expect(foldTerm('أبو')).toBe('ابو');
    expect(foldTerm('إسلام')).toBe('اسلام');
    expect(foldTerm('آمن')).toBe('امن');
    expect(foldTerm('ٱلله')).toBe('الله');
    expect(foldTerm('الدولة')).toBe('الدوله');
    expect(foldTerm('مستشفى')).toBe('مستشفي');
    // Harakat (fatha, kasra, shadda, sukun) and a tatweel stretching the word.
    expect(foldTerm('كَمَال')).toBe('كمال');
    expect(foldTerm('كمـــال')).toBe('كمال');
    expect(foldTerm('٢٠١٧')).toBe('2017');
  });
});

describe('findWords', () => {
  it('keeps hyphenated and possessive words whole, with their offsets', () => {
    expect(findWords('Haider al-Abadi, Iran’s PM')).toEqual([
      { text: 'Haider', start: 0, end: 6 },
      { text: 'al-Abadi', start: 7, end: 15 },
      { text: 'Iran’s', start: 17, end: 23 },
      { text: 'PM', start: 24, end: 26 },
    ]);
  });

  it('reads an abbreviation with dots as one word, and splits addresses on their dots', () => {
    expect(tokenize('U.S. Web Design Standards')).toEqual(['U.S.', 'Web', 'Design', 'Standards']);
    expect(tokenize('https://www.peacecorps.gov/volunteer')).toEqual(['https', 'www', 'peacecorps', 'gov', 'volunteer']);
  });

  it('has Intl.Segmenter to cut text written without spaces', () => {
    expect(typeof Intl.Segmenter).toBe('function');
  });

  it('cuts Japanese and Chinese into words with Intl.Segmenter', () => {
    expect(tokenize('東京都庁')).toEqual(['東京', '都庁']);
    expect(tokenize('イスラム国')).toEqual(['イスラム', '国']);
    expect(tokenize('伊斯兰国')).toEqual(['伊斯兰', '国']);
    // Offsets point into the text, so that matches can be marked.
    const text = 'アブ・カマル（シリア）';
    expect(findWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['アブ', 'カマル', 'シリア']);
  });

  it('joins katakana pieces the segmenter cut apart', () => {
    // ICU cuts ラッカ (Raqqa) into ラ + ッカ.
    expect(tokenize('ラッカを制圧')).toEqual(['ラッカ', 'を', '制圧']);
  });

  it('keeps a hyphenated Latin word written against Japanese whole', () => {
    expect(tokenize('Wi-Fi対応のルーター')).toEqual(['Wi-Fi', '対応', 'の', 'ルーター']);
    const text = '新型はWi-Fi対応、USB-C端子';
    expect(findWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['新型', 'は', 'Wi-Fi', '対応', 'USB-C', '端子']);
  });

  it('cuts real Japanese text as the index needs it', () => {
    // The Japan Times' notice to old browsers (../shared/corpora/extraction-eval/pages/japantimes.co.jp.surgical.html).
    expect(tokenize('Internet ExplorerはIE8以上推奨。それ以前のブラウザをご使用の方は最新版にアップグレードしてください。')).toEqual(
      expect.arrayContaining(['Internet', 'Explorer', 'は', 'IE8', '以上', '推奨', 'ブラウザ', '最新', '版', 'アップグレード']),
    );
    // NHK News Web Easy's "about" text (../shared/corpora/extraction-eval/pages/nhk.or.jp.k100.html, ruby readings left out).
    expect(tokenize('「ＮＥＷＳ ＷＥＢ ＥＡＳＹ」は外国人の皆さんや、小学生・中学生の皆さんのために、わかりやすいことばでニュースを伝えるウェブサイトです。')).toEqual(
      expect.arrayContaining(['ＮＥＷＳ', '外国', '人', '小学生', '中学生', 'ニュース', 'ウェブサイト']),
    );
  });

  it('keeps Arabic words as written between spaces', () => {
    expect(tokenize('أبو كمال، البوكمال')).toEqual(['أبو', 'كمال', 'البوكمال']);
  });
});

describe('wordForms', () => {
  it('gives a hyphenated word as its parts and as one word', () => {
    expect(wordForms('al-Abadi')).toEqual([['al', 'abadi'], ['alabadi']]);
    expect(wordForms('Al-Bukamal')).toEqual([['al', 'bukamal'], ['albukamal']]);
    expect(wordForms('e-mail')).toEqual([['e', 'mail'], ['email']]);
  });

  it('drops a possessive and the other apostrophes', () => {
    expect(wordForms("Iran's")).toEqual([['iran']]);
    expect(wordForms('ISIL’s')).toEqual([['isil']]);
    expect(wordForms("O'Brien")).toEqual([['obrien']]);
    expect(wordForms('U.S.')).toEqual([['us']]);
  });

  it('gives a katakana compound as itself and as its words', () => {
    expect(wordForms('デジタルカメラ')).toEqual([['デジタルカメラ'], ['デジタル', 'カメラ']]);
    expect(wordForms('カメラ')).toEqual([['カメラ']]);
    expect(processTerm('フジテレビ')).toEqual(['フジテレビ', 'フジ', 'テレビ']);
  });

  it('gives a hyphenated word found against Japanese text its joined form', () => {
    expect(wordForms('Wi-Fi')).toEqual([['wi', 'fi'], ['wifi']]);
  });

  it('gives an Arabic word with the definite article also without it', () => {
    expect(wordForms('البوكمال')).toEqual([['البوكمال'], ['بوكمال']]);
    expect(wordForms('الإسلامية')).toEqual([['الاسلاميه'], ['اسلاميه']]);
    // "and the", "for the"
    expect(wordForms('والرقة')).toEqual([['والرقه'], ['رقه']]);
    expect(wordForms('للحكومة')).toEqual([['للحكومه'], ['حكومه']]);
  });

  it('leaves short Arabic words that only begin like the article alone', () => {
    // إلى ("to"): nothing of three letters would be left.
    expect(wordForms('إلى')).toEqual([['الي']]);
  });
});

describe('katakanaPieces', () => {
  it('gives the words of a katakana compound', () => {
    expect(katakanaPieces('デジタルカメラ')).toEqual(['デジタル', 'カメラ']);
    expect(katakanaPieces('フジテレビ')).toEqual(['フジ', 'テレビ']);
    // From the Japan Times page: "upgrade".
    expect(katakanaPieces('アップグレード')).toEqual(['アップ', 'グレード']);
  });

  it('puts back pieces that are no word', () => {
    // ICU: ラ + ッカ (Raqqa), フッ + ター (footer, on the Japan Times page), ソー + シ + ャ + ル + メディア.
    expect(katakanaPieces('ラッカ')).toEqual(['ラッカ']);
    expect(katakanaPieces('フッター')).toEqual(['フッター']);
    expect(katakanaPieces('ソーシャルメディア')).toEqual(['ソーシャル', 'メディア']);
  });

  it('leaves a word the dictionary has whole, and anything not katakana', () => {
    expect(katakanaPieces('ウェブサイト')).toEqual(['ウェブサイト']);
    expect(katakanaPieces('東京都庁')).toEqual(['東京都庁']);
  });
});

describe('processTerm', () => {
  it('indexes every form of a word once', () => {
    expect(processTerm('al-Abadi')).toEqual(['al', 'abadi', 'alabadi']);
    expect(processTerm('البوكمال')).toEqual(['البوكمال', 'بوكمال']);
    expect(processTerm('東京')).toEqual(['東京']);
    expect(processTerm('Kamal')).toBe('kamal');
  });

  it('indexes nothing for a word that folds to nothing', () => {
    expect(processTerm('’')).toBeNull();
  });
});

describe('isUnspaced', () => {
  it('tells the scripts written without spaces', () => {
    expect(isUnspaced('東京')).toBe(true);
    expect(isUnspaced('カマル')).toBe(true);
    expect(isUnspaced('كمال')).toBe(false);
    expect(isUnspaced('kamal')).toBe(false);
  });
});
