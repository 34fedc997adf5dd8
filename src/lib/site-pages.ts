import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { digest } from './cache-keys.ts';
import type { KeptKeys } from './page-keys.ts';
import { inPartition } from './partitions.ts';
import type { Partition } from './partitions.ts';

/**
 * The site's pages as the newsroom knows them, before any is rendered: each dated page's path, the
 * year it belongs to (src/lib/partitions.ts) and the date it states, and per year a digest of the
 * cache keys of that year's pages. The newest partition's Astro build writes it (scripts/build.ts
 * names the file), so that
 * - the sitemap lists and dates the pages of every partition without reading them, which lets the
 *   newest partition build first and before the others;
 * - a partition whose pages' keys (and the code) are what they were at its last build is not built
 *   again: its last output is kept (docs/architecture.md, "Scale: partitions").
 */
export interface SitePages {
  /** Per year of the archive, the digest of the cache keys of every page belonging to it. */
  years: Record<string, string>;
  /**
   * Per year, the digest of everything its pages can show (`yearInputs`, src/lib/year-inputs.ts):
   * the next build takes the keys of the years whose inputs are the same (`keptKeys`).
   */
  inputs?: Record<string, string> | undefined;
  /**
   * Every page that states a date (articles, listings, the front page), and the listings' feeds,
   * which are kept from build to build as the pages are (`isPage` tells them apart).
   */
  pages: SitePage[];
}

export interface SitePage {
  path: string;
  /** The year of the page's newest article; none for a page of no year (the front page). */
  year?: number | undefined;
  /** An article page's month of publication, `YYYY-MM` in the site's timezone (search-shards.ts). */
  month?: string | undefined;
  /** The date the page states (`article:modified_time`, `og:updated_time`), ISO in UTC. */
  updated?: string | undefined;
  /** Its cache key (src/lib/cache-keys.ts); none for the front page, which every build renders. */
  key?: string | undefined;
  /** The key of what search reads of it (an article page's, src/lib/routes.ts); none for the others. */
  search?: string | undefined;
}

/** A page as the route producers (src/lib/routes.ts) give it, with its cache keys. */
export interface KeyedPage extends Omit<SitePage, 'search'> {
  cacheKey: string;
  searchKey?: string | undefined;
}

/** The record of these pages: their paths and dates, their keys digested per year, and each year's inputs. */
export function sitePages(pages: readonly KeyedPage[], inputs?: ReadonlyMap<number, string>): SitePages {
  const keysByYear = new Map<number, string[]>();
  for (const { year, cacheKey } of pages) {
    if (year === undefined) continue;
    const keys = keysByYear.get(year) ?? [];
    keysByYear.set(year, keys);
    keys.push(cacheKey);
  }
  const years: Record<string, string> = {};
  for (const year of [...keysByYear.keys()].sort((a, b) => a - b)) {
    years[year] = digest(keysByYear.get(year)!.sort());
  }
  return {
    years,
    ...(inputs && { inputs: Object.fromEntries(inputs) }),
    pages: pages.map(({ path, year, month, updated, cacheKey, searchKey }) => ({
      path,
      year,
      ...(month && { month }),
      updated,
      ...(cacheKey && { key: cacheKey }),
      ...(searchKey && { search: searchKey }),
    })),
  };
}

/**
 * The digest of everything a partition's pages show: the keys of its years. Undefined when it has
 * no pages, or when it is the newest (its pages of no year, the feeds and the sitemaps are not
 * keyed here), which is always built.
 */
export function partitionDigest(record: SitePages, partition: Partition): string | undefined {
  if (partition.to === undefined) return undefined;
  const years = Object.entries(record.years).filter(([year]) => inPartition(Number(year), partition));
  return years.length === 0 ? undefined : digest(years);
}

/**
 * The pages of a partition's output that are its own (their files, with `/`): those of its years. The
 * rest (the front page, feeds, search, 404) every partition renders, and the newest's are current.
 */
export function pagesOf(record: SitePages, partition: Partition): Set<string> {
  return new Set(
    record.pages
      .filter(({ year }) => year !== undefined && inPartition(year, partition))
      .map(({ path }) => pageFile(path)),
  );
}

/** Whether a path of the record is a page (a folder with an index.html), not a feed (a file). */
export function isPage(path: string): boolean {
  return path.endsWith('/');
}

/** The file of a path of the record inside the output, with `/`. */
export function pageFile(path: string): string {
  return isPage(path) ? `${path.slice(1)}index.html` : path.slice(1);
}

/**
 * What the dated pages of a built output were built from, recorded beside it after each build
 * (`dist.pages.json`): the digest of the code, and per page its cache key and the files under
 * `_astro/` it names. A later build with the same code renders only the pages whose key is not the
 * one recorded; the others it links from that output, with their images, as they are
 * (docs/architecture.md, "Scale: pages that did not change").
 *
 * Each file under `_astro/` is named once, in `files`, and a page's by number: a photo's renditions
 * are named by every page that shows its card, and at 100,000 articles 1.36 million names of 69
 * files made 48 of the bench's 66 MB record, which a publish reads twice and writes once. Astro's
 * process reads only the keys, so nothing turns the numbers back into names but what needs them.
 */
export interface BuiltPages {
  /** First, so that `recordedWithCode` can read it alone. */
  code: string;
  /** Every file under `_astro/` a page names, each once. */
  files: string[];
  pages: Record<string, BuiltPage>;
}

export interface BuiltPage {
  key: string;
  /** The files under `_astro/` the page names (src/lib/assets.ts), by their place in `files`. */
  assets: number[];
  /**
   * The key of what search reads of it, with the code it was built with, by which the search index
   * plans its shards (search-index.ts); none for a page search does not read.
   */
  search?: string | undefined;
}

/** Whether `page` shows what it showed when `built` was built: the same key, so the same bytes. */
export function isUnchanged(
  page: { path: string; cacheKey: string },
  built: BuiltPages | undefined,
): boolean {
  return built?.pages[page.path]?.key === page.cacheKey;
}

/** The pages of `current` in `partition` that `built` has as they are now. */
export function unchangedPages(current: SitePages, built: BuiltPages, partition: Partition): SitePage[] {
  return current.pages.filter(
    ({ path, year, key }) =>
      key !== undefined && inPartition(year, partition) && isUnchanged({ path, cacheKey: key }, built),
  );
}

export function writeSitePages(file: string, record: SitePages): void {
  // Whole or not at all: the build reads it while Astro renders (`indexWhileWritten`).
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
}

export function readSitePages(file: string): SitePages {
  return JSON.parse(readFileSync(file, 'utf8')) as SitePages;
}

/**
 * The keys of the pages of `previous` (the record of the last build) whose year has the inputs it
 * had then (`yearInputs`): with the same inputs, the same pages with the same keys.
 */
export function keptKeys(previous: SitePages | undefined, inputs: ReadonlyMap<number, string>): KeptKeys {
  const same = new Set(
    [...inputs].filter(([year, digest]) => previous?.inputs?.[year] === digest).map(([year]) => year),
  );
  const kept = new Map(
    (same.size === 0 ? [] : previous!.pages).flatMap((page) =>
      page.year !== undefined && same.has(page.year) && page.key !== undefined ? [[page.path, page]] : [],
    ),
  );
  return (year, path) => {
    const page = kept.get(path);
    return page && page.year === year ? { key: page.key!, search: page.search } : undefined;
  };
}

/** The record in `file` if there is one to read (none, or one cut short: none). */
export function readSitePagesIfAny(file: string | undefined): SitePages | undefined {
  try {
    return file === undefined ? undefined : readSitePages(file);
  } catch {
    return undefined;
  }
}

/** Writes the record of a built output (`BuiltPages`) into `file`. */
export function writeBuiltPages(file: string, built: BuiltPages): void {
  writeFileSync(file, JSON.stringify(built));
}

/**
 * The record of a built output (`BuiltPages`), if there is a file; none from a record an earlier
 * version wrote (no table of files), whose code is not this one.
 */
export function readBuiltPages(file: string | undefined): BuiltPages | undefined {
  if (!file || !existsSync(file)) return undefined;
  const built = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuiltPages>;
  return typeof built.code === 'string' && Array.isArray(built.files) && built.pages !== undefined
    ? (built as BuiltPages)
    : undefined;
}
