import { useNavigate } from '@solidjs/router';
import { createUniqueId } from 'solid-js';
import { searchPath } from '../routePaths';

/** The search box: submitting it goes to `/search?q=…`, so the query lives in the URL. */
export function SearchForm(props: { query?: string }) {
  const navigate = useNavigate();
  const inputId = createUniqueId();
  let input!: HTMLInputElement;
  return (
    <form
      role="search"
      class="search-form"
      action={`${import.meta.env.BASE_URL}search`}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(searchPath(input.value));
      }}
    >
      <label for={inputId}>Search the archive</label>
      <div class="search-form__row">
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          value={props.query ?? ''}
          autocomplete="off"
          enterkeyhint="search"
          spellcheck={false}
        />
        <button type="submit" class="button">
          Search
        </button>
      </div>
    </form>
  );
}
