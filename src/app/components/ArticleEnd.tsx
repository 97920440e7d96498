import type { Article } from '../../core/types';
import { describeReadingTime } from '../reader/readingTime';
import { MonthNeighbourLinks } from './MonthNeighbourLinks';
import { ShareArticle } from './ShareArticle';

/** "12 min read", for the article's byline (after its date). */
export function ReadingTime(props: { body: string }) {
  return (
    <>
      <span class="meta__sep" aria-hidden="true">
        ·
      </span>
      <span class="reading-time">{describeReadingTime(props.body)}</span>
    </>
  );
}

/** At an article's end: the newer and older articles of its month, then Share and Copy link. */
export function ArticleEnd(props: { article: Article }) {
  return (
    <>
      <MonthNeighbourLinks month={props.article.date.slice(0, 7)} slug={props.article.slug} />
      <ShareArticle title={props.article.title} sources={props.article.sources} />
    </>
  );
}
