import { createUniqueId, For, onMount } from 'solid-js';
import type { ReaderSettings } from '../reader/readerDb';
import { afterIdle } from '../yieldToMain';
import { loadReaderSettings, MAX_TEXT_SIZE, MIN_TEXT_SIZE, readerSettings, saveReaderSettings, stepTextSize, textSizePercent, THEMES } from '../reader/settings';

const THEME_NAMES: Record<ReaderSettings['theme'], string> = { system: 'As the device', light: 'Light', dark: 'Dark' };

/**
 * The reader's text size (smaller, larger, in steps) and theme (the device's, light or dark),
 * applied at once and kept for the next visit (`reader/settings.ts`). The size buttons stay
 * focusable at either end (marked disabled for screen readers), so that focus is never lost.
 */
export function ReadingSettings() {
  const name = createUniqueId();
  // The database's record may differ from the mirror the page was painted with (an import).
  onMount(() => afterIdle(() => void loadReaderSettings()));
  const size = () => readerSettings().textSize;
  const resize = (by: number) => {
    const next = stepTextSize(size(), by);
    if (next !== size()) void saveReaderSettings({ textSize: next });
  };
  return (
    <div class="reading-settings">
      <fieldset>
        <legend>Text size</legend>
        <div class="reading-settings__size">
          <button type="button" class="button button--quiet" aria-disabled={size() <= MIN_TEXT_SIZE} onClick={() => resize(-1)}>
            <span aria-hidden="true">A−</span> Smaller
          </button>
          <output class="reading-settings__percent" aria-live="polite">
            {textSizePercent(size())}%
          </output>
          <button type="button" class="button button--quiet" aria-disabled={size() >= MAX_TEXT_SIZE} onClick={() => resize(1)}>
            <span aria-hidden="true">A+</span> Larger
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Theme</legend>
        <div class="reading-settings__themes">
          <For each={THEMES}>
            {(theme) => (
              <label>
                <input type="radio" name={`theme-${name}`} value={theme} checked={readerSettings().theme === theme} onChange={() => void saveReaderSettings({ theme })} />{' '}
                {THEME_NAMES[theme]}
              </label>
            )}
          </For>
        </div>
      </fieldset>
    </div>
  );
}
