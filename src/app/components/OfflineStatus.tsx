import { createEffect, createSignal, on, Show } from 'solid-js';
import { describeOfflineSave } from '../pwa/describeOfflineSave';
import { offlineSave } from '../pwa/offlineSaving';

/** How long the band says "Available offline" once the save finishes; the footer keeps saying it. */
const SAVED_BANNER_MS = 6000;

/**
 * Saving the archive for offline: a slim band at the bottom of the screen while it saves (with a
 * progress bar), when it stops, and for a moment once it is done; the footer's line says where it stands
 * at any time. Screen readers hear the state changes (started, done, stopped) from one status
 * region that is always in the page, not every percent; the bar tells the percent when asked.
 */
export function OfflineStatus(props: { variant: 'banner' | 'footer' }) {
  const text = () => describeOfflineSave(offlineSave());
  if (props.variant === 'footer') {
    return <Show when={text()}>{(line) => <p class="offline-status">{line()}</p>}</Show>;
  }

  const [showSaved, setShowSaved] = createSignal(false);
  createEffect(
    on(
      () => offlineSave().state,
      (state, previous) => {
        // Only a save seen finishing on this page is announced in the band.
        if (state === 'saved' && previous === 'saving') {
          setShowSaved(true);
          setTimeout(() => setShowSaved(false), SAVED_BANNER_MS);
        }
      },
    ),
  );
  const percent = () => {
    const save = offlineSave();
    return save.state === 'saving' ? save.percent : undefined;
  };
  const visible = () => (offlineSave().state === 'saved' ? showSaved() : text() !== undefined);
  const announcement = () => (!visible() ? '' : percent() !== undefined ? 'Saving the archive for offline' : (text() ?? ''));
  return (
    <div class="offline-status offline-status--banner" classList={{ 'offline-status--empty': !visible() }}>
      <Show when={visible()}>
        <p aria-hidden="true">{text()}</p>
        <Show when={percent() !== undefined}>
          <progress max="100" value={percent()} aria-label="Saving the archive for offline" />
        </Show>
      </Show>
      <span class="visually-hidden" role="status">
        {announcement()}
      </span>
    </div>
  );
}
