import { describe, expect, it } from 'vitest';
import { guessLanguage } from './guessLanguage';

describe('guessLanguage', () => {
  it.each([
    ['The council said that the library will stay open for students during the exam period and on Saturdays.', 'en'],
    ['Die Stadtbibliothek ist ab Montag werktags bis 22 Uhr geöffnet, wie die Stadt mitteilte, und das gilt auch für die Ferien.', 'de'],
    ['La bibliothèque sera ouverte le soir pour les étudiants pendant la période des examens et dans les vacances.', 'fr'],
    ['La biblioteca estará abierta por las noches para los estudiantes durante el periodo de exámenes y en las vacaciones.', 'es'],
    ['市立図書館は来週月曜日から、平日の開館時間を午後10時まで延長すると発表した。', 'ja'],
  ])('names the language of %j', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it('names none for a text too short to tell', () => {
    expect(guessLanguage('Home News Sport')).toBeNull();
  });
});
