import { load } from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { filesIn, readText } from '../support/dist.ts';
import { site } from '../../src/site.config.ts';
import { feedTopic } from '../../src/lib/websub.ts';
import { onSite, onSitePattern, published, urlsOf } from '../support/expected.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { fixtureManifest, fixtureSite } from '../support/sites.ts';

type Item = { guid?: string; link?: string; 'content:encoded'?: string; categories?: string[] };
const parser = new Parser<Record<string, never>, Item>({ customFields: { item: ['content:encoded'] } });
const feedFiles = filesIn(fixtureSite.dist).filter((file) => file.endsWith('rss.xml'));
const live = published(fixtureManifest());
const absolute = (urls: string[]) => urls.map(onSite);

describe('RSS feeds of the fixture site', () => {
  test('exist for the site and every section, author, tag and series', () => {
    expect(feedFiles).toEqual(
      expect.arrayContaining([
        'rss.xml',
        'news/rss.xml',
        'news/world/rss.xml',
        'business/markets/rss.xml',
        'authors/avery-fixture/rss.xml',
        'tags/harbour/rss.xml',
        'tags/港口/rss.xml',
        'series/fixture-series/rss.xml',
      ]),
    );
  });

  test.each(feedFiles)(
    '%s parses, uses the stylesheet and gives every item its permalink as guid',
    async (file) => {
      const xml = readText(fixtureSite.dist, file);
      expect(xml).toContain('<?xml-stylesheet href="/rss.xsl" type="text/xsl"?>');
      const feed = await parser.parseString(xml);
      expect(feed.title).toBeTruthy();
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.length).toBeLessThanOrEqual(site.feedItems);
      for (const item of feed.items) {
        expect(item.link).toMatch(onSitePattern('/articles/[a-z0-9-]+/$'));
        expect(item.guid).toBe(item.link);
      }
    },
  );

  test.each(feedFiles)(
    '%s names the WebSub hub, and as its self link the URL that npm run notify announces',
    (file) => {
      const $ = load(readText(fixtureSite.dist, file), { xml: true });
      expect($('channel > atom\\:link[rel="hub"]').attr('href')).toBe(site.websubHub);
      expect($('channel > atom\\:link[rel="self"]').attr('href')).toBe(feedTopic(file, site.url));
    },
  );

  test('the site feed holds the newest published articles, as many as site.feedItems, newest first', async () => {
    const feed = await parser.parseString(readText(fixtureSite.dist, 'rss.xml'));
    expect(feed.items.map((item) => item.link)).toEqual(absolute(urlsOf(live.slice(0, site.feedItems))));
  });

  test('a section feed holds the newest articles of the section and its subsections', async () => {
    const feed = await parser.parseString(readText(fixtureSite.dist, 'news/rss.xml'));
    const expected = live.filter((entry) => entry.section === 'news' || entry.section.startsWith('news/'));
    expect(feed.items.map((item) => item.link)).toEqual(absolute(urlsOf(expected.slice(0, site.feedItems))));
  });

  test('an author feed and a tag feed hold exactly their articles', async () => {
    const author = await parser.parseString(readText(fixtureSite.dist, 'authors/sam-stubbs/rss.xml'));
    expect(author.items.map((item) => item.link)).toEqual(
      absolute(urlsOf(live.filter((entry) => entry.authors.includes('sam-stubbs')).slice(0, site.feedItems))),
    );
    const tag = await parser.parseString(readText(fixtureSite.dist, 'tags/港口/rss.xml'));
    expect(tag.items.map((item) => item.link)).toEqual(
      absolute(urlsOf(live.filter((entry) => entry.tags.includes('港口')).slice(0, site.feedItems))),
    );
  });

  test('an item carries the full article with absolute image and link URLs', async () => {
    const feed = await parser.parseString(readText(fixtureSite.dist, 'series/fixture-series/rss.xml'));
    const item = feed.items.find((each) => each.link === onSite(`/articles/${fixtureIds.complete}/`));
    const content = item?.['content:encoded'] ?? '';
    expect(content).toContain('A fixture subheading');
    expect(content).toContain('second part of a synthetic three-part series');
    expect(content).toContain('An earlier version misspelt a synthetic word.');
    expect(content).toContain('The authors are synthetic and have nothing to declare.');
    const images = [...content.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(images).toHaveLength(3);
    for (const src of images) expect(src).toMatch(onSitePattern('/_astro/'));
    expect(content).not.toMatch(/(?:href|src)="\/(?!\/)/);
    expect(content).toContain('A stream in the woods. — Fixture Photos');
    expect(item?.categories).toEqual(expect.arrayContaining(['News', 'World', 'Fixture tag', 'Harbour']));
  });

  test('names every author with dc:creator and gives the lead image as media:content', () => {
    const xml = readText(fixtureSite.dist, 'series/fixture-series/rss.xml');
    const item = xml.split('<item>').find((each) => each.includes(fixtureIds.complete)) ?? '';
    expect(item).toContain('<dc:creator>Avery Fixture</dc:creator>');
    expect(item).toContain('<dc:creator>Rowan Testwell</dc:creator>');
    expect(/<media:content url="([^"]+)" medium="image"/.exec(item)?.[1]).toMatch(onSitePattern('/_astro/'));
  });

  test('the JSON Feed 1.1 beside the site feed has the same items', async () => {
    const json = JSON.parse(readText(fixtureSite.dist, 'feed.json')) as {
      version: string;
      items: { id: string; url: string; content_html: string }[];
    };
    const rss = await parser.parseString(readText(fixtureSite.dist, 'rss.xml'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((item) => item.id)).toEqual(rss.items.map((item) => item.guid));
    expect(json.items.every((item) => item.content_html.length > 0)).toBe(true);
  });

  test('the JSON Feed names the WebSub hub, and as its feed_url the URL that npm run notify announces', () => {
    const json = JSON.parse(readText(fixtureSite.dist, 'feed.json')) as { feed_url: string; hubs: unknown };
    expect(json.hubs).toEqual([{ type: 'WebSub', url: site.websubHub }]);
    expect(json.feed_url).toBe(feedTopic('feed.json', site.url));
  });
});
