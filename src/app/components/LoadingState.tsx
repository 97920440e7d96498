/** A calm placeholder: it fades in only if loading takes long enough to notice. */
export function LoadingState(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      {props.label ?? 'Loading…'}
    </p>
  );
}
