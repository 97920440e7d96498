import { A } from '@solidjs/router';

/** Help for a search that found nothing. */
export function SearchTips() {
  return (
    <ul class="tips">
      <li>Articles with every word come first; when none has them all, those with some of them are shown. Fewer words find more.</li>
      <li>Put words in quotes ("climate change") to find them together, in that order.</li>
      <li>Names are spelt in many ways. Known ones are searched together (Albu Kamal, Abu Kamal); for others, try another spelling.</li>
      <li>You can also paste the address of an article: the original’s, or its page in this archive.</li>
      <li>
        Or browse <A href="/archive">by month</A> or <A href="/categories">by category</A>.
      </li>
    </ul>
  );
}
