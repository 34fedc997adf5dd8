import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { sitemapEntryLimit, sitemapFiles, sitemapPages } from '../../src/lib/sitemap.ts';

const siteUrl = 'https://broadsheet.example';
const on = (path: string) => `${siteUrl}${path}`;

/** A sitemap file's <url> entries, read back as XML. */
function entries(xml: string | undefined) {
  const $ = load(xml ?? '', { xml: true });
  return $('urlset > url')
    .toArray()
    .map((url) => ({ loc: $(url).children('loc').text(), lastmod: $(url).children('lastmod').text() }));
}

/** The sitemap index's files, read back as XML. */
function indexed(xml: string | undefined) {
  const $ = load(xml ?? '', { xml: true });
  return $('sitemapindex > sitemap')
    .toArray()
    .map((each) => ({ loc: $(each).children('loc').text(), lastmod: $(each).children('lastmod').text() }));
}

describe('sitemapPages', () => {
  test('lists the pages Astro built and every dated page of the record once, dated by the record', () => {
    const listed = sitemapPages(
      ['', 'about/', 'archive/', 'articles/a/'],
      [
        { path: '/', updated: '2026-01-02T00:00:00.000Z' },
        { path: '/articles/a/', updated: '2026-01-01T09:00:00.000Z' },
        { path: '/articles/b/', updated: '2025-12-31T09:00:00.000Z' },
        { path: '/news/page/1/', updated: undefined },
      ],
      siteUrl,
    );
    expect(listed).toEqual(
      expect.arrayContaining([
        { url: on('/'), lastmod: '2026-01-02T00:00:00.000Z' },
        { url: on('/about/'), lastmod: undefined },
        { url: on('/archive/'), lastmod: undefined },
        { url: on('/articles/a/'), lastmod: '2026-01-01T09:00:00.000Z' },
        { url: on('/articles/b/'), lastmod: '2025-12-31T09:00:00.000Z' },
        { url: on('/news/page/1/'), lastmod: undefined },
      ]),
    );
    expect(listed).toHaveLength(6);
  });

  test('leaves out the feeds the record holds beside the pages', () => {
    const listed = sitemapPages(
      [''],
      [
        { path: '/news/', updated: undefined },
        { path: '/news/rss.xml', updated: undefined },
        { path: '/rss.xml', updated: undefined },
      ],
      siteUrl,
    );
    expect(listed.map(({ url }) => url).sort()).toEqual([on('/'), on('/news/')]);
  });

  test('leaves out the search page and the error pages', () => {
    const listed = sitemapPages(['', 'search/', '404/', '500/', '404-reasons/'], [], siteUrl);
    expect(listed.map(({ url }) => url).sort()).toEqual([on('/'), on('/404-reasons/')]);
  });
});

describe('sitemapFiles', () => {
  test('lists pages in URL order, page numbers by value, each with its date if it has one', () => {
    const files = sitemapFiles(
      [
        { url: on('/news/page/10/'), lastmod: '2026-01-03T00:00:00.000Z' },
        { url: on('/news/page/2/') },
        { url: on('/about/') },
        { url: on('/news/page/9/'), lastmod: '2026-01-01T00:00:00.000Z' },
      ],
      siteUrl,
    );
    expect([...files.keys()].sort()).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(entries(files.get('sitemap-0.xml'))).toEqual([
      { loc: on('/about/'), lastmod: '' },
      { loc: on('/news/page/2/'), lastmod: '' },
      { loc: on('/news/page/9/'), lastmod: '2026-01-01T00:00:00.000Z' },
      { loc: on('/news/page/10/'), lastmod: '2026-01-03T00:00:00.000Z' },
    ]);
    expect(indexed(files.get('sitemap-index.xml'))).toEqual([
      { loc: on('/sitemap-0.xml'), lastmod: '2026-01-03T00:00:00.000Z' },
    ]);
  });

  test('splits a large site into files of the protocol’s size, each dated by its newest page', () => {
    const pages = Array.from({ length: sitemapEntryLimit + 2 }, (_, at) => ({
      url: on(`/articles/story-${at}/`),
      lastmod: new Date(Date.UTC(2020, 0, 1) + at * 60_000).toISOString(),
    }));
    const files = sitemapFiles(pages, siteUrl);
    const first = entries(files.get('sitemap-0.xml'));
    const second = entries(files.get('sitemap-1.xml'));
    expect(first).toHaveLength(sitemapEntryLimit);
    expect(second.map(({ loc }) => loc)).toEqual([
      on(`/articles/story-${sitemapEntryLimit}/`),
      on(`/articles/story-${sitemapEntryLimit + 1}/`),
    ]);
    expect(indexed(files.get('sitemap-index.xml'))).toEqual([
      { loc: on('/sitemap-0.xml'), lastmod: pages[sitemapEntryLimit - 1]!.lastmod },
      { loc: on('/sitemap-1.xml'), lastmod: pages[sitemapEntryLimit + 1]!.lastmod },
    ]);
  });

  test('escapes what XML must', () => {
    const files = sitemapFiles([{ url: on('/tags/r&d/?a=1&b=<2>') }], siteUrl);
    expect(files.get('sitemap-0.xml')).toContain('/tags/r&amp;d/?a=1&amp;b=&lt;2&gt;</loc>');
    expect(entries(files.get('sitemap-0.xml'))).toEqual([{ loc: on('/tags/r&d/?a=1&b=<2>'), lastmod: '' }]);
  });
});
