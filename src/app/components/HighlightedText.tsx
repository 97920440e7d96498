import { For } from 'solid-js';
import type { Highlighted } from '../../search/client';

/**
 * Text with the words a search matched in `<mark>`. The parts are set as text, never as HTML, so
 * nothing in an article can inject markup here.
 */
export function HighlightedText(props: { text: Highlighted }) {
  return <For each={props.text}>{(part) => (part.match ? <mark>{part.text}</mark> : part.text)}</For>;
}
