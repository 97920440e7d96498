import { onCleanup, onMount } from 'solid-js';
import { ReadingSettings } from './ReadingSettings';

/**
 * The header's "Aa" menu: the reading settings on every page, in a disclosure that closes on
 * Escape (focus back on its button) and on a tap elsewhere.
 */
export function ReadingMenu() {
  let details!: HTMLDetailsElement;
  let summary!: HTMLElement;
  onMount(() => {
    const outside = (event: PointerEvent) => {
      if (details.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', outside);
    onCleanup(() => document.removeEventListener('pointerdown', outside));
  });
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    summary.focus();
  };
  return (
    <details class="reading-menu" ref={details} on:keydown={escape}>
      <summary ref={summary} class="reading-menu__button">
        <span aria-hidden="true">Aa</span>
        <span class="visually-hidden">Text size and theme</span>
      </summary>
      <div class="reading-menu__panel">
        <ReadingSettings />
      </div>
    </details>
  );
}
