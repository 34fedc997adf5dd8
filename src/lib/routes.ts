import { digest } from './cache-keys.ts';
import { chromeOf } from './chrome.ts';
import {
  astroCachesPages,
  buildCode,
  buildPartition,
  previewsUnpublished,
  keysRecordFile,
  replacedPagesFile,
  sitePagesFile,
} from './env.ts';
import { lastModified } from './feed.ts';
import { frontPage, frontPageArticles } from './front-page.ts';
import { archiveTree } from './listings.ts';
import type { ArchiveYear, Listing } from './listings.ts';
import type { Chrome } from './model.ts';
import { articlePages, feedsOf, listingPagesOf } from './page-keys.ts';
import { inPartition } from './partitions.ts';
import { lastBuildIndex, previewSearchNote } from './preview-search.ts';
import { newsroom } from './query.ts';
import type { Newsroom } from './query.ts';
import {
  isUnchanged,
  keptKeys,
  readBuiltPages,
  readSitePagesIfAny,
  sitePages,
  writeSitePages,
} from './site-pages.ts';
import type { BuiltPages } from './site-pages.ts';
import { yearInputs } from './year-inputs.ts';
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

/** A page's static path for Astro: its props, with its key only where Astro keeps its own copies. */
function forAstro<P, Q>({ params, props, cacheKey }: { params: P; props: () => Q; cacheKey: string }) {
  keyed ??= astroCachesPages();
  return { params, props: props(), ...(keyed && { cacheKey }) };
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
  const record = sitePagesFile();
  const code = buildCode();
  // Each year's inputs, recorded for the next build; the keys of the years whose inputs are those of
  // the record named (the last build's, or this build's for an older partition) are taken from it
  // (src/lib/year-inputs.ts).
  const inputs = code === undefined ? undefined : yearInputs(room, around, code);
  const kept = inputs && keptKeys(readSitePagesIfAny(keysRecordFile()), inputs);
  const found = {
    room,
    articles: articlePages(room, around, kept),
    listings: listingPagesOf(room, around, kept),
    feeds: feedsOf(room),
  };
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
      sitePages([...dated, { path: '/', updated: updated?.toISOString(), cacheKey: '' }], inputs),
    );
  }
  return found;
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
