import type { BundleManifest } from '../../core/format';

/** What the update prompt needs to know of an edition. */
export type EditionSummary = Pick<BundleManifest, 'edition' | 'articleCount'>;

/**
 * The update prompt's headline, from the edition saved on this device and the one the waiting
 * version brings (undefined when either could not be read, offline for one):
 * "New edition available: 3 new articles", or "A new version of the app is available" when
 * only the app changed.
 */
export function describeEditionUpdate(saved: EditionSummary | undefined, next: EditionSummary | undefined): string {
  if (!saved || !next) return 'A new version is available';
  if (saved.edition === next.edition) return 'A new version of the app is available';
  const added = next.articleCount - saved.articleCount;
  const n = Math.abs(added);
  const articles = `${n === 1 ? 'article' : 'articles'}`;
  if (added > 0) return `New edition available: ${n.toLocaleString('en-GB')} new ${articles}`;
  if (added < 0) return `New edition available: ${n.toLocaleString('en-GB')} fewer ${articles}`;
  return 'New edition available: articles updated';
}
