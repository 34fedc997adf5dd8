import { describe, expect, test } from 'vitest';
import { buildListings, listingPages, listingsOf } from '../../src/lib/listings.ts';
import type { Listing, ListingKind } from '../../src/lib/listings.ts';
import { article, authors, sections, seriesById, site } from './newsroom-fixture.ts';

// Newest first, as the query module hands them over.
const partTwo = article({
  id: 'part-two',
  section: 'business/auto',
  authors: ['ni-tao'],
  publishedAt: '2025-03-03T09:00:00+08:00',
  tags: ['Electric vehicles', 'Xiaomi'],
  series: { id: 'xiaomi', part: 2 },
});
const markets = article({
  id: 'markets',
  section: 'business',
  authors: ['li-mei', 'ni-tao'],
  publishedAt: '2025-03-02T09:00:00+08:00',
  tags: ['electric-vehicles'],
});
const partOne = article({
  id: 'part-one',
  section: 'business/auto',
  authors: ['li-mei'],
  publishedAt: '2025-03-01T09:00:00+08:00',
  tags: ['Xiaomi'],
  series: { id: 'xiaomi', part: 1 },
});
const articles = [partTwo, markets, partOne];

// buildListings reads only these four; the rest of the Newsroom is not its business.
const room = { articles, sections, authors, series: seriesById } as Parameters<typeof buildListings>[0];
const listings = buildListings(room, site);

function find(kind: ListingKind, key: string): Listing {
  const found = listings.find((listing) => listing.kind === kind && listing.key === key);
  if (!found) throw new Error(`no ${kind} listing "${key}"`);
  return found;
}
const ids = (listing: Listing) => listing.articles.map((each) => each.id);

describe('buildListings', () => {
  test('the home listing has every article in the newsroom’s order', () => {
    const home = find('home', '');
    expect(home).toMatchObject({ path: '/', title: site.name, description: site.tagline });
    expect(ids(home)).toEqual(['part-two', 'markets', 'part-one']);
  });

  test('a section listing includes the articles of its subsections', () => {
    expect(ids(find('section', 'business'))).toEqual(['part-two', 'markets', 'part-one']);
    expect(ids(find('section', 'business/auto'))).toEqual(['part-two', 'part-one']);
  });

  test('a section listing has the section’s URL, name and description', () => {
    expect(find('section', 'business/auto')).toMatchObject({
      path: '/business/auto/',
      title: 'Auto',
      description: 'Carmakers.',
    });
  });

  test('an author listing has every article they wrote or co-wrote', () => {
    expect(ids(find('author', 'ni-tao'))).toEqual(['part-two', 'markets']);
    expect(ids(find('author', 'li-mei'))).toEqual(['markets', 'part-one']);
    expect(find('author', 'ni-tao')).toMatchObject({ path: '/authors/ni-tao/', title: 'Ni Tao' });
  });

  test('a series listing has its published parts, in part order', () => {
    expect(ids(find('series', 'xiaomi'))).toEqual(['part-one', 'part-two']);
    expect(find('series', 'xiaomi').path).toBe('/series/xiaomi/');
  });

  test('a tag listing is keyed and addressed by the tag slug', () => {
    expect(ids(find('tag', 'xiaomi'))).toEqual(['part-two', 'part-one']);
    expect(find('tag', 'xiaomi').path).toBe('/tags/xiaomi/');
  });

  test('two tags that slug the same share one listing', () => {
    const tagListings = listingsOf(listings, 'tag').filter((listing) => listing.key === 'electric-vehicles');
    expect(tagListings).toHaveLength(1);
    expect(ids(tagListings[0]!)).toEqual(['part-two', 'markets']);
  });

  test.each([
    { kind: 'section' as const, key: 'world' },
    { kind: 'author' as const, key: 'idle' },
    { kind: 'series' as const, key: 'planned' },
  ])('the $kind "$key" has a listing even with no articles', ({ kind, key }) => {
    expect(find(kind, key).articles).toEqual([]);
  });

  test('no two listings share a kind and key', () => {
    const keys = listings.map((listing) => `${listing.kind}:${listing.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('no two listings share a path', () => {
    const paths = listings.map((listing) => listing.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('no listing contains an article twice', () => {
    for (const listing of listings)
      expect(new Set(ids(listing)).size, listing.path).toBe(listing.articles.length);
  });

  test('an article tagged twice with tags that slug the same is listed once under that tag', () => {
    const twice = article({
      id: 'twice',
      section: 'world',
      authors: ['li-mei'],
      publishedAt: '2025-03-05T09:00:00+08:00',
      tags: ['Xiaomi', 'xiaomi'],
    });
    const built = buildListings({ ...room, articles: [twice] }, site);
    const xiaomi = built.find((listing) => listing.kind === 'tag' && listing.key === 'xiaomi');
    expect(xiaomi?.articles.map((each) => each.id)).toEqual(['twice']);
  });

  test('an empty newsroom still has a home page', () => {
    const empty = buildListings({ ...room, articles: [] }, site);
    expect(listingsOf(empty, 'home')).toHaveLength(1);
    expect(listingsOf(empty, 'tag')).toEqual([]);
  });
});

describe('listingsOf', () => {
  test('picks the listings of one kind', () => {
    expect(
      listingsOf(listings, 'series')
        .map((listing) => listing.key)
        .sort(),
    ).toEqual(['planned', 'xiaomi']);
  });
});

describe('listingPages', () => {
  // 45 articles newest first: the front shows the open block of 5 and the newest full block of 20.
  const many = Array.from({ length: 45 }, (_, index) =>
    article({
      id: `story-${String(45 - index).padStart(2, '0')}`,
      section: 'world',
      authors: ['li-mei'],
      publishedAt: `2025-03-01T09:${String(45 - index).padStart(2, '0')}:00+08:00`,
      series: { id: 'xiaomi', part: 45 - index },
    }),
  );
  const of = (kind: ListingKind): Listing => ({
    kind,
    key: 'key',
    path: '/listing/',
    title: 'A listing',
    description: 'Described.',
    articles: kind === 'series' ? [...many].reverse() : many,
  });
  const pagesOf = (kind: ListingKind) =>
    listingPages([of(kind)]).map(({ page }) => [page.url, page.items.length]);

  test.each(['section', 'author', 'tag', 'year', 'month'] as const)(
    'a %s listing has its front and numbered pages of the oldest blocks',
    (kind) => {
      expect(pagesOf(kind)).toEqual([
        ['/listing/', 25],
        ['/listing/page/1/', 20],
      ]);
    },
  );

  test('a series is one page of all its parts, in part order', () => {
    const [only, ...rest] = listingPages([of('series')]);
    expect(rest).toEqual([]);
    expect(only!.page.items.map((each) => each.series!.part)).toEqual(many.map((_, index) => index + 1));
  });

  test('the front page is not a listing page (it has its own layout)', () => {
    expect(pagesOf('home')).toEqual([]);
  });
});
