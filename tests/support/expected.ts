import { yearMonth } from '../../src/lib/dates.ts';
import { site } from '../../src/site.config.ts';
import type { ManifestEntry } from './fixture-site.ts';

/**
 * The test oracle: what each listing should hold, worked out from the fixture manifest by the
 * plainest possible filtering and sorting, independently of src/lib's indexes.
 */

/** Published articles, newest first, then by id. */
export function published(manifest: ManifestEntry[]): ManifestEntry[] {
  return manifest
    .filter((entry) => entry.published)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : 1));
}

/** Article URLs, in order. */
export function urlsOf(entries: ManifestEntry[]): string[] {
  return entries.map((entry) => `/articles/${entry.id}/`);
}

/** Year and month of an entry in the site's timezone (src/site.config.ts), as its archive files it. */
export function siteMonth(entry: ManifestEntry): { year: string; month: string } {
  return yearMonth(new Date(entry.publishedAt), site.timezone);
}

/** The absolute URL of a site path, on the site's origin (src/site.config.ts). */
export function onSite(path: string): string {
  return `${site.url}${path}`;
}

/** Matches an absolute URL on the site's origin whose path matches `path` (a RegExp source). */
export function onSitePattern(path: string): RegExp {
  return new RegExp(`^${site.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}`);
}
