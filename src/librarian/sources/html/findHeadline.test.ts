import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findHeadline } from './findHeadline';

const headlineOf = (body: string, titles: string[], site: string | null = null) =>
  findHeadline(parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`).document, titles, site)?.text ?? null;

describe('findHeadline', () => {
  it('takes the heading a metadata title states, without the site’s name in the title', () => {
    expect(headlineOf('<h1>Tote Hummeln unter Linden</h1>', ['Tote Hummeln unter Linden: Die Erklärung – Aktion Hummelschutz'])).toBe(
      'Tote Hummeln unter Linden',
    );
  });

  it('leaves out a kicker set apart in its own element', () => {
    const body = '<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>';
    expect(headlineOf(body, ['Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de'])).toBe('Daten von Rheinmetall gehackt');
  });

  it('passes over the site’s name and motto in headings', () => {
    const body = '<h1 id="site-title">Spiel-Talstraße</h1><h2 id="site-description">zur Bunten Republik Neustadt</h2><h2>Keine Spiel-Talstraße zur Bunten Republik Neustadt</h2>';
    expect(headlineOf(body, ['Keine Spiel-Talstraße zur Bunten Republik Neustadt | Spiel-Talstraße'])).toBe(
      'Keine Spiel-Talstraße zur Bunten Republik Neustadt',
    );
  });

  it('takes the <h1> that shares most words with a title rewritten for search engines', () => {
    const body = '<h1 class="logo-text">Parallels</h1><h1>Parallels Desktop 15 for Mac</h1>';
    expect(headlineOf(body, ['Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac'])).toBe('Parallels Desktop 15 for Mac');
  });

  it('leaves out an opening line that the metadata titles leave out, whatever its class', () => {
    const body = '<h1 class="entry-title"><span class="entry-title__top">Forderungsausfälle vermeiden</span> Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen</h1>';
    expect(headlineOf(body, ['Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen - Handwerkszeitung'])).toBe(
      'Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen',
    );
  });

  it('keeps an opening line that a metadata title states too', () => {
    const body = '<h1><span class="entry-title__top">Forderungsausfälle vermeiden</span> Eigentumsvorbehalt: Das sollten Käufer wissen</h1>';
    expect(headlineOf(body, ['Forderungsausfälle vermeiden: Eigentumsvorbehalt: Das sollten Käufer wissen'])).toBe(
      'Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten Käufer wissen',
    );
  });
});
