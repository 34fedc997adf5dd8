import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { newsLanguage, newsSitemap, newsSitemapLimit, newsWindowHours } from '../../src/lib/sitemap.ts';
import type { NewsEntry } from '../../src/lib/sitemap.ts';

const site = { name: 'The Broadsheet', language: 'en', url: 'https://broadsheet.example' };
const now = new Date('2026-01-15T04:00:00Z');
const hour = 3_600_000;

/** An entry published `msAgo` milliseconds before `now` (negative: after it). */
const entry = (id: string, msAgo: number): NewsEntry => ({
  url: `/articles/${id}/`,
  title: `Headline of ${id}`,
  publishedAt: new Date(now.getTime() - msAgo),
});

/** The sitemap's <url> entries, read back as XML. */
function read(xml: string) {
  const $ = load(xml, { xml: true });
  return $('urlset > url')
    .toArray()
    .map((url) => ({
      loc: $(url).children('loc').text(),
      name: $(url).find('news\\:publication > news\\:name').text(),
      language: $(url).find('news\\:publication > news\\:language').text(),
      date: $(url).find('news\\:publication_date').text(),
      title: $(url).find('news\\:title').text(),
    }));
}

const locs = (xml: string) =>
  read(xml).map((url) => url.loc.replace('https://broadsheet.example/articles/', ''));

describe('newsSitemap: which articles', () => {
  test.each([
    { when: 'published at the build clock', msAgo: 0, listed: true },
    { when: 'published an hour ago', msAgo: hour, listed: true },
    { when: 'published exactly 48 hours ago', msAgo: newsWindowHours * hour, listed: true },
    { when: 'published 48 hours and a millisecond ago', msAgo: newsWindowHours * hour + 1, listed: false },
    { when: 'published a week ago', msAgo: 7 * 24 * hour, listed: false },
    { when: 'published a millisecond after the build clock', msAgo: -1, listed: false },
  ])('an article $when is listed: $listed', ({ msAgo, listed }) => {
    expect(locs(newsSitemap([entry('story', msAgo)], now, site))).toEqual(listed ? ['story/'] : []);
  });

  test('an empty newsroom gets a valid, empty news sitemap', () => {
    const xml = newsSitemap([], now, site);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const $ = load(xml, { xml: true });
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('urlset').attr('xmlns:news')).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect($('url')).toHaveLength(0);
  });

  test('articles keep the order they are given, ties in publication time included', () => {
    const entries = [entry('b', hour), entry('a', hour), entry('c', 2 * hour)];
    expect(locs(newsSitemap(entries, now, site))).toEqual(['b/', 'a/', 'c/']);
  });

  test(`at most ${newsSitemapLimit} articles, the first (newest) ones, as Google News allows`, () => {
    const entries = Array.from({ length: newsSitemapLimit + 5 }, (_, index) =>
      entry(`s${index}`, index * 1000),
    );
    const listed = locs(newsSitemap(entries, now, site));
    expect(listed).toHaveLength(newsSitemapLimit);
    expect(listed[0]).toBe('s0/');
    expect(listed.at(-1)).toBe(`s${newsSitemapLimit - 1}/`);
  });
});

describe('newsSitemap: what each entry says', () => {
  test('absolute URL, publication name and language, W3C date and title', () => {
    expect(read(newsSitemap([entry('story', hour)], now, site))).toEqual([
      {
        loc: 'https://broadsheet.example/articles/story/',
        name: 'The Broadsheet',
        language: 'en',
        date: '2026-01-15T03:00:00.000Z',
        title: 'Headline of story',
      },
    ]);
  });

  test('titles and names with markup characters are escaped, and read back as written', () => {
    const hostile = { ...entry('story', hour), title: 'Q&A: <b>"Tom’s" & Jerry\'s</b>' };
    const xml = newsSitemap([hostile], now, { ...site, name: 'News & <Views>' });
    expect(xml).not.toContain('<b>');
    expect(read(xml)[0]).toMatchObject({ title: hostile.title, name: 'News & <Views>' });
  });
});

describe('newsLanguage', () => {
  test.each([
    { language: 'en', news: 'en' },
    { language: 'en-GB', news: 'en' },
    { language: 'EN-us', news: 'en' },
    { language: 'fr-CA', news: 'fr' },
    { language: 'fil', news: 'fil' },
    { language: 'zh', news: 'zh-cn' },
    { language: 'zh-CN', news: 'zh-cn' },
    { language: 'zh-Hans', news: 'zh-cn' },
    { language: 'zh-SG', news: 'zh-cn' },
    { language: 'zh-TW', news: 'zh-tw' },
    { language: 'zh-HK', news: 'zh-tw' },
    { language: 'zh-Hant', news: 'zh-tw' },
  ])('the site language $language is $news in the news sitemap', ({ language, news }) => {
    expect(newsLanguage(language)).toBe(news);
    expect(read(newsSitemap([entry('story', hour)], now, { ...site, language }))[0]?.language).toBe(news);
  });
});
