import { createSignal, Match, Show, Switch } from 'solid-js';
import { canRequestPersistence, persisted, requestPersistence } from '../pwa/storageStatus';

const BROWSER_DECIDES =
  'The browser decides, often from how much you use the app or whether it is installed; the archive works either way, but may be cleared when the device runs short of space.';

/** Whether the browser keeps the archive for good, and the button that asks it to. */
export function KeepOnDevice() {
  const [answer, setAnswer] = createSignal<boolean>();
  const [asking, setAsking] = createSignal(false);
  const ask = async () => {
    setAsking(true);
    setAnswer(await requestPersistence());
    setAsking(false);
  };
  return (
    <Show when={canRequestPersistence()} fallback={<p>This browser cannot be asked to keep the archive; it may clear it when space runs short.</p>}>
      <p>
        <Switch fallback="Checking whether the browser keeps the archive…">
          <Match when={persisted() === true}>Kept: the browser will not clear this archive to free space.</Match>
          <Match when={persisted() === false}>Not kept for good: the browser may clear it when the device runs short of space.</Match>
        </Switch>
      </p>
      {/* Once pressed, the button stays (disabled when granted) so that focus is not lost. */}
      <Show when={persisted() !== true || answer() !== undefined}>
        <button type="button" class="button" disabled={asking() || persisted() === true} onClick={() => void ask()}>
          Keep this archive on this device
        </button>
      </Show>
      <p role="status" class="keep-answer">
        <Show when={answer() !== undefined}>
          {answer() ? 'Granted: the browser agreed to keep this archive.' : 'Not granted: the browser did not agree.'} {BROWSER_DECIDES}
        </Show>
      </p>
    </Show>
  );
}
