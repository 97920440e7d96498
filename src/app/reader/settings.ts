/**
 * The reader's text size and theme. Kept in the reader's database (`readerDb.ts`, store
 * `settings`, key `reader`) and mirrored in localStorage, which the classic script
 * `public/reader-settings.js` reads in index.html's <head> to apply them before the first paint
 * (IndexedDB cannot be read synchronously). The database is the record: on start the mirror is
 * refreshed from it (an import writes the database, then reloads the page).
 */
import { createSignal } from 'solid-js';
import { openReaderDb, type ReaderSettings } from './readerDb';

/** The localStorage key of the mirror (the pre-paint script reads it too). */
export const SETTINGS_MIRROR_KEY = 'reader-settings';
const SETTINGS_RECORD_KEY = 'reader';

/** Text size steps and the root font size each gives (0 is the browser's own size). */
export const TEXT_SIZE_STEPS: readonly { step: number; percent: number }[] = [
  { step: -1, percent: 87.5 },
  { step: 0, percent: 100 },
  { step: 1, percent: 112.5 },
  { step: 2, percent: 125 },
  { step: 3, percent: 150 },
  { step: 4, percent: 175 },
];
export const MIN_TEXT_SIZE = TEXT_SIZE_STEPS[0]!.step;
export const MAX_TEXT_SIZE = TEXT_SIZE_STEPS.at(-1)!.step;

export const THEMES: readonly ReaderSettings['theme'][] = ['system', 'light', 'dark'];
export const DEFAULT_SETTINGS: ReaderSettings = { textSize: 0, theme: 'system' };

/** Settings as stored (or mirrored), with anything unknown or out of range read as the default. */
export function normaliseSettings(data: unknown): ReaderSettings {
  const record = typeof data === 'object' && data !== null ? (data as Partial<Record<keyof ReaderSettings, unknown>>) : {};
  const size = record.textSize;
  return {
    textSize: typeof size === 'number' && Number.isInteger(size) && size >= MIN_TEXT_SIZE && size <= MAX_TEXT_SIZE ? size : DEFAULT_SETTINGS.textSize,
    theme: THEMES.find((t) => t === record.theme) ?? DEFAULT_SETTINGS.theme,
  };
}

export function sameSettings(a: ReaderSettings, b: ReaderSettings): boolean {
  return a.textSize === b.textSize && a.theme === b.theme;
}

/** The percentage of the browser's text size a step gives. */
export function textSizePercent(step: number): number {
  return TEXT_SIZE_STEPS.find((s) => s.step === step)?.percent ?? 100;
}

/** The step `by` steps from `step`, kept within the steps. */
export function stepTextSize(step: number, by: number): number {
  return Math.min(MAX_TEXT_SIZE, Math.max(MIN_TEXT_SIZE, step + by));
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Sets the attributes styles.css sizes and colours the page by (as the pre-paint script does). */
export function applySettings(settings: ReaderSettings, root: HTMLElement = document.documentElement): void {
  if (settings.textSize === 0) root.removeAttribute('data-text-size');
  else root.setAttribute('data-text-size', String(settings.textSize));
  root.setAttribute('data-theme-choice', settings.theme);
  root.setAttribute('data-theme', settings.theme === 'system' ? (prefersDark() ? 'dark' : 'light') : settings.theme);
}

function readMirror(): ReaderSettings {
  try {
    return normaliseSettings(JSON.parse(localStorage.getItem(SETTINGS_MIRROR_KEY) ?? 'null'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function writeMirror(settings: ReaderSettings): void {
  try {
    localStorage.setItem(SETTINGS_MIRROR_KEY, JSON.stringify(settings));
  } catch {
    // No localStorage (a private mode, storage full): the settings still apply once the app runs.
  }
}

const [readerSettings, setReaderSettings] = createSignal<ReaderSettings>(typeof localStorage === 'undefined' ? DEFAULT_SETTINGS : readMirror());
/** The reader's settings as applied now (from the mirror at first, then from the database). */
export { readerSettings };

let loaded: Promise<void> | undefined;
/** Set once the reader changes a setting on this page: the database's older record must not undo it. */
let changedHere = false;

/**
 * Reads the settings from the database once per page and, where they differ from the mirror the
 * page was painted with, applies them and refreshes the mirror. A database that cannot be opened
 * leaves the mirror's.
 */
export function loadReaderSettings(): Promise<void> {
  loaded ??= (async () => {
    try {
      const stored = await (await openReaderDb()).get('settings', SETTINGS_RECORD_KEY);
      if (stored === undefined || changedHere) return;
      const settings = normaliseSettings(stored);
      if (sameSettings(settings, readerSettings())) return;
      setReaderSettings(settings);
      applySettings(settings);
      writeMirror(settings);
    } catch {
      // The mirror stays in force.
    }
  })();
  return loaded;
}

/**
 * Mirrors settings just written to the database by something else (an import of the reader's
 * data, which then reloads the page), so that the reloaded page is painted with them at once.
 */
export function mirrorImportedSettings(settingsStore: Record<string, unknown>): void {
  writeMirror(normaliseSettings(settingsStore[SETTINGS_RECORD_KEY] ?? DEFAULT_SETTINGS));
}

/** Applies the reader's choice at once, mirrors it, and keeps it in the database. */
export async function saveReaderSettings(change: Partial<ReaderSettings>): Promise<void> {
  changedHere = true;
  const settings = normaliseSettings({ ...readerSettings(), ...change });
  setReaderSettings(settings);
  applySettings(settings);
  writeMirror(settings);
  await (await openReaderDb()).put('settings', settings, SETTINGS_RECORD_KEY);
}
