import { cleanName, cleanText } from '../../import/normalise';
import { datesInText } from './datesInText';

/** Words that introduce the author in a byline, in the languages of the web's news. */
const INTRODUCERS = [
  'written by', 'posted by', 'published by', 'story by', 'words by', 'text by', 'by', 'from',
  'veröffentlicht von', 'geschrieben von', 'erstellt von', 'verfasst von', 'eingestellt von', 'ein beitrag von', 'beitrag von', 'von',
  'publié par', 'écrit par', 'rédigé par', 'par', 'escrito por', 'publicado por', 'redactado por', 'por', 'scritto da', 'pubblicato da', 'di', 'da',
  'door', 'geschreven door', 'av', 'af', 'przez', 'autor', 'autorin', 'author', 'auteur', 'autore', 'text', 'texte', 'texto', 'redaktion:',
];
const INTRODUCER = new RegExp(`^(?:${INTRODUCERS.sort((a, b) => b.length - a.length).join('|')})(?:\\s*:\\s*|\\s+)`, 'iu');
/** Where the name ends: a date, a time, "Updated", a separator, a word that starts the date or place. */
const NAME_END =
  /\s*(?:[|·•/–—]\s|\s-\s|(?<!\p{L})(?:updated|aktualisiert|mis à jour|actualizado|published|veröffentlicht|publié|publicado|posted|stand|datum|quelle|source|fotos?|photos?|bilder?)(?!\p{L})|\d)/iu;
/** Small words that start a date or place after a name ("Cooper am 25.08.2015"), lower-case only: "Le Clerc" is a name. */
const PARTICLE_END = /\s(?:am|on|le|el|il|op|den|at|um)(?:\s|$)/u;
/** Days of the week that stand before a date: "Donnerstag, 4. November 2021". */
const WEEKDAY =
  /(?:^|\s)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?,?$/iu;
/** Labels that are no names ("Posted on", "Veröffentlicht am") and byline words left alone. */
const NOT_A_NAME = /^(?:by|von|par|por|posted|published|publiziert|veröffentlicht|publié|publicado|updated|aktualisiert|autor|autorin|author|authors|auteur|unknown|anonymous|share|teilen)$/iu;

/**
 * The author's name in a byline as pages print it, without the words and facts around it:
 * "By GILLIAN MOHNEY March 11, 2015 3:46 PM" → "GILLIAN MOHNEY", "29. Juni 2017, 23:39 · von Tobi" →
 * "Tobi", "Datum: 19.11.2021 Autor: Fritz ImhofQuelle: Livenet" → "Fritz Imhof",
 * "Posted on September 21, 2020 by Adi Tzlil" → "Adi Tzlil". Null when no name is left, or
 * what is left is too long to be a name (a sentence, a teaser).
 */
export function bylineAuthor(byline: string | null | undefined, isSiteName: (name: string) => boolean = () => false): string | null {
  if (!byline) return null;
  let text = cleanText(byline)
    // Glued by markup without spaces: "Nicole Collignon22. Februar 2020", "Fritz ImhofQuelle: Livenet".
    .replace(/(\p{Ll})(\d)/gu, '$1 $2')
    .replace(/(\p{Ll})(\p{Lu}\p{Ll}+:)/gu, '$1 $2');
  // A label names the author: "Autor: Fritz Imhof", "Text: …"; what follows a later label is something else.
  const labelled = /(?:^|\s)(?:autor(?:in)?|author|auteur|autore|text|texte|texto|von|by|par|por|di|door|av)\s*:\s*(.+)$/iu.exec(text);
  if (labelled) text = labelled[1]!;
  else {
    // The date or a label comes first and the name after "by": "Posted on September 21, 2020 by Adi Tzlil".
    const after = /(?:^|\s)(?:by|von|par|por|di|door|av)\s+(\p{Lu}.*)$/u.exec(text);
    const date = datesInText(text)[0];
    if (after && (date ? date.index < (after.index ?? 0) : /^\S+\s+(?:on|am|le|el)\s/iu.test(text))) text = after[1]!;
  }
  text = text.replace(/\s+\p{L}+\s*:.*$/u, '');
  // "unocero - Alberto Ávila": the site's name is no author.
  text = text
    .split(/\s+[|·•/–—-]\s+/)
    .filter((part) => !isSiteName(part))
    .join(' | ');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(INTRODUCER, '').trim();
  }
  const date = datesInText(text)[0];
  if (date) text = text.slice(0, date.index).trim().replace(WEEKDAY, '');
  for (const pattern of [NAME_END, PARTICLE_END]) {
    const end = pattern.exec(text);
    if (end) text = text.slice(0, end.index);
  }
  const name = cleanName(text);
  if (!name || NOT_A_NAME.test(name) || isSiteName(name) || /@|https?:|www\./i.test(name)) return null;
  if (name.length > 80 || name.split(/\s+/).length > 8 || !/\p{L}/u.test(name)) return null;
  return name;
}
