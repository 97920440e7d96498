import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import { rememberSearch } from '../archive/archiveData';
import { createSearchBoxText } from '../createSearchBoxText';
import { searchPath } from '../routePaths';
import { RecentSearches } from './RecentSearches';

/**
 * The search box. Submitting goes to `/search?q=…` (or calls `onSubmit`), so the search lives in
 * the URL; with `onType`, the words are also handed over whenever typing pauses, for results that
 * follow the typing. Focused and empty, it offers the reader's recent searches.
 */
export function SearchForm(props: {
  /** The words in the URL, if the page has any. */
  query?: string;
  /** Called with the normalised words when typing pauses (see `createSearchBoxText`). */
  onType?: (q: string) => void;
  /** Called with the normalised words on submit; by default the form remembers them and goes to their results. */
  onSubmit?: (q: string) => void;
  /** Offer recent searches when the box is focused and empty (default: yes). */
  offerRecent?: boolean;
}) {
  const navigate = useNavigate();
  const inputId = createUniqueId();
  let form!: HTMLFormElement;
  let input!: HTMLInputElement;
  const box = createSearchBoxText({ urlQuery: () => props.query ?? '', onType: () => props.onType });
  const [focusWithin, setFocusWithin] = createSignal(false);
  const [dismissed, setDismissed] = createSignal(false);
  const recentOpen = () => props.offerRecent !== false && focusWithin() && box.text() === '' && !dismissed();

  const submit = () => {
    const q = box.submit();
    if (props.onSubmit) return props.onSubmit(q);
    void rememberSearch({ q });
    navigate(searchPath(q));
  };

  return (
    <form
      ref={form}
      role="search"
      class="search-form"
      action={`${import.meta.env.BASE_URL}search`}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onFocusIn={() => setFocusWithin(true)}
      onFocusOut={(event) => {
        if (!form.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && recentOpen()) {
          setDismissed(true);
          input.focus();
        }
      }}
    >
      <label for={inputId}>Search the archive</label>
      <div class="search-form__row">
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          value={box.text()}
          onInput={(event) => {
            setDismissed(false);
            box.input(event.currentTarget.value);
          }}
          autocomplete="off"
          enterkeyhint="search"
          spellcheck={false}
        />
        <button type="submit" class="button">
          Search
        </button>
      </div>
      <Show when={recentOpen()}>
        {/* Keeps focus in the box while a recent search is clicked (the list closes on blur). */}
        <div class="search-form__recent" onMouseDown={(event) => event.preventDefault()}>
          <RecentSearches onCleared={() => input.focus()} />
        </div>
      </Show>
    </form>
  );
}
