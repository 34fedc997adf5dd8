import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  archiveUrl,
  articleUrl,
  authorUrl,
  feedStylesheetUrl,
  feedUrl,
  homeUrl,
  jsonFeedUrl,
  listingPageUrl,
  newsSitemapUrl,
  notFoundUrl,
  reservedSegments,
  adminUrl,
  searchUrl,
  sectionUrl,
  seriesUrl,
  sitemapIndexUrl,
  staticPageUrl,
  tagSlug,
  tagUrl,
} from '../../src/lib/urls.ts';

describe('articleUrl', () => {
  test('an article lives under /articles/ by its slug alone, whatever its section', () => {
    expect(articleUrl('xiaomi-su7-launch')).toBe('/articles/xiaomi-su7-launch/');
  });
});

describe('sectionUrl', () => {
  test.each([
    { id: 'business', url: '/business/' },
    { id: 'business/auto', url: '/business/auto/' },
  ])('section $id is at $url', ({ id, url }) => {
    expect(sectionUrl(id)).toBe(url);
  });
});

describe('authorUrl', () => {
  test('an author page is under /authors/', () => {
    expect(authorUrl('ni-tao')).toBe('/authors/ni-tao/');
  });
});

describe('tagSlug', () => {
  test.each([
    { tag: 'xiaomi', slug: 'xiaomi' },
    { tag: 'Electric Vehicles', slug: 'electric-vehicles' },
    { tag: 'Lei Jun', slug: 'lei-jun' },
    { tag: 'M&A, deals', slug: 'm-a-deals' },
    { tag: 'AI: hype or help?', slug: 'ai-hype-or-help' },
    { tag: '"Quoted"', slug: 'quoted' },
    { tag: '...and more!', slug: 'and-more' },
    { tag: 'Covid-19', slug: 'covid-19' },
    { tag: '电动汽车', slug: '电动汽车' },
    { tag: '小米 SU7', slug: '小米-su7' },
    { tag: 'Café Society', slug: 'café-society' },
    { tag: 'Cafe\u0301', slug: 'café' },
    { tag: 'Électrique', slug: 'électrique' },
    { tag: 'ＡＢＣ', slug: 'abc' },
  ])('"$tag" slugs to "$slug"', ({ tag, slug }) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  test('tags that differ only in case and punctuation share a slug', () => {
    expect(tagSlug('Electric vehicles')).toBe(tagSlug('electric-vehicles!'));
  });

  test('a tag in a script with combining vowel signs (Hindi) keeps them', () => {
    expect(tagSlug('हिन्दी')).toBe('हिन्दी');
  });
});

describe('tagUrl', () => {
  test('a tag page is under /tags/ by the tag slug', () => {
    expect(tagUrl('Electric Vehicles')).toBe('/tags/electric-vehicles/');
    expect(tagUrl('电动汽车')).toBe('/tags/电动汽车/');
  });
});

describe('seriesUrl', () => {
  test('a series page is under /series/', () => {
    expect(seriesUrl('xiaomi-from-phones-to-cars')).toBe('/series/xiaomi-from-phones-to-cars/');
  });
});

describe("the site's own pages and files", () => {
  test.each([
    { name: 'front page', url: homeUrl, path: '/' },
    { name: 'search page', url: searchUrl, path: '/search/' },
    { name: 'not-found page', url: notFoundUrl, path: '/404.html' },
    { name: 'JSON Feed', url: jsonFeedUrl, path: '/feed.json' },
    { name: 'feed stylesheet', url: feedStylesheetUrl, path: '/rss.xsl' },
    { name: 'sitemap index', url: sitemapIndexUrl, path: '/sitemap-index.xml' },
    { name: 'news sitemap', url: newsSitemapUrl, path: '/news-sitemap.xml' },
  ])('the $name is at $path', ({ url, path }) => {
    expect(url).toBe(path);
  });

  test.each([
    { name: 'article', url: articleUrl('a') },
    { name: 'author', url: authorUrl('a') },
    { name: 'tag', url: tagUrl('a') },
    { name: 'series', url: seriesUrl('a') },
    { name: 'archive', url: archiveUrl() },
    { name: 'search', url: searchUrl },
    { name: 'CMS', url: adminUrl },
  ])('the first segment of the $name URL $url is reserved, so no section can take it', ({ url }) => {
    expect(reservedSegments).toContain(url.split('/')[1]);
  });
});

describe('staticPageUrl', () => {
  test('a page from content/pages/ is at the top level', () => {
    expect(staticPageUrl('about')).toBe('/about/');
  });
});

describe('archiveUrl', () => {
  test.each([
    { year: undefined, month: undefined, url: '/archive/' },
    { year: '2025', month: undefined, url: '/archive/2025/' },
    { year: '2025', month: '03', url: '/archive/2025/03/' },
  ])('year $year, month $month is at $url', ({ year, month, url }) => {
    expect(archiveUrl(year, month)).toBe(url);
  });
});

describe('listingPageUrl', () => {
  test.each([
    { base: '/', number: undefined, url: '/' },
    { base: '/', number: 1, url: '/page/1/' },
    { base: '/', number: 2, url: '/page/2/' },
    { base: '/business/auto/', number: undefined, url: '/business/auto/' },
    { base: '/business/auto/', number: 12, url: '/business/auto/page/12/' },
    { base: '/tags/xiaomi/', number: 3, url: '/tags/xiaomi/page/3/' },
  ])('page $number of $base is at $url', ({ base, number, url }) => {
    expect(listingPageUrl(base, number)).toBe(url);
  });
});

describe('feedUrl', () => {
  test.each([
    { page: '/', feed: '/rss.xml' },
    { page: '/business/auto/', feed: '/business/auto/rss.xml' },
    { page: '/tags/xiaomi/', feed: '/tags/xiaomi/rss.xml' },
  ])('the feed of $page is $feed', ({ page, feed }) => {
    expect(feedUrl(page)).toBe(feed);
  });
});

describe('absoluteUrl', () => {
  test.each([
    {
      origin: 'https://broadsheet.example',
      path: '/articles/a/',
      url: 'https://broadsheet.example/articles/a/',
    },
    {
      origin: 'https://broadsheet.example/',
      path: '/articles/a/',
      url: 'https://broadsheet.example/articles/a/',
    },
    { origin: 'https://broadsheet.example', path: '/', url: 'https://broadsheet.example/' },
    { origin: 'https://broadsheet.example/', path: '/rss.xml', url: 'https://broadsheet.example/rss.xml' },
  ])('$path on $origin is $url', ({ origin, path, url }) => {
    expect(absoluteUrl(path, origin)).toBe(url);
  });

  test('non-ASCII paths are percent-encoded into a valid URL', () => {
    expect(absoluteUrl(tagUrl('电动汽车'), 'https://broadsheet.example')).toBe(
      'https://broadsheet.example/tags/%E7%94%B5%E5%8A%A8%E6%B1%BD%E8%BD%A6/',
    );
  });
});
