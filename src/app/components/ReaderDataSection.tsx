import { createResource, createSignal, Show } from 'solid-js';
import { describeReaderData, parseReaderData, READER_DATA_MAX_BYTES, readerDataFileName, type ReaderDataContents } from '../reader/readerData';
import { exportReaderData, importReaderData } from '../reader/readerDataStore';
import { formatBytes } from '../pwa/formatBytes';
import { mirrorImportedSettings } from '../reader/settings';

type ImportState =
  | { step: 'idle' }
  | { step: 'error'; message: string }
  | { step: 'confirm'; fileName: string; contents: ReaderDataContents }
  | { step: 'applying' };

/**
 * The About page's account of what the app keeps for the reader on this device (saved articles
 * and their copies, history and places, settings, recent searches), with Export to a JSON file and
 * Import from one: the file is checked whole and described before anything changes, the reader
 * confirms, it replaces the data in one transaction, and the app reloads so that every view (and
 * the settings applied before the first paint) reads it.
 */
export function ReaderDataSection() {
  const [summary, { refetch }] = createResource(async () => describeReaderData(await exportReaderData()));
  const [state, setState] = createSignal<ImportState>({ step: 'idle' });
  const [exported, setExported] = createSignal<string>();
  let input: HTMLInputElement | undefined;
  let importButton: HTMLButtonElement | undefined;

  const download = async () => {
    try {
      const at = new Date();
      const file = await exportReaderData(at);
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = readerDataFileName(at);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExported(`Exported ${describeReaderData(file)} to ${link.download}.`);
    } catch (error) {
      setExported(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const chosen = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > READER_DATA_MAX_BYTES) {
      setState({ step: 'error', message: `reader data: ${file.name}: ${formatBytes(file.size)} is more than a reader's data can be; choose a file this app exported` });
      return;
    }
    try {
      setState({ step: 'confirm', fileName: file.name, contents: parseReaderData(await file.text(), file.name) });
    } catch (error) {
      setState({ step: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const apply = async (contents: ReaderDataContents) => {
    setState({ step: 'applying' });
    try {
      await importReaderData(contents);
      // The reloaded page is painted with the imported text size and theme, not the old ones.
      mirrorImportedSettings(contents.settings);
      location.reload();
    } catch (error) {
      setState({ step: 'error', message: `Nothing was changed: the import failed (${error instanceof Error ? error.message : String(error)}).` });
      void refetch();
    }
  };

  const cancel = () => {
    setState({ step: 'idle' });
    if (input) input.value = '';
    importButton?.focus();
  };

  return (
    <section aria-labelledby="reader-data-heading">
      <h2 id="reader-data-heading">Your reading data</h2>
      <p>
        Kept on this device only:{' '}
        <Show when={summary.latest} fallback="your saved articles, history and places, settings and recent searches">
          {(s) => <>{s()}</>}
        </Show>
        . A new edition of the archive never changes it; clearing this site's data in the browser deletes it. Export it to a file to keep it or to move it to
        another device.
      </p>
      <div class="reader-data__actions">
        <button type="button" class="button" onClick={() => void download()}>
          Export to a file
        </button>
        <button type="button" class="button button--quiet" ref={importButton} onClick={() => input?.click()}>
          Import from a file…
        </button>
        <input
          id="reader-data-file"
          hidden
          type="file"
          accept="application/json,.json"
          ref={input}
          onChange={(event) => void chosen(event.currentTarget.files?.[0])}
        />
      </div>
      <p role="status">{exported()}</p>
      <div role="alert">
        <Show when={state().step === 'error' && (state() as { message: string }).message}>
          {(message) => <p class="reader-data__error">{message()}</p>}
        </Show>
      </div>
      <Show when={state().step === 'confirm' && (state() as Extract<ImportState, { step: 'confirm' }>)}>
        {(c) => (
          <div role="group" aria-labelledby="reader-data-confirm">
            <p id="reader-data-confirm">
              {c().fileName} holds {describeReaderData(c().contents)}. Replace what this device keeps with it?
            </p>
            <div class="reader-data__actions">
              <button type="button" class="button" ref={(b) => requestAnimationFrame(() => b.focus())} onClick={() => void apply(c().contents)}>
                Replace and reload
              </button>
              <button type="button" class="button button--quiet" onClick={cancel}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={state().step === 'applying'}>
        <p role="status">Importing…</p>
      </Show>
    </section>
  );
}
