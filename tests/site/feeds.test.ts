import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { filesIn, readText } from '../support/dist';
import { fixtureIds } from '../support/fixture-site';
import { fixtureSite } from '../support/sites';

type Item = {
  guid?: string;
  link?: string;
  'content:encoded'?: string;
  creator?: string;
  categories?: string[];
};
const parser = new Parser<Record<string, never>, Item>({ customFields: { item: ['content:encoded'] } });
const feedFiles = filesIn(fixtureSite.dist).filter((file) => file.endsWith('rss.xml'));
const origin = 'https://broadsheet.example';

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
        'series/fixture-series/rss.xml',
      ]),
    );
  });

  test.each(feedFiles)('%s parses and every item has a permalink guid equal to its link', async (file) => {
    const feed = await parser.parseString(readText(fixtureSite.dist, file));
    expect(feed.title).toBeTruthy();
    for (const item of feed.items) {
      expect(item.link).toMatch(/^https:\/\/broadsheet\.example\/articles\/[a-z0-9-]+\/$/);
      expect(item.guid).toBe(item.link);
    }
  });

  test('the site feed lists every published article, newest first', async () => {
    const feed = await parser.parseString(readText(fixtureSite.dist, 'rss.xml'));
    // 12 generated articles, the complete story and series part one; no draft, no embargo.
    expect(feed.items).toHaveLength(14);
    const dates = feed.items.map((item) => Date.parse(item.pubDate ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test('an item carries the full article with absolute image and link URLs', async () => {
    const feed = await parser.parseString(readText(fixtureSite.dist, 'rss.xml'));
    const item = feed.items.find((each) => each.link === `${origin}/articles/${fixtureIds.complete}/`);
    const content = item?.['content:encoded'] ?? '';
    expect(content).toContain('A fixture subheading');
    expect(content).toContain('second part of a synthetic three-part series');
    expect(content).toContain('An earlier version misspelt a synthetic word.');
    expect(content).toContain('The authors are synthetic and have nothing to declare.');
    const images = [...content.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(images).toHaveLength(3);
    for (const src of images) expect(src).toMatch(/^https:\/\/broadsheet\.example\/_astro\//);
    expect(content).not.toMatch(/(?:href|src)="\/(?!\/)/);
    expect(content).toContain('A stream in the woods. — Fixture Photos');
    expect(item?.categories).toEqual(expect.arrayContaining(['News', 'World', 'Fixture tag', 'Harbour']));
  });

  test('names every author with dc:creator and gives the lead image as media:content', () => {
    const xml = readText(fixtureSite.dist, 'rss.xml');
    const item = xml.split('<item>').find((each) => each.includes(fixtureIds.complete)) ?? '';
    expect(item).toContain('<dc:creator>Avery Fixture</dc:creator>');
    expect(item).toContain('<dc:creator>Rowan Testwell</dc:creator>');
    expect(item).toMatch(/<media:content url="https:\/\/broadsheet\.example\/_astro\/[^"]+" medium="image"/);
  });

  test('a section feed holds the articles of its subsections too', async () => {
    const news = await parser.parseString(readText(fixtureSite.dist, 'news/rss.xml'));
    const world = await parser.parseString(readText(fixtureSite.dist, 'news/world/rss.xml'));
    const links = new Set(news.items.map((item) => item.link));
    expect(world.items.length).toBeGreaterThan(0);
    for (const item of world.items) expect(links.has(item.link)).toBe(true);
  });
});
