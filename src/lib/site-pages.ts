import { readFileSync, writeFileSync } from 'node:fs';
import { digest } from './cache-keys';
import { inPartition } from './partitions';
import type { Partition } from './partitions';

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
  /** Every page that states a date (articles, listings, the front page). */
  pages: SitePage[];
}

export interface SitePage {
  path: string;
  /** The year of the page's newest article; none for a page of no year (the front page). */
  year?: number | undefined;
  /** The date the page states (`article:modified_time`, `og:updated_time`), ISO in UTC. */
  updated?: string | undefined;
}

/** A page as the route producers (src/lib/routes.ts) give it, with its cache key. */
export interface KeyedPage extends SitePage {
  cacheKey: string;
}

/** The record of these pages: their paths and dates, and their keys digested per year. */
export function sitePages(pages: readonly KeyedPage[]): SitePages {
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
  return { years, pages: pages.map(({ path, year, updated }) => ({ path, year, updated })) };
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
      .map(({ path }) => `${path.slice(1)}index.html`),
  );
}

export function writeSitePages(file: string, record: SitePages): void {
  writeFileSync(file, JSON.stringify(record));
}

export function readSitePages(file: string): SitePages {
  return JSON.parse(readFileSync(file, 'utf8')) as SitePages;
}
