/** "1 article", "2,084 articles": counts as lists and ledes print them. */
export function formatArticleCount(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'article' : 'articles'}`;
}
