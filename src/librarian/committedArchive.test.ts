/**
 * The archive the app ships, read as its readers get it: every article as its source published
 * it (no Markdown or template syntax left as text, no prose shown as code), with its original
 * address, its pictures kept or standing in as figures that link to them, and links to other
 * archived articles that stay in the archive.
 */
import { describe, expect, it } from 'vitest';
import { findFidelityProblems } from '../core/bodyFidelity';
import { readArchive } from './archive/readArchive';

const articles = (await readArchive('archive')).months.flatMap((month) => month.articles);
const where = (a: { date: string; slug: string }) => `${a.date.slice(0, 7)}/${a.slug}`;

describe('the committed archive', () => {
  it('has no body that shows Markdown or template syntax, or prose as code', () => {
    const problems = articles.flatMap((a) => findFidelityProblems(a.body).map((p) => `${where(a)}: ${p.kind}: ${p.excerpt}`));
    expect(problems).toEqual([]);
  });

  it('gives every Digital.gov article its address on digital.gov', () => {
    const digitalGov = articles.filter((a) => a.sources.some((s) => s.outlet === 'Digital.gov'));
    expect(digitalGov.length).toBeGreaterThan(2000);
    const without = digitalGov.filter((a) => !a.sources.some((s) => s.url?.startsWith('https://digital.gov/'))).map(where);
    expect(without).toEqual([]);
  });

  it('links archived articles to each other inside the archive, never to their original addresses', () => {
    const originals = new Set(articles.flatMap((a) => a.sources.map((s) => s.url?.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')).filter(Boolean)));
    const leaving = articles.flatMap((a) =>
      [...a.body.matchAll(/<a\b[^>]*\shref="(https?:\/\/[^"#]+)/g)]
        .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''))
        .filter((url) => originals.has(url))
        .map((url) => `${where(a)} → ${url}`),
    );
    expect(leaving).toEqual([]);
    expect(articles.filter((a) => a.body.includes('href="/articles/')).length).toBeGreaterThan(500);
  });

  it('shows no picture from another site: each is kept in the archive or stands in as a figure linking to it', () => {
    const remote = articles.flatMap((a) => [...a.body.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].filter((m) => !m[1]!.startsWith('images/')).map((m) => `${where(a)}: ${m[1]}`));
    expect(remote).toEqual([]);
    expect(articles.filter((a) => a.body.includes('<figure class="image-unavailable"><a href="https://')).length).toBeGreaterThan(1000);
  });
});
