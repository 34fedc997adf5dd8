import { articleDigest, cardDigest, digest, sharedDigest } from './cache-keys.ts';
import { chromeOf } from './chrome.ts';
import { yearIn, yearMonth } from './dates.ts';
import {
  astroCachesPages,
  buildPartition,
  previewsUnpublished,
  replacedPagesFile,
  sitePagesFile,
} from './env.ts';
import { lastModified } from './feed.ts';
import { frontPage, frontPageArticles } from './front-page.ts';
import { archiveTree, feedKinds, listingPages } from './listings.ts';
import type { ArchiveYear, Listing } from './listings.ts';
import type { Article, Chrome, Content } from './model.ts';
import type { Page } from './pagination.ts';
import { inPartition } from './partitions.ts';
import { lastBuildIndex, previewSearchNote } from './preview-search.ts';
import { newsroom } from './query.ts';
import type { Newsroom } from './query.ts';
import { relatedArticles, sectionNeighbours } from './related.ts';
import { childSections, sectionPath } from './sections.ts';
import { seriesParts } from './series.ts';
import { isUnchanged, readBuiltPages, sitePages, writeSitePages } from './site-pages.ts';
import type { BuiltPages } from './site-pages.ts';
import type { SeriesPart } from './series.ts';
import { feedUrl } from './urls.ts';
import { site } from '../site.config.ts';

/**
 * The route producers: what each route renders, as props, with the cache key of each page
 * (src/lib/cache-keys.ts). Every page gets the site chrome from here, so layouts never load the
 * newsroom themselves and each key covers everything its page shows (docs/architecture.md, cache keys).
 */

/** The chrome of the newsroom's pages, in the site timezone. */
function siteChrome(room: Newsroom): Chrome {
  return chromeOf(room, site.timezone);
}

/** The year a page belongs to: that of its newest article (none: a page of no year). */
function yearOf(newest: Article | undefined): number | undefined {
  return newest && yearIn(newest.data.publishedAt, site.timezone);
}

/** An article's month of publication, `YYYY-MM` in the site timezone, which picks its search shard. */
function monthOf(article: Article): string {
  const { year, month } = yearMonth(article.data.publishedAt, site.timezone);
  return `${year}-${month}`;
}

/**
 * Whether this build renders a page of this year, which it does unless it builds one partition of
 * a large archive (src/lib/partitions.ts).
 */
function rendersHere(page: { year?: number | undefined }): boolean {
  return inPartition(page.year, buildPartition());
}

/** The record of the output this build replaces, read once (`record` is undefined when there is none). */
let built: { record: BuiltPages | undefined } | undefined;

/**
 * Whether this build renders an article or listing page: one of its partition that the output it
 * replaces does not have as it is now (same key). scripts/build.ts links those from that output.
 */
function rendersNow(page: { year?: number | undefined; path: string; cacheKey: string }): boolean {
  built ??= { record: readBuiltPages(replacedPagesFile()) };
  return rendersHere(page) && !isUnchanged(page, built.record);
}

/** Whether Astro keeps its own copies of the pages (`astroCachesPages`), read once, not per page. */
let keyed: boolean | undefined;

/** A page's static path for Astro: with its key only where Astro keeps its own copies. */
function forAstro<P, Q>({ params, props, cacheKey }: { params: P; props: Q; cacheKey: string }) {
  keyed ??= astroCachesPages();
  return { params, props, ...(keyed && { cacheKey }) };
}

/** The chrome for a page that shows nothing else from the newsroom (search, 404). */
export async function chrome(): Promise<Chrome> {
  return siteChrome(await newsroom());
}

/** The search page: the chrome and, in the dev preview only, which index it searches. */
export async function searchPageProps(): Promise<{ chrome: Chrome; previewNote?: string }> {
  return {
    chrome: await chrome(),
    ...(previewsUnpublished() ? { previewNote: previewSearchNote(lastBuildIndex(), site.timezone) } : {}),
  };
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
function articlePages(room: Newsroom, around: Chrome) {
  return room.articles.map((article) => {
    const props = {
      chrome: around,
      article,
      seriesParts: seriesPartsFor(article, room),
      related: relatedArticles(article, room.related),
      neighbours: sectionNeighbours(article, room.related),
    };
    const { older, newer } = props.neighbours;
    // What search reads of the page: all but the stories it links to, which the layout hides from
    // Pagefind (data-pagefind-ignore="all"). A story published or retitled next to it changes the
    // page, not its search shard (docs/architecture.md, "Cache keys").
    const searchKey = digest(sharedDigest(around), articleDigest(article), props.seriesParts);
    return {
      path: article.url,
      year: yearOf(article),
      month: monthOf(article),
      updated: article.data.updatedAt ?? article.data.publishedAt,
      params: { slug: article.id },
      props,
      searchKey,
      cacheKey: digest(
        searchKey,
        props.related.map(cardDigest),
        older && cardDigest(older),
        newer && cardDigest(newer),
      ),
    };
  });
}

/**
 * Static paths of article pages, with everything the page shows around the article; in the dev
 * preview also the pages of articles the build would refuse.
 */
export async function articlePaths() {
  const { room, articles } = await everyPage();
  // Dev preview only (a build has none): each article the build would refuse, at its URL.
  const broken = room.broken.map((article) => ({
    params: { slug: article.id },
    props: { chrome: siteChrome(room), broken: article },
  }));
  return [...articles.filter(rendersNow).map(forAstro), ...broken];
}

/** The route parameter of a listing page: its path without the surrounding slashes. */
function routeParam(path: string): string | undefined {
  return path.replace(/^\/|\/$/g, '') || undefined;
}

/**
 * What a listing page shows about its listing: not its count, which every new article changes, so
 * that publishing leaves a numbered page's key alone (docs/architecture.md, guarantee 7).
 */
function pageHead({ kind, key, path, title, description }: Listing) {
  return { kind, key, path, title, description };
}

/** What a listing shows about itself, without its articles: its page head and its count. */
function listingHead(listing: Listing) {
  return { ...pageHead(listing), count: listing.articles.length };
}

/** What a listing page shows beside its articles, looked up in the newsroom. */
function listingContext(listing: Listing, page: Page<Article>, room: Newsroom, years: ArchiveYear[]) {
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
function listingPagesOf(room: Newsroom, around: Chrome) {
  const years = archiveTree(room.listings);
  return listingPages(room.listings).map(({ listing, page }) => {
    const context = listingContext(listing, page, room, years);
    const updated = lastModified(page.items);
    return {
      path: page.url,
      year: yearOf(page.items[0]),
      updated,
      params: { listing: routeParam(page.url) },
      // `updated` comes from the items, which the key holds already.
      props: { chrome: around, listing, page, updated, ...context },
      cacheKey: digest(
        sharedDigest(around),
        pageHead(listing),
        { ...page, items: page.items.map(cardDigest) },
        {
          ...context,
          archive: context.archive.map(({ year, months }) => [listingHead(year), months.map(listingHead)]),
        },
      ),
    };
  });
}

/** Static paths of every listing page (sections, authors, tags, series, archives), paginated. */
export async function listingPagePaths() {
  const { listings } = await everyPage();
  return listings.filter(rendersNow).map(forAstro);
}

let pages: ReturnType<typeof findEveryPage> | undefined;

/**
 * The article and listing pages of the whole site, found once per build; when the build asks for it
 * (scripts/build.ts), their record (src/lib/site-pages.ts) is written for the sitemap and for the
 * partitions that need not be built again.
 */
function everyPage() {
  pages ??= findEveryPage();
  return pages;
}

async function findEveryPage() {
  const room = await newsroom();
  const around = siteChrome(room);
  const found = {
    room,
    articles: articlePages(room, around),
    listings: listingPagesOf(room, around),
    feeds: feedsOf(room),
  };
  const record = sitePagesFile();
  if (record) {
    const { updated } = await frontPageProps();
    const dated = [...found.articles, ...found.listings, ...found.feeds].map((page) => ({
      path: page.path,
      year: page.year,
      month: 'month' in page ? page.month : undefined,
      updated: 'updated' in page ? page.updated?.toISOString() : undefined,
      cacheKey: page.cacheKey,
      // Only article pages are searched (src/lib/search-index.ts).
      searchKey: 'searchKey' in page ? page.searchKey : undefined,
    }));
    writeSitePages(
      record,
      sitePages([...dated, { path: '/', updated: updated?.toISOString(), cacheKey: '' }]),
    );
  }
  return found;
}

/** Every listing feed, the site feed included, each a file of its own beside its listing's page. */
function feedsOf({ listings, now }: Newsroom) {
  return listings
    .filter((listing) => feedKinds.includes(listing.kind))
    .map((listing) => {
      const items = listing.articles.slice(0, site.feedItems);
      return {
        path: feedUrl(listing.path),
        // Of no year: the newest partition renders the feeds (`rendersHere`).
        year: undefined,
        params: { listing: routeParam(listing.path) },
        props: { listing },
        // An empty feed shows the build clock as its date.
        cacheKey: digest(listingHead(listing), items.map(articleDigest), items.length === 0 && now),
      };
    });
}

/**
 * Static paths of the listing feeds that changed since the output this build replaces (kept like
 * the pages: at 10,000 articles Astro copied 79 MB of unchanged feeds from its cache in every build).
 */
export async function feedPaths() {
  const { feeds } = await everyPage();
  return feeds.filter(rendersNow).map(forAstro);
}

/** The front page: its stories, the chrome, and the day's date for its dateline. */
export async function frontPageProps() {
  const room = await newsroom();
  const front = frontPage(room.articles, room.sections);
  return {
    front,
    chrome: siteChrome(room),
    today: room.now,
    updated: lastModified(frontPageArticles(front)),
  };
}

/** Static paths of the pages from content/pages/. */
export async function staticPagePaths() {
  const room = await newsroom();
  const around = siteChrome(room);
  if (!rendersHere({})) return [];
  return room.pages.map((page) => ({
    params: { page: page.id },
    props: { chrome: around, page },
    cacheKey: digest(around, page),
  }));
}

/** The front page listing: every published article, newest first (the site's JSON Feed). */
export async function homeListing(): Promise<Listing> {
  const { listings } = await newsroom();
  return listings.find((listing) => listing.kind === 'home')!;
}

/** The archive page: the date archive as years and months, newest first, and the chrome. */
export async function archivePageProps(): Promise<{ years: ArchiveYear[]; chrome: Chrome }> {
  const room = await newsroom();
  return { years: archiveTree(room.listings), chrome: siteChrome(room) };
}

/** The news sitemap's entries (every published article; the sitemap keeps the recent ones) and the clock. */
export async function newsSitemapEntries() {
  const { articles, now } = await newsroom();
  const entries = articles.map((article) => ({
    url: article.url,
    title: article.data.title,
    publishedAt: article.data.publishedAt,
  }));
  return { entries, now };
}
