import { articleDigest, cardDigest, digest, sharedDigest } from './cache-keys.ts';
import { yearIn, yearMonth } from './dates.ts';
import { lastModified } from './feed.ts';
import { archiveTree, feedKinds, listingPages } from './listings.ts';
import type { ArchiveYear, Listing } from './listings.ts';
import type { Article, Chrome, Content } from './model.ts';
import type { Page } from './pagination.ts';
import { relatedArticles, sectionNeighbours } from './related.ts';
import type { RelatedIndex } from './related.ts';
import { childSections, sectionPath } from './sections.ts';
import { seriesParts } from './series.ts';
import type { SeriesPart } from './series.ts';
import { feedUrl } from './urls.ts';
import { site } from '../site.config.ts';

/**
 * The article pages, listing pages and listing feeds of the whole site, each with its props and
 * its cache key (src/lib/cache-keys.ts): what src/lib/routes.ts hands Astro and records for the
 * sitemap, the partitions and the search index. Pure: the newsroom comes in as a value.
 */

/** What the pages are made from: the newsroom's content, its listings and its related index. */
export type PagesRoom = Pick<Content, 'articles' | 'sections' | 'authors' | 'series' | 'bySeries' | 'now'> & {
  listings: Listing[];
  related: RelatedIndex;
};

/** A page's keys: its cache key, and for an article page the key of what search reads of it. */
export interface PageKeys {
  key: string;
  search?: string | undefined;
}

/**
 * The keys a page of `year` at `path` had at the last build, if they still hold (`keptKeys`,
 * src/lib/site-pages.ts): its related articles, neighbours and cards then need not be worked out.
 */
export type KeptKeys = (year: number | undefined, path: string) => PageKeys | undefined;

const noneKept: KeptKeys = () => undefined;

/** The year a page belongs to: that of its newest article (none: a page of no year). */
export function yearOf(newest: Article | undefined): number | undefined {
  return newest && yearIn(newest.data.publishedAt, site.timezone);
}

/** An article's month of publication, `YYYY-MM` in the site timezone, which picks its search shard. */
function monthOf(article: Article): string {
  const { year, month } = yearMonth(article.data.publishedAt, site.timezone);
  return `${year}-${month}`;
}

/** `make`'s value, made on the first call: a kept page's props are made only if it is rendered. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The parts of an article's series for its series box (empty when it is not in one). */
function seriesPartsFor(article: Article, { bySeries }: Pick<Content, 'bySeries'>): SeriesPart[] {
  if (!article.series) return [];
  const published = (bySeries.get(article.series.series.id) ?? []).map((part) => ({
    part: part.series!.part,
    title: part.data.title,
    url: part.url,
  }));
  return seriesParts(article.series.series.parts, published);
}

/** Every article page of the site, in every partition, with everything it shows around the article. */
export function articlePages(room: PagesRoom, around: Chrome, kept: KeptKeys = noneKept) {
  return room.articles.map((article) => {
    const year = yearOf(article);
    const props = once(() => ({
      chrome: around,
      article,
      seriesParts: seriesPartsFor(article, room),
      related: relatedArticles(article, room.related),
      neighbours: sectionNeighbours(article, room.related),
    }));
    const keys = kept(year, article.url) ?? articleKeys(props());
    return {
      path: article.url,
      year,
      month: monthOf(article),
      updated: article.data.updatedAt ?? article.data.publishedAt,
      params: { slug: article.id },
      props,
      searchKey: keys.search,
      cacheKey: keys.key,
    };
  });
}

/** The keys of an article page from its props. */
function articleKeys({
  chrome,
  article,
  seriesParts: parts,
  related,
  neighbours: { older, newer },
}: {
  chrome: Chrome;
  article: Article;
  seriesParts: SeriesPart[];
  related: Article[];
  neighbours: { older?: Article | undefined; newer?: Article | undefined };
}): PageKeys {
  // What search reads of the page: all but the stories it links to, which the layout hides from
  // Pagefind (data-pagefind-ignore="all"). A story published or retitled next to it changes the
  // page, not its search shard (docs/architecture.md, "Cache keys").
  const search = digest(sharedDigest(chrome), articleDigest(article), parts);
  return {
    search,
    key: digest(search, related.map(cardDigest), older && cardDigest(older), newer && cardDigest(newer)),
  };
}

/** The route parameter of a listing page: its path without the surrounding slashes. */
function routeParam(path: string): string | undefined {
  return path.replace(/^\/|\/$/g, '') || undefined;
}

/**
 * What a listing page shows about its listing: not its count, which every new article changes, so
 * that publishing leaves a numbered page's key alone (docs/architecture.md, guarantee 7).
 */
export function pageHead({ kind, key, path, title, description }: Listing) {
  return { kind, key, path, title, description };
}

/** What a listing shows about itself, without its articles: its page head and its count. */
function listingHead(listing: Listing) {
  return { ...pageHead(listing), count: listing.articles.length };
}

/** What a listing page shows beside its articles, looked up in the newsroom. */
function listingContext(listing: Listing, page: Page<Article>, room: PagesRoom, years: ArchiveYear[]) {
  const isSection = listing.kind === 'section';
  const isFront = page.number === undefined;
  return {
    /** The section and its ancestors, top first (section fronts only). */
    sectionPath: isSection ? sectionPath(listing.key, room.sections) : [],
    /** The subsections a section front links to. */
    subsections: isSection ? childSections(listing.key, room.sections.values()) : [],
    author: listing.kind === 'author' ? room.authors.get(listing.key) : undefined,
    series: listing.kind === 'series' ? room.series.get(listing.key) : undefined,
    /** A year's front lists its months with their counts, which change as articles are published. */
    archive: listing.kind === 'year' && isFront ? years.filter((each) => each.year.key === listing.key) : [],
  };
}

/** Every listing page of the site (sections, authors, tags, series, archives), paginated, in every partition. */
export function listingPagesOf(room: PagesRoom, around: Chrome, kept: KeptKeys = noneKept) {
  const years = once(() => archiveTree(room.listings));
  return listingPages(room.listings).map(({ listing, page }) => {
    const year = yearOf(page.items[0]);
    const updated = lastModified(page.items);
    const context = once(() => listingContext(listing, page, room, years()));
    return {
      path: page.url,
      year,
      updated,
      params: { listing: routeParam(page.url) },
      // `updated` comes from the items, which the key holds already.
      props: () => ({ chrome: around, listing, page, updated, ...context() }),
      cacheKey: kept(year, page.url)?.key ?? listingKey(around, listing, page, context()),
    };
  });
}

/** The cache key of a listing page. */
function listingKey(
  around: Chrome,
  listing: Listing,
  page: Page<Article>,
  context: ReturnType<typeof listingContext>,
): string {
  return digest(
    sharedDigest(around),
    pageHead(listing),
    { ...page, items: page.items.map(cardDigest) },
    {
      ...context,
      archive: context.archive.map(({ year, months }) => [listingHead(year), months.map(listingHead)]),
    },
  );
}

/** Every listing feed, the site feed included, each a file of its own beside its listing's page. */
export function feedsOf({ listings, now }: Pick<PagesRoom, 'listings' | 'now'>) {
  return listings
    .filter((listing) => feedKinds.includes(listing.kind))
    .map((listing) => {
      const items = listing.articles.slice(0, site.feedItems);
      return {
        path: feedUrl(listing.path),
        // Of no year: the newest partition renders the feeds.
        year: undefined,
        params: { listing: routeParam(listing.path) },
        props: () => ({ listing }),
        // An empty feed shows the build clock as its date.
        cacheKey: digest(listingHead(listing), items.map(articleDigest), items.length === 0 && now),
      };
    });
}
