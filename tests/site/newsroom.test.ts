import Parser from 'rss-parser';
import { load } from 'cheerio';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { lintContent } from '../../src/lib/lint/index.ts';
import { site } from '../../src/site.config.ts';
import { filesIn, page, readText, searchIndexUrls } from '../support/dist.ts';
import { onSite } from '../support/expected.ts';
import { newsroomSite } from '../support/sites.ts';

/**
 * The newsroom's own content/, whatever its editors have committed, built as it would be published
 * when the run started. Only what holds for every newsroom is checked here: the seed article's exact
 * pages are checked on its frozen copy (seed-article.test.ts).
 */

const newsroom = newsroomSite(inject('newsroomNow'));
const dist = newsroom.dist;
const articlesDir = join(dist, 'articles');

/** The URL of every article page built, sorted. */
const articlePages = existsSync(articlesDir)
  ? filesIn(articlesDir)
      .filter((file) => /^[^/]+\/index\.html$/.test(file))
      .map((file) => `/articles/${file.slice(0, -'/index.html'.length)}/`)
  : [];

/** The text of every `<loc>` in the XML files of `dist` named by `pattern`. */
function locs(pattern: RegExp): string[] {
  return filesIn(dist)
    .filter((file) => pattern.test(file))
    .flatMap((file) => {
      const $ = load(readText(dist, file), { xml: true });
      return $('url > loc')
        .toArray()
        .map((loc) => $(loc).text());
    });
}

describe("every article the newsroom's content/ publishes is published exactly once", () => {
  let published: number;
  beforeAll(async () => {
    ({ published } = await lintContent(newsroom.content, new Date(newsroom.now)));
  });

  test('with one article page for each article the content check counts as published', () => {
    expect(articlePages).toHaveLength(published);
  });

  test('listed once in the sitemap, which lists no other article URL', () => {
    const listed = locs(/^sitemap-\d+\.xml$/).filter((url) => url.startsWith(onSite('/articles/')));
    expect(listed.sort()).toEqual(articlePages.map(onSite));
  });

  test('indexed once for search, beside nothing else', () => {
    expect(searchIndexUrls(dist).sort()).toEqual(articlePages);
  });

  test('in the site feeds as the newest of them, up to site.feedItems, each once', async () => {
    const rss = await new Parser().parseString(readText(dist, 'rss.xml'));
    const links = rss.items.map((item) => item.link ?? '');
    expect(links).toHaveLength(Math.min(published, site.feedItems));
    expect(new Set(links).size).toBe(links.length);
    for (const link of links) expect(articlePages.map(onSite)).toContain(link);
    const json = JSON.parse(readText(dist, 'feed.json')) as { items: { id: string }[] };
    expect(json.items.map((item) => item.id)).toEqual(rss.items.map((item) => item.guid));
  });

  test('in the news sitemap only with its own article page', () => {
    for (const url of locs(/^news-sitemap\.xml$/)) expect(articlePages.map(onSite)).toContain(url);
  });
});

test.each(articlePages.map((url) => [url]))(
  '%s names itself as canonical, on the site’s origin, under one h1',
  (url) => {
    const $ = page(dist, url);
    expect($('link[rel="canonical"]').attr('href')).toBe(onSite(url));
    expect($('h1')).toHaveLength(1);
  },
);
