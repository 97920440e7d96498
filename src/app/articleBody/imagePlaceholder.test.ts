import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { replaceBrokenImage } from './imagePlaceholder';

function bodyWith(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><body><div id="body">${html}</div></body></html>`);
  return document.getElementById('body') as HTMLElement;
}

describe('replaceBrokenImage', () => {
  it('replaces a remote picture with its description and a link to it', () => {
    const body = bodyWith('<p><img src="https://s3.amazonaws.com/digitalgov/_legacy-img/2013/12/AskKaren_Mobile.jpg" alt="Preview of a chatbot where text can be entered"></p>');
    replaceBrokenImage(body.querySelector('img') as HTMLImageElement);
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('.image-placeholder__alt')?.textContent).toBe('Preview of a chatbot where text can be entered');
    expect(body.querySelector('.image-placeholder__note')?.textContent).toContain('Picture not kept in the archive.');
    expect(body.querySelector('.image-placeholder a')?.getAttribute('href')).toBe('https://s3.amazonaws.com/digitalgov/_legacy-img/2013/12/AskKaren_Mobile.jpg');
  });

  it('says an archived picture could not be shown, without a link to the web', () => {
    const body = bodyWith('<figure><img src="/bundle/images/karen.webp" alt="Ask Karen"><figcaption>On a phone.</figcaption></figure>');
    replaceBrokenImage(body.querySelector('img') as HTMLImageElement);
    expect(body.querySelector('.image-placeholder__note')?.textContent).toBe('Picture could not be shown on this device.');
    expect(body.querySelector('.image-placeholder a')).toBeNull();
    expect(body.querySelector('figcaption')?.textContent).toBe('On a phone.');
  });

  it('adds no link inside a link, and no description for a decorative picture', () => {
    const body = bodyWith('<a href="https://www.digitalgov.gov/"><img src="https://www.digitalgov.gov/logo.png" alt=""></a>');
    replaceBrokenImage(body.querySelector('img') as HTMLImageElement);
    expect(body.querySelectorAll('a')).toHaveLength(1);
    expect(body.querySelector('.image-placeholder__alt')).toBeNull();
    expect(body.querySelector('a .image-placeholder__note')?.textContent).toBe('Picture not kept in the archive.');
  });
});
