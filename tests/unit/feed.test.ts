import { getRssString } from '@astrojs/rss';
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import {
  articleFeeds,
  feedChannel,
  feedItem,
  feedTitle,
  jsonFeed,
  lastModified,
  listingFeedTitle,
} from '../../src/lib/feed.ts';
import type { ItemMedia } from '../../src/lib/feed.ts';
import type { Listing } from '../../src/lib/listings.ts';
import { article, authors, site, story } from './newsroom-fixture.ts';

const figure = (index: number) =>
  `<figure><img src="/_astro/body-${index}.jpg" alt="Photo ${index}"></figure>`;
const body =
  '<p>First <a href="/articles/part-one/">part one</a>.</p>' +
  '<broadsheet-figure data-figure="0"></broadsheet-figure>' +
  '<p>Middle.</p>' +
  '<broadsheet-figure data-figure="1"></broadsheet-figure>' +
  '<p>Last, see <a href="https://other.example/x">elsewhere</a>.</p>';
const media: ItemMedia = {
  html: body,
  figure,
  leadFigure: '<figure><img src="/_astro/lead.jpg" alt="Lead"></figure>',
  lead: { url: 'https://broadsheet.example/_astro/lead.jpg', width: 1200, height: 800, type: 'image/jpeg' },
};

const full = article({
  id: 'xiaomi-decorum',
  section: 'business/auto',
  authors: ['ni-tao', 'li-mei'],
  publishedAt: '2025-03-03T09:00:00+08:00',
  tags: ['Xiaomi', 'Electric vehicles'],
  data: {
    editorsNote: 'The second of two parts & a <b>bold</b> claim.',
    disclosure: 'The author has no conflicts.',
    corrections: [{ date: new Date('2025-03-04T10:00:00+08:00'), text: 'The price was < 200,000 yuan.' }],
    updatedAt: new Date('2025-03-04T10:00:00+08:00'),
  },
});
const plain = article({
  id: 'plain',
  section: 'business',
  authors: ['ni-tao'],
  publishedAt: '2025-03-01T09:00:00+08:00',
});

describe('feedItem', () => {
  const item = feedItem(full, media, site);
  const content = item.content ?? '';

  test('links to the absolute permalink, with the headline, standfirst and publication time', () => {
    expect(item.link).toBe('https://broadsheet.example/articles/xiaomi-decorum/');
    expect(item.title).toBe(full.data.title);
    expect(item.description).toBe(full.data.standfirst);
    expect(item.pubDate).toEqual(new Date('2025-03-03T01:00:00Z'));
  });

  test('content has lead figure, editor’s note, body, corrections and disclosure, in that order', () => {
    const positions = [
      'https://broadsheet.example/_astro/lead.jpg',
      'Editor’s note: The second of two parts',
      '<p>First ',
      'body-0.jpg',
      '<p>Middle.</p>',
      'body-1.jpg',
      '<p>Last, see',
      'Correction (4 March 2025)',
      'The author has no conflicts.',
    ].map((needle) => content.indexOf(needle));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('figure placeholders are replaced by the figure HTML', () => {
    expect(content).not.toContain('broadsheet-figure');
    expect(content).toContain(
      '<figure><img src="https://broadsheet.example/_astro/body-0.jpg" alt="Photo 0"></figure>',
    );
    expect(content).toContain(
      '<figure><img src="https://broadsheet.example/_astro/body-1.jpg" alt="Photo 1"></figure>',
    );
  });

  test('root-relative URLs become absolute and external ones are kept', () => {
    expect(content).toContain('href="https://broadsheet.example/articles/part-one/"');
    expect(content).toContain('href="https://other.example/x"');
    expect(content).not.toMatch(/(href|src)="\/(?!\/)/);
  });

  test('editor-supplied text in the note and corrections is escaped', () => {
    expect(content).toContain('The second of two parts &amp; a &lt;b&gt;bold&lt;/b&gt; claim.');
    expect(content).toContain('The price was &lt; 200,000 yuan.');
    expect(content).not.toContain('<b>bold</b>');
  });

  test('a correction is dated in the site timezone (Shanghai), not in UTC', () => {
    // 07:00 on 4 March in Shanghai is still 3 March in UTC.
    const early = article({
      id: 'early',
      section: 'business',
      authors: ['ni-tao'],
      publishedAt: '2025-03-01T09:00:00+08:00',
      data: { corrections: [{ date: new Date('2025-03-04T07:00:00+08:00'), text: 'Fixed.' }] },
    });
    expect(site.timezone).toBe('Asia/Shanghai');
    expect(feedItem(early, { html: '', figure }, site).content).toContain('Correction (4 March 2025)');
  });

  test('an article without note, corrections or disclosure has just its body', () => {
    expect(feedItem(plain, { html: '<p>Plain.</p>', figure }, site).content).toBe('<p>Plain.</p>');
  });

  test('categories are the section path names, then the tags', () => {
    expect(item.categories).toEqual(['Business', 'Auto', 'Xiaomi', 'Electric vehicles']);
  });

  test('each author is one dc:creator', () => {
    expect(item.customData?.match(/<dc:creator>[^<]*<\/dc:creator>/g)).toEqual([
      '<dc:creator>Ni Tao</dc:creator>',
      '<dc:creator>Li Mei</dc:creator>',
    ]);
  });

  test('author names are escaped in dc:creator', () => {
    const awkward = { ...authors.get('ni-tao')!, name: 'Tom & <Jerry> "O\'Brien"' };
    const byline = { ...plain, authors: [awkward] };
    expect(feedItem(byline, { html: '', figure }, site).customData).toContain(
      '<dc:creator>Tom &amp; &lt;Jerry&gt; &quot;O&apos;Brien&quot;</dc:creator>',
    );
  });

  test('the lead image is media:content with its size and type', () => {
    expect(item.customData).toContain(
      '<media:content url="https://broadsheet.example/_astro/lead.jpg" medium="image" type="image/jpeg" width="1200" height="800"/>',
    );
  });

  test('without a lead image there is no media:content', () => {
    expect(feedItem(plain, { html: '<p>Plain.</p>', figure }, site).customData).not.toContain(
      'media:content',
    );
  });

  test('an updated article says when, and one never updated does not', () => {
    expect(item.customData).toContain('<atom:updated>2025-03-04T02:00:00.000Z</atom:updated>');
    expect(feedItem(plain, { html: '<p>Plain.</p>', figure }, site).customData).not.toContain('atom:updated');
  });
});

describe('feedChannel', () => {
  const listing = (kind: Listing['kind'], path: string, articles = [full, plain]): Listing => ({
    kind,
    key: path,
    path,
    title: kind === 'home' ? site.name : 'Auto',
    description: 'Carmakers.',
    articles,
  });
  const now = new Date('2025-03-10T12:00:00Z');

  test.each([
    { kind: 'home' as const, path: '/', title: 'The Broadsheet', self: 'https://broadsheet.example/rss.xml' },
    {
      kind: 'section' as const,
      path: '/business/auto/',
      title: 'Auto | The Broadsheet',
      self: 'https://broadsheet.example/business/auto/rss.xml',
    },
  ])('the $kind feed is titled "$title" and points to itself at $self', ({ kind, path, title, self }) => {
    const channel = feedChannel(listing(kind, path), [], site, now);
    expect(channel.title).toBe(title);
    expect(channel.site).toBe(`https://broadsheet.example${path}`);
    expect(channel.description).toBe('Carmakers.');
    expect(channel.customData).toContain(`<atom:link href="${self}" rel="self" type="application/rss+xml"/>`);
    expect(channel.customData).toContain('<language>en</language>');
  });

  test.each([
    { what: 'the newest article’s update', articles: [full, plain], date: 'Tue, 04 Mar 2025 02:00:00 GMT' },
    {
      what: 'the latest change among the items, even when an older article was corrected since',
      articles: [plain, full],
      date: 'Tue, 04 Mar 2025 02:00:00 GMT',
    },
    {
      what: 'the newest article’s publication when none was updated',
      articles: [plain],
      date: 'Sat, 01 Mar 2025 01:00:00 GMT',
    },
    {
      what: 'the build clock when there are no articles',
      articles: [],
      date: 'Mon, 10 Mar 2025 12:00:00 GMT',
    },
  ])('lastBuildDate is $what', ({ articles, date }) => {
    const channel = feedChannel(listing('section', '/business/', articles), [], site, now);
    expect(channel.customData).toContain(`<lastBuildDate>${date}</lastBuildDate>`);
  });

  test('the channel and its items make RSS a feed reader can parse', async () => {
    const items = [feedItem(full, media, site), feedItem(plain, { html: '<p>Plain.</p>', figure }, site)];
    const xml = await getRssString(feedChannel(listing('home', '/'), items, site, now));
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('The Broadsheet');
    expect(feed.items.map((each) => each.link)).toEqual([
      'https://broadsheet.example/articles/xiaomi-decorum/',
      'https://broadsheet.example/articles/plain/',
    ]);
    expect(feed.items[0]?.guid).toBe('https://broadsheet.example/articles/xiaomi-decorum/');
    expect(feed.items[0]?.['content:encoded']).toContain('https://broadsheet.example/_astro/body-1.jpg');
  });
});

describe('WebSub hub', () => {
  const home: Listing = {
    kind: 'home',
    key: '/',
    path: '/',
    title: site.name,
    description: 'News.',
    articles: [plain],
  };
  const now = new Date('2025-03-10T12:00:00Z');
  const rssOf = (websubHub: string | false) =>
    getRssString(feedChannel(home, [], { ...site, websubHub }, now)).then((xml) => load(xml, { xml: true }));

  test('the RSS channel names the hub beside its self link, so readers can subscribe through it', async () => {
    const $ = await rssOf('https://hub.example/');
    expect($('channel > atom\\:link[rel="hub"]').attr('href')).toBe('https://hub.example/');
    expect($('channel > atom\\:link[rel="self"]').attr('href')).toBe('https://broadsheet.example/rss.xml');
  });

  test('a hub URL with a query is escaped in the XML and reads back whole', async () => {
    const $ = await rssOf('https://hub.example/publish?a=1&b=<2>');
    expect($('channel > atom\\:link[rel="hub"]').attr('href')).toBe('https://hub.example/publish?a=1&b=<2>');
  });

  test('the JSON Feed names the hub as a WebSub endpoint', () => {
    expect(jsonFeed(home, [], site).hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
  });

  test('with the hub switched off, neither feed names a hub', async () => {
    const $ = await rssOf(false);
    expect($('atom\\:link[rel="hub"]')).toHaveLength(0);
    expect($('channel > atom\\:link[rel="self"]')).toHaveLength(1);
    expect(jsonFeed(home, [], { ...site, websubHub: false })).not.toHaveProperty('hubs');
  });
});

describe('articleFeeds', () => {
  test("lists the feeds of the article's sections from the top, its authors and its series", () => {
    const inSeries = article({
      id: 'xiaomi-decorum',
      section: 'business/auto',
      authors: ['ni-tao', 'li-mei'],
      publishedAt: '2025-03-03T09:00:00+08:00',
      series: { id: 'xiaomi', part: 2 },
    });
    expect(articleFeeds(inSeries, site.name)).toEqual([
      { title: 'Business | The Broadsheet', path: '/business/rss.xml' },
      { title: 'Auto | The Broadsheet', path: '/business/auto/rss.xml' },
      { title: 'Ni Tao | The Broadsheet', path: '/authors/ni-tao/rss.xml' },
      { title: 'Li Mei | The Broadsheet', path: '/authors/li-mei/rss.xml' },
      { title: 'Xiaomi: from phones to cars | The Broadsheet', path: '/series/xiaomi/rss.xml' },
    ]);
  });

  test('an article outside any series has no series feed', () => {
    const alone = article({
      id: 'alone',
      section: 'world',
      authors: ['li-mei'],
      publishedAt: '2025-03-03T09:00:00+08:00',
    });
    expect(articleFeeds(alone, site.name)).toEqual([
      { title: 'World | The Broadsheet', path: '/world/rss.xml' },
      { title: 'Li Mei | The Broadsheet', path: '/authors/li-mei/rss.xml' },
    ]);
  });
});

describe('feedTitle', () => {
  test.each([
    { name: undefined, title: 'The Broadsheet' },
    { name: 'Auto', title: 'Auto | The Broadsheet' },
    { name: 'Ni Tao', title: 'Ni Tao | The Broadsheet' },
  ])('the feed of "$name" is titled "$title"', ({ name, title }) => {
    expect(feedTitle('The Broadsheet', name)).toBe(title);
  });

  test.each([
    { kind: 'home' as const, title: 'The Broadsheet' },
    { kind: 'section' as const, title: 'Auto | The Broadsheet' },
    { kind: 'tag' as const, title: 'Auto | The Broadsheet' },
  ])('a $kind listing’s RSS channel, JSON Feed and link title all read "$title"', ({ kind, title }) => {
    const listing: Listing = {
      kind,
      key: 'auto',
      path: '/auto/',
      title: 'Auto',
      description: '',
      articles: [],
    };
    expect(listingFeedTitle(listing, site.name)).toBe(title);
    expect(feedChannel(listing, [], site, new Date()).title).toBe(title);
    expect(jsonFeed(listing, [], site).title).toBe(title);
  });
});

describe('preview items', () => {
  const inState = (state: 'draft' | 'embargoed') => ({
    ...article({
      id: `a-${state}`,
      section: 'business',
      authors: ['ni-tao'],
      publishedAt: '2026-01-20T09:00:00+08:00',
    }),
    state,
  });
  const listing: Listing = {
    kind: 'home',
    key: '',
    path: '/',
    title: site.name,
    description: '',
    articles: [],
  };

  test.each([
    { state: 'draft', prefix: '[Draft] ' },
    { state: 'embargoed', prefix: '[Embargoed until 20 January 2026, 09:00 GMT+8] ' },
  ] as const)('a $state item says so before its headline, in RSS and JSON Feed', ({ state, prefix }) => {
    const unpublished = inState(state);
    const title = `${prefix}Headline of a-${state}`;
    expect(feedItem(unpublished, media, site).title).toBe(title);
    expect(jsonFeed(listing, [{ article: unpublished, media }], site).items[0]?.title).toBe(title);
  });

  test('a published item keeps its headline alone', () => {
    expect(feedItem(plain, media, site).title).toBe('Headline of plain');
  });
});

describe('lastModified', () => {
  test('is the latest publication or update of the items, none for no items', () => {
    const updated = new Date(Date.UTC(2025, 2, 3));
    const items = [
      story('newest', 'world', 5),
      story('corrected', 'world', 1, { data: { updatedAt: updated } }),
      story('older', 'world', 0),
    ];
    expect(lastModified(items)).toBe(updated);
    expect(lastModified([items[0]!, items[2]!])).toBe(items[0]!.data.publishedAt);
    expect(lastModified([])).toBeUndefined();
  });
});
