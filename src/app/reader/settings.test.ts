import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { applySettings, MAX_TEXT_SIZE, MIN_TEXT_SIZE, normaliseSettings, SETTINGS_MIRROR_KEY, stepTextSize, textSizePercent, TEXT_SIZE_STEPS } from './settings';

/** Just enough of <html> for the attributes both the pre-paint script and `applySettings` set. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    getAttribute: (name: string) => attributes.get(name) ?? null,
    removeAttribute: (name: string) => void attributes.delete(name),
  };
}

/** Runs public/reader-settings.js as index.html does, with this mirror and device scheme. */
function runPrePaint(mirror: string | null, deviceDark: boolean) {
  const root = fakeRoot();
  const listeners: (() => void)[] = [];
  const media = { matches: deviceDark, addEventListener: (_: string, listener: () => void) => listeners.push(listener) };
  const window = { matchMedia: () => media };
  const localStorage = { getItem: (key: string) => (key === SETTINGS_MIRROR_KEY ? mirror : null) };
  runInNewContext(readFileSync('public/reader-settings.js', 'utf8'), { window, localStorage, document: { documentElement: root } });
  return { root, media, listeners };
}

describe('normaliseSettings', () => {
  it('keeps valid settings and reads anything else as the default', () => {
    expect(normaliseSettings({ textSize: 3, theme: 'dark' })).toEqual({ textSize: 3, theme: 'dark' });
    expect(normaliseSettings({ textSize: 9, theme: 'sepia' })).toEqual({ textSize: 0, theme: 'system' });
    expect(normaliseSettings({ textSize: 1.5 })).toEqual({ textSize: 0, theme: 'system' });
    expect(normaliseSettings(null)).toEqual({ textSize: 0, theme: 'system' });
  });
});

describe('text size steps', () => {
  it('offers at least five steps, the default among them, growing', () => {
    expect(TEXT_SIZE_STEPS.length).toBeGreaterThanOrEqual(5);
    expect(textSizePercent(0)).toBe(100);
    const percents = TEXT_SIZE_STEPS.map((s) => s.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  });

  it('stops at the smallest and largest step', () => {
    expect(stepTextSize(MAX_TEXT_SIZE, 1)).toBe(MAX_TEXT_SIZE);
    expect(stepTextSize(MIN_TEXT_SIZE, -1)).toBe(MIN_TEXT_SIZE);
    expect(stepTextSize(0, 1)).toBe(1);
  });

  it('has a rule in styles.css for every step but the default', () => {
    const css = readFileSync('src/app/styles.css', 'utf8');
    for (const { step, percent } of TEXT_SIZE_STEPS.filter((s) => s.step !== 0)) {
      expect(css).toMatch(new RegExp(`:root\\[data-text-size='${step}'\\]\\s*\\{\\s*font-size: ${percent}%;`));
    }
  });
});

describe('the pre-paint script (public/reader-settings.js)', () => {
  it('sets what applySettings sets, for every step and theme, on a light and a dark device', () => {
    for (const deviceDark of [false, true]) {
      for (const { step } of TEXT_SIZE_STEPS) {
        for (const theme of ['system', 'light', 'dark'] as const) {
          const settings = { textSize: step, theme };
          const { root } = runPrePaint(JSON.stringify(settings), deviceDark);
          const applied = fakeRoot();
          globalThis.matchMedia = (() => ({ matches: deviceDark })) as unknown as typeof matchMedia;
          applySettings(settings, applied as unknown as HTMLElement);
          expect(Object.fromEntries(root.attributes)).toEqual(Object.fromEntries(applied.attributes));
        }
      }
    }
  });

  it('reads a missing, broken or out-of-range mirror as the defaults', () => {
    for (const mirror of [null, '{not json', '{"textSize":12,"theme":"sepia"}', '7']) {
      const { root } = runPrePaint(mirror, false);
      expect(Object.fromEntries(root.attributes)).toEqual({ 'data-theme-choice': 'system', 'data-theme': 'light' });
    }
  });

  it('follows the device when the theme is the system one, and only then', () => {
    const system = runPrePaint(JSON.stringify({ textSize: 0, theme: 'system' }), false);
    system.media.matches = true;
    system.listeners.forEach((listener) => listener());
    expect(system.root.getAttribute('data-theme')).toBe('dark');
    const light = runPrePaint(JSON.stringify({ textSize: 0, theme: 'light' }), false);
    light.media.matches = true;
    light.listeners.forEach((listener) => listener());
    expect(light.root.getAttribute('data-theme')).toBe('light');
  });
});
