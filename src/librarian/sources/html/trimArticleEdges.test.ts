import { describe, expect, it } from 'vitest';
import { trimArticleEdges } from './trimArticleEdges';

const PARAGRAPH =
  '<p>More than two hundred volunteers spent Saturday replanting marram grass along the northern dunes, where January’s storms stripped the sand of the roots that hold it in place.</p>';

describe('trimArticleEdges', () => {
  it('removes the date line and section label above the first paragraph', () => {
    const html = `<div><p>Umwelt</p><p>Aktualisiert: 03.04.2020</p>${PARAGRAPH}</div>`;
    expect(trimArticleEdges(html, 'de')).toBe(`<div>${PARAGRAPH}</div>`);
  });

  it('removes a list of links with the heading over it, and picture credits', () => {
    const html = `${PARAGRAPH}<p>Foto: Sascha Klahn</p><h3>Related stories</h3><ul><li><a href="/a">Storm closes beach road</a></li><li><a href="/b">Sea wall repairs to start in March</a></li></ul>`;
    expect(trimArticleEdges(html, 'en')).toBe(PARAGRAPH);
  });

  it('returns the HTML untouched when nothing goes', () => {
    const html = `${PARAGRAPH}<p>The work is expected to take <a href="/dunes">three more weekends</a>.</p>`;
    expect(trimArticleEdges(html, 'en')).toBe(html);
  });

  it('removes a closing tail of linked teasers with the heading over it', () => {
    const html = `${PARAGRAPH}<h3>Das könnte Sie auch interessieren</h3><p><a href="/a">Sturm sperrt die Strandstraße</a> · <a href="/b">Deichreparatur beginnt im März</a></p>`;
    expect(trimArticleEdges(html, 'de')).toBe(PARAGRAPH);
  });
});
