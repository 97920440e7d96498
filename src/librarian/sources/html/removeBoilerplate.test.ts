import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from './removeBoilerplate';

const TEXT =
  '<p>More than two hundred volunteers spent Saturday replanting marram grass along the northern dunes, where January’s storms stripped the sand of the roots that hold it in place. Rangers handed out bundles of seedlings grown over the winter in the park’s nursery.</p>';

function cleaned(body: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
  removeBoilerplate(document, document.querySelector('h1'));
  return document.body.innerHTML;
}

describe('removeBoilerplate', () => {
  it('removes furniture named by its class inside the article’s container', () => {
    const html = cleaned(
      `<div class="entry-content"><h1>Volunteers replant the dune grass</h1>${TEXT}<div class="related-articles"><a href="/a">Storm closes beach road</a></div><div class="share-tools"><a href="/s">Share</a></div><section id="kommentare"><p>Keine Kommentare</p></section></div>`,
    );
    expect(html).toContain('marram grass');
    expect(html).not.toMatch(/Storm closes|Share|Keine Kommentare/);
  });

  it('keeps an element another of its names calls an article, and the headline’s container', () => {
    const html = cleaned(`<div class="sticky-sidebar-parent article">${TEXT}</div><div class="has-sidebar"><h1>Volunteers replant the dune grass</h1></div>`);
    expect(html).toContain('marram grass');
    expect(html).toContain('Volunteers replant');
  });
});
