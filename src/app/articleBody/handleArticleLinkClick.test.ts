import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { handleArticleLinkClick } from './handleArticleLinkClick';

/** A click on the first link of `html`, as far as the handler reads it. */
function clickOn(html: string, init: Partial<MouseEvent> = {}) {
  const { document } = parseHTML(`<!doctype html><html><body><article>${html}</article></body></html>`);
  const link = document.querySelector('a') as HTMLAnchorElement;
  let prevented = false;
  const event = {
    button: 0,
    defaultPrevented: false,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    target: link.firstChild?.nodeType === 1 ? link.firstChild : link,
    preventDefault: () => (prevented = true),
    ...init,
  } as unknown as MouseEvent;
  return { link, event, prevented: () => prevented };
}

function actions(offline: boolean) {
  const log: string[] = [];
  return {
    log,
    actions: {
      navigate: (path: string) => log.push(`navigate ${path}`),
      seemsOffline: () => offline,
      showLeaving: (link: HTMLAnchorElement) => log.push(`leaving ${link.getAttribute('href')}`),
    },
  };
}

describe('handleArticleLinkClick', () => {
  it('navigates inside the app for an in-app link', () => {
    const click = clickOn('<a href="/articles/2013/11/digital-metrics-guidance" data-app-path="/articles/2013/11/digital-metrics-guidance"><em>the guidance</em></a>');
    const { log, actions: a } = actions(false);
    handleArticleLinkClick(click.event, a);
    expect(click.prevented()).toBe(true);
    expect(log).toEqual(['navigate /articles/2013/11/digital-metrics-guidance']);
  });

  it('leaves a modified click on an in-app link to the browser (new tab)', () => {
    const click = clickOn('<a href="/articles/2013/11/x" data-app-path="/articles/2013/11/x">x</a>', { ctrlKey: true });
    const { log, actions: a } = actions(false);
    handleArticleLinkClick(click.event, a);
    expect(click.prevented()).toBe(false);
    expect(log).toEqual([]);
  });

  it('explains instead of leaving when offline', () => {
    const click = clickOn('<a href="https://www.usability.gov/">Usability.gov</a>');
    const { log, actions: a } = actions(true);
    handleArticleLinkClick(click.event, a);
    expect(click.prevented()).toBe(true);
    expect(log).toEqual(['leaving https://www.usability.gov/']);
  });

  it('lets a link to the web go when online, and leaves other links alone offline', () => {
    const web = clickOn('<a href="https://www.usability.gov/">Usability.gov</a>');
    handleArticleLinkClick(web.event, actions(false).actions);
    expect(web.prevented()).toBe(false);
    const mail = clickOn('<a href="mailto:digitalgov@gsa.gov">write</a>');
    handleArticleLinkClick(mail.event, actions(true).actions);
    expect(mail.prevented()).toBe(false);
  });
});
